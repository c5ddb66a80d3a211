import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  DeleteOutlined,
  EditOutlined,
  LineChartOutlined,
  RollbackOutlined,
  ShareAltOutlined,
} from '@ant-design/icons';
import { Button, Descriptions, Drawer, Empty, Skeleton, Space, Table, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirmAction } from '../../components/confirm-action';
import type { ActingUnit } from '../../app/acting-unit';
import { useCan } from '../../app/session';
import { QueryError } from '../../components/query-error';
import { formatDate } from '../../lib/format';
import { useIsPhone } from '../../lib/use-is-phone';
import { AdoptModal, ProgressModal, ResultModal } from './breakthrough-dialogs';
import { BreakthroughFormModal } from './breakthrough-form-modal';
import { ProgressBar, StatusTag } from './breakthrough-status';
import { FileLinks } from './file-links';
import { relationTo } from './level-tag';
import { type BreakthroughAdoption, useBreakthrough, useChangeBreakthroughStatus, useDeleteBreakthrough } from './programme.api';

type Dialog = 'edit' | 'progress' | 'done' | 'not_done' | 'adopt' | null;

interface BreakthroughDrawerProps {
  contentId: number | null;
  actingUnit: ActingUnit;
  onClose: () => void;
  /** Shows another content in the drawer: the unit's own copy right after adopting one. */
  onOpen: (id: number) => void;
}

