import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirmAction } from '../../components/confirm-action';
import { QueryError } from '../../components/query-error';
import { formatDateTime } from '../../lib/format';
import { useIsPhone } from '../../lib/use-is-phone';
import { FileLinks } from './file-links';
import { yearsLabel } from './plans-page';
import { useDeleteTopic, useTopic } from './programme.api';
import { TopicFormModal } from './topic-form-modal';

export function TopicDrawer({ topicId, onClose }: { topicId: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const confirm = useConfirmAction();
  const isPhone = useIsPhone();
  const topic = useTopic(topicId);
  const remove = useDeleteTopic();
  const [editing, setEditing] = useState(false);
  const data = topic.data;

  const confirmDelete = () => {
    if (!data) return;
    confirm({
      title: t('programme.topics.deleteTitle', { title: data.title }),
      content: t('programme.deleteWarning'),
      okText: t('programme.actions.delete'),
      danger: true,
      okId: 'confirm-delete',
      run: () => remove.mutateAsync({ id: data.id, version: data.version }),
      doneText: t('programme.topics.deleted'),
      onDone: onClose,
    });
  };

  const actions = data?.canEdit ? (
    <Space wrap>
      <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="topic-edit">
        {t('programme.actions.edit')}
      </Button>
      <Button danger icon={<DeleteOutlined />} onClick={confirmDelete} data-testid="topic-delete">
        {t('programme.actions.delete')}
      </Button>
    </Space>
  ) : null;

  return (
    <Drawer
      open={topicId !== null}
      onClose={onClose}
      size={isPhone ? '100%' : 720}
      title={t('programme.topics.details')}
      extra={isPhone ? null : actions}
      destroyOnHidden
      data-testid="topic-drawer"
    >
      {topic.isError ? (
        <QueryError error={topic.error} onRetry={() => void topic.refetch()} compact />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <>
          {isPhone && actions ? <div className="block-gap-bottom">{actions}</div> : null}
          <Typography.Title level={4}>{data.title}</Typography.Title>
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              { key: 'unit', label: t('programme.fields.level'), children: data.unit.name },
              {
                key: 'years',
                label: t('programme.fields.years'),
                children: (
                  <span>
                    {yearsLabel(data.fromYear, data.toYear)}{' '}
                    <Tag color={data.isWholeTerm ? 'purple' : 'blue'}>
                      {data.isWholeTerm ? t('programme.topics.wholeTerm') : t('programme.topics.annual')}
                    </Tag>
                  </span>
                ),
              },
              {
                key: 'description',
                label: t('programme.topics.fields.description'),
                children: <span className="pre-wrap">{data.description ?? '—'}</span>,
              },
              { key: 'files', label: t('programme.topics.materials'), children: <FileLinks files={data.files} /> },
              { key: 'createdAt', label: t('programme.topics.fields.createdAt'), children: formatDateTime(data.createdAt) },
            ]}
          />
        </>
      )}
      {editing && data ? (
        <TopicFormModal
          unitId={data.unit.id}
          unitName={data.unit.name}
          topic={data}
          onClose={() => setEditing(false)}
          onDone={() => setEditing(false)}
        />
      ) : null}
    </Drawer>
  );
}
