import './programme.css';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ActingUnit, useRequiredActingUnit } from '../../app/acting-unit';
import { useCan } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { formatNumber } from '../../lib/format';
import { UnitLevel } from './level-tag';
import { yearsLabel } from './plans-page';
import { type Topic, useTopics } from './programme.api';
import { TopicDrawer } from './topic-drawer';
import { TopicFormModal } from './topic-form-modal';
import { ProgrammeList } from './programme-list';
import { useListState } from './use-list-state';

const TOPIC_SORT_KEYS = ['year', 'unit', 'createdAt'] as const;
type TopicSort = (typeof TOPIC_SORT_KEYS)[number];

export function TopicsPage() {
  const actingUnit = useRequiredActingUnit();
  return <TopicsWorkspace key={actingUnit.id} actingUnit={actingUnit} />;
}

function TopicsWorkspace({ actingUnit }: { actingUnit: ActingUnit }) {
  const { t } = useTranslation();
  const canWrite = useCan('programme.write');
  const list = useListState<TopicSort>(TOPIC_SORT_KEYS, 'year', 'desc');
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const topics = useTopics({
    unitId: actingUnit.id,
    q: list.q || undefined,
    year: list.year,
    level: list.level,
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sorting.sort,
    order: list.sorting.order,
  });

  const scopeTag = (topic: Topic) => (
    <Tag color={topic.isWholeTerm ? 'purple' : 'blue'}>
      {topic.isWholeTerm ? t('programme.topics.wholeTerm') : t('programme.topics.annual')}
    </Tag>
  );

  const columns: ColumnsType<Topic> = [
    {
      title: t('programme.topics.fields.title'),
      key: 'title',
      render: (_value, topic) => (
        <Button type="link" className="link-cell wrap-cell" onClick={() => setOpenId(topic.id)} data-testid="topic-open">
          {topic.title}
        </Button>
      ),
    },
    {
      title: t('programme.fields.years'),
      key: 'year',
      width: 190,
      sorter: true,
      sortOrder: list.orderFor('year'),
      render: (_value, topic) => (
        <span>
          {yearsLabel(topic.fromYear, topic.toYear)} {scopeTag(topic)}
        </span>
      ),
    },
    {
      title: t('programme.fields.level'),
      key: 'unit',
      width: 300,
      sorter: true,
      sortOrder: list.orderFor('unit'),
      render: (_value, topic) => <UnitLevel actingUnit={actingUnit} unit={topic.unit} />,
    },
    { title: t('programme.topics.materials'), key: 'files', width: 130, render: (_value, topic) => formatNumber(topic.files.length) },
  ];

  const phoneColumns: ColumnsType<Topic> = [
    {
      title: t('programme.topics.fields.title'),
      key: 'year',
      sorter: true,
      sortOrder: list.orderFor('year'),
      render: (_value, topic) => (
        <div className="compact-row">
          <span className="compact-row-title">{topic.title}</span>
          <span className="compact-row-line">
            {yearsLabel(topic.fromYear, topic.toYear)} {scopeTag(topic)}
          </span>
          <span className="compact-row-line">
            <UnitLevel actingUnit={actingUnit} unit={topic.unit} />
          </span>
        </div>
      ),
    },
  ];

  const toolbar = canWrite ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="topic-add">
      {t('programme.topics.add')}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader
        title={t('programme.topics.title')}
        subtitle={t('programme.topics.subtitle', { unit: actingUnit.name })}
        extra={toolbar}
      />
      <ProgrammeList<Topic, TopicSort>
        kind="topics"
        list={list}
        query={topics}
        columns={columns}
        phoneColumns={phoneColumns}
        width={900}
        unitName={actingUnit.name}
        onOpen={(row) => setOpenId(row.id)}
      />
      <TopicDrawer topicId={openId} onClose={() => setOpenId(null)} />
      {creating ? (
        <TopicFormModal
          unitId={actingUnit.id}
          unitName={actingUnit.name}
          onClose={() => setCreating(false)}
          onDone={(topic) => {
            setCreating(false);
            setOpenId(topic.id);
          }}
        />
      ) : null}
    </>
  );
}