export function BreakthroughDrawer({ contentId, actingUnit, onClose, onOpen }: BreakthroughDrawerProps) {
  const { t } = useTranslation();
  const confirm = useConfirmAction();
  const isPhone = useIsPhone();
  const canWrite = useCan('programme.write');
  const content = useBreakthrough(contentId);
  const remove = useDeleteBreakthrough();
  const changeStatus = useChangeBreakthroughStatus();
  const [dialog, setDialog] = useState<Dialog>(null);
  const data = content.data;

  const confirmDelete = () => {
    if (!data) return;
    confirm({
      title: t('programme.breakthroughs.deleteTitle', { title: data.title }),
      content: t('programme.deleteWarning'),
      okText: t('programme.actions.delete'),
      danger: true,
      okId: 'confirm-delete',
      run: () => remove.mutateAsync({ id: data.id, version: data.version }),
      doneText: t('programme.breakthroughs.deleted'),
      onDone: onClose,
    });
  };

  const confirmReopen = () => {
    if (!data) return;
    confirm({
      title: t('programme.breakthroughs.reopenConfirm'),
      okText: t('programme.breakthroughs.reopen'),
      run: () => changeStatus.mutateAsync({ id: data.id, status: 'in_progress', version: data.version }),
      doneText: t('programme.breakthroughs.statusSaved'),
    });
  };

  const closed = data?.status === 'done' || data?.status === 'not_done';
  // A unit below the choosing level may take the content as its own.
  const canAdopt = Boolean(data && canWrite && relationTo(actingUnit, data.unit.id) === 'above');
  const hasActions = Boolean(data && (data.canEdit || canAdopt || (data.canReport && !closed)));
  const actions =
    data && hasActions ? (
      <Space wrap>
        {data.canReport && !closed ? (
          <Button type="primary" icon={<LineChartOutlined />} onClick={() => setDialog('progress')} data-testid="breakthrough-progress">
            {t('programme.breakthroughs.progress')}
          </Button>
        ) : null}
        {data.canEdit && !closed ? (
          <>
            <Button icon={<CheckCircleOutlined />} onClick={() => setDialog('done')} data-testid="breakthrough-done">
              {t('programme.breakthroughs.markDone')}
            </Button>
            <Button icon={<CloseCircleOutlined />} onClick={() => setDialog('not_done')}>
              {t('programme.breakthroughs.markNotDone')}
            </Button>
          </>
        ) : null}
        {data.canEdit && closed ? (
          <Button icon={<RollbackOutlined />} onClick={confirmReopen} data-testid="breakthrough-reopen">
            {t('programme.breakthroughs.reopen')}
          </Button>
        ) : null}
        {canAdopt ? (
          <Button type="primary" icon={<ShareAltOutlined />} onClick={() => setDialog('adopt')} data-testid="breakthrough-adopt">
            {t('programme.breakthroughs.adopt')}
          </Button>
        ) : null}
        {data.canEdit ? (
          <>
            <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="breakthrough-edit">
              {t('programme.actions.edit')}
            </Button>
            <Button danger icon={<DeleteOutlined />} onClick={confirmDelete} data-testid="breakthrough-delete">
              {t('programme.actions.delete')}
            </Button>
          </>
        ) : null}
      </Space>
    ) : null;

  const closeDialog = () => setDialog(null);

  return (
    <Drawer
      open={contentId !== null}
      onClose={onClose}
      size={isPhone ? '100%' : 800}
      title={data?.title ?? t('programme.breakthroughs.details')}
      destroyOnHidden
      data-testid="breakthrough-drawer"
    >
      {content.isError ? (
        <QueryError error={content.error} onRetry={() => void content.refetch()} compact />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          {actions ? <div className="block-gap-bottom">{actions}</div> : null}
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              { key: 'unit', label: t('programme.fields.level'), children: data.unit.name },
              { key: 'year', label: t('programme.fields.year'), children: data.year },
              ...(data.adoptedFrom
                ? [
                    {
                      key: 'from',
                      label: t('programme.breakthroughs.adoptedFrom'),
                      children: `${data.adoptedFrom.unitName}: ${data.adoptedFrom.title}`,
                    },
                  ]
                : []),
              {
                key: 'description',
                label: t('programme.breakthroughs.fields.description'),
                children: <span className="pre-wrap">{data.description ?? '—'}</span>,
              },
              { key: 'owner', label: t('programme.breakthroughs.fields.ownerUnit'), children: data.ownerUnit.name },
              {
                key: 'target',
                label: t('programme.breakthroughs.fields.target'),
                children: <span className="pre-wrap">{data.target}</span>,
              },
              { key: 'deadline', label: t('programme.breakthroughs.fields.deadline'), children: formatDate(data.deadline) },
              { key: 'status', label: t('programme.breakthroughs.fields.status'), children: <StatusTag status={data.status} /> },
              {
                key: 'progress',
                label: t('programme.breakthroughs.fields.progress'),
                children: <ProgressBar percent={data.progressPercent} status={data.status} />,
              },
              ...(data.completedOn
                ? [{ key: 'completedOn', label: t('programme.breakthroughs.fields.completedOn'), children: formatDate(data.completedOn) }]
                : []),
              ...(data.result
                ? [
                    {
                      key: 'result',
                      label: t('programme.breakthroughs.fields.result'),
                      children: <span className="pre-wrap">{data.result}</span>,
                    },
                  ]
                : []),
              ...(data.adoptions.adopted > 0
                ? [
                    {
                      key: 'adoptions',
                      label: t('programme.breakthroughs.adoptions'),
                      children: t('programme.breakthroughs.adoptionsValue', data.adoptions),
                    },
                  ]
                : []),
            ]}
          />
          {data.adoptedBy.length > 0 ? (
            <>
              <Typography.Title level={4} className="block-gap">
                {t('programme.breakthroughs.adoptions')}
              </Typography.Title>
              <Table<BreakthroughAdoption>
                rowKey="id"
                size="small"
                pagination={data.adoptedBy.length > 10 ? { pageSize: 10, size: 'small' } : false}
                dataSource={data.adoptedBy}
                data-testid="breakthrough-adoptions"
                onRow={(copy) => ({ onClick: () => onOpen(copy.id), className: 'clickable-row' })}
                columns={[
                  { title: t('programme.breakthroughs.adoptingUnit'), dataIndex: 'unitName' },
                  {
                    title: t('programme.breakthroughs.fields.status'),
                    key: 'status',
                    width: 150,
                    render: (_value, copy) => <StatusTag status={copy.status} />,
                  },
                  {
                    title: t('programme.breakthroughs.fields.progress'),
                    key: 'progress',
                    width: 170,
                    render: (_value, copy) => <ProgressBar percent={copy.progressPercent} status={copy.status} />,
                  },
                  {
                    title: t('programme.breakthroughs.fields.completedOn'),
                    key: 'completedOn',
                    width: 130,
                    render: (_value, copy) => formatDate(copy.completedOn),
                  },
                ]}
              />
            </>
          ) : null}
          <Typography.Title level={4} className="block-gap">
            {t('programme.breakthroughs.history')}
          </Typography.Title>
          {data.updates.length === 0 ? (
            <Empty description={t('programme.breakthroughs.noUpdates')} />
          ) : (
            <Timeline
              data-testid="breakthrough-updates"
              items={data.updates.map((update) => ({
                key: update.id,
                children: (
                  <div>
                    <Typography.Text strong>
                      {formatDate(update.reportedOn)} · {update.progressPercent}%
                    </Typography.Text>
                    <div className="pre-wrap">{update.note}</div>
                    {update.files.length ? <FileLinks files={update.files} /> : null}
                  </div>
                ),
              }))}
            />
          )}
        </>
      )}
      {data && dialog === 'edit' ? (
        <BreakthroughFormModal unitId={data.unit.id} unitName={data.unit.name} content={data} onClose={closeDialog} onDone={closeDialog} />
      ) : null}
      {data && dialog === 'progress' ? <ProgressModal content={data} onClose={closeDialog} onDone={closeDialog} /> : null}
      {data && (dialog === 'done' || dialog === 'not_done') ? (
        <ResultModal content={data} status={dialog} onClose={closeDialog} onDone={closeDialog} />
      ) : null}
      {data && dialog === 'adopt' ? (
        <AdoptModal
          content={data}
          actingUnit={actingUnit}
          onClose={closeDialog}
          onDone={(copy) => {
            closeDialog();
            onOpen(copy.id);
          }}
        />
      ) : null}
    </Drawer>
  );
}
