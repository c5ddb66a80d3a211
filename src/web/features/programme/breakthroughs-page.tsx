import './programme.css';
import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BREAKTHROUGH_STATUSES } from '../../../shared/contracts/programme';
import { type ActingUnit, useRequiredActingUnit } from '../../app/acting-unit';
import { useCan } from '../../app/session';
import { DownloadButton } from '../../components/download-button';
import { PageHeader } from '../../components/page-header';
import { formatDate } from '../../lib/format';
import { BreakthroughDrawer } from './breakthrough-drawer';
import { BreakthroughFormModal } from './breakthrough-form-modal';
import { ProgressBar, StatusTag } from './breakthrough-status';
import { UnitLevel } from './level-tag';
import { type Breakthrough, type BreakthroughStatus, useBreakthroughs } from './programme.api';
import { ProgrammeList } from './programme-list';
import { useListState } from './use-list-state';

const BREAKTHROUGH_SORT_KEYS = ['deadline', 'year', 'progress', 'unit'] as const;
type BreakthroughSort = (typeof BREAKTHROUGH_SORT_KEYS)[number];

export function BreakthroughsPage() {
  const actingUnit = useRequiredActingUnit();
  return <BreakthroughsWorkspace key={actingUnit.id} actingUnit={actingUnit} />;
}

function BreakthroughsWorkspace({ actingUnit }: { actingUnit: ActingUnit }) {
  const { t } = useTranslation();
  const canWrite = useCan('programme.write');
  // Contents are chosen for a year: this year's are what officers follow up.
  const list = useListState<BreakthroughSort>(BREAKTHROUGH_SORT_KEYS, 'deadline', 'asc', new Date().getFullYear());
  const [status, setStatus] = useState<BreakthroughStatus | undefined>();
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const query = {
    unitId: actingUnit.id,
    q: list.q || undefined,
    year: list.year,
    level: list.level,
    status,
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sorting.sort,
    order: list.sorting.order,
  };
  const contents = useBreakthroughs(query);

  const columns: ColumnsType<Breakthrough> = [
    {
      title: t('programme.breakthroughs.fields.title'),
      key: 'title',
      width: 340,
      render: (_value, content) => (
        <Button type="link" className="link-cell wrap-cell" onClick={() => setOpenId(content.id)} data-testid="breakthrough-open">
          {content.title}
        </Button>
      ),
    },
    {
      title: t('programme.fields.level'),
      key: 'unit',
      width: 260,
      sorter: true,
      sortOrder: list.orderFor('unit'),
      render: (_value, content) => <UnitLevel actingUnit={actingUnit} unit={content.unit} />,
    },
    { title: t('programme.breakthroughs.fields.ownerUnit'), key: 'owner', width: 220, render: (_value, content) => content.ownerUnit.name },
    {
      title: t('programme.fields.year'),
      key: 'year',
      width: 90,
      sorter: true,
      sortOrder: list.orderFor('year'),
      render: (_value, content) => content.year,
    },
    {
      title: t('programme.breakthroughs.fields.deadline'),
      key: 'deadline',
      width: 120,
      sorter: true,
      sortOrder: list.orderFor('deadline'),
      render: (_value, content) => formatDate(content.deadline),
    },
    {
      title: t('programme.breakthroughs.fields.progress'),
      key: 'progress',
      width: 170,
      sorter: true,
      sortOrder: list.orderFor('progress'),
      render: (_value, content) => <ProgressBar percent={content.progressPercent} status={content.status} />,
    },
    {
      title: t('programme.breakthroughs.fields.status'),
      key: 'status',
      width: 150,
      render: (_value, content) => <StatusTag status={content.status} />,
    },
  ];

  const phoneColumns: ColumnsType<Breakthrough> = [
    {
      title: t('programme.breakthroughs.fields.title'),
      key: 'deadline',
      sorter: true,
      sortOrder: list.orderFor('deadline'),
      render: (_value, content) => (
        <div className="compact-row">
          <span className="compact-row-title">{content.title}</span>
          <span className="compact-row-line">
            <StatusTag status={content.status} /> {formatDate(content.deadline)}
          </span>
          <ProgressBar percent={content.progressPercent} status={content.status} />
          <span className="compact-row-line">
            <UnitLevel actingUnit={actingUnit} unit={content.unit} />
          </span>
        </div>
      ),
    },
  ];

  const { page: _page, pageSize: _pageSize, ...exportParams } = query;
  const toolbar = (
    <Space wrap>
      {canWrite ? (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="breakthrough-add">
          {t('programme.breakthroughs.add')}
        </Button>
      ) : null}
      <DownloadButton
        path="/api/exports/breakthroughs"
        params={exportParams}
        fileName={t('programme.breakthroughs.exportFile')}
        icon={<FileExcelOutlined />}
        data-testid="breakthroughs-export"
      >
        {t('common.exportExcel')}
      </DownloadButton>
    </Space>
  );

  return (
    <>
      <PageHeader
        title={t('programme.breakthroughs.title')}
        subtitle={t('programme.breakthroughs.subtitle', { unit: actingUnit.name })}
        extra={toolbar}
      />
      <ProgrammeList<Breakthrough, BreakthroughSort>
        kind="breakthroughs"
        list={list}
        query={contents}
        columns={columns}
        phoneColumns={phoneColumns}
        width={1400}
        unitName={actingUnit.name}
        onOpen={(row) => setOpenId(row.id)}
        moreFiltered={Boolean(status)}
      >
        <Select<BreakthroughStatus>
          value={status}
          onChange={(value) => {
            setStatus(value ?? undefined);
            list.resetPage();
          }}
          allowClear
          placeholder={t('programme.filters.allStatuses')}
          aria-label={t('programme.breakthroughs.fields.status')}
          options={BREAKTHROUGH_STATUSES.map((value) => ({ value, label: t(`programme.breakthroughs.status.${value}`) }))}
          className="filter-select"
          data-testid="breakthroughs-status"
        />
      </ProgrammeList>
      <BreakthroughDrawer contentId={openId} actingUnit={actingUnit} onClose={() => setOpenId(null)} onOpen={setOpenId} />
      {creating ? (
        <BreakthroughFormModal
          unitId={actingUnit.id}
          unitName={actingUnit.name}
          defaultYear={list.year}
          onClose={() => setCreating(false)}
          onDone={(content) => {
            setCreating(false);
            setOpenId(content.id);
          }}
        />
      ) : null}
    </>
  );
}
