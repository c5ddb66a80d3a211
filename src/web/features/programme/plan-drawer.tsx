import { DeleteOutlined, EditOutlined, FileWordOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirmAction } from '../../components/confirm-action';
import { DownloadButton } from '../../components/download-button';
import { QueryError } from '../../components/query-error';
import { formatDate, formatDateTime } from '../../lib/format';
import { useIsPhone } from '../../lib/use-is-phone';
import { FileLinks } from './file-links';
import { PlanFormModal } from './plan-form-modal';
import { yearsLabel } from './plans-page';
import { useDeletePlan, usePlan } from './programme.api';

export function PlanDrawer({ planId, onClose }: { planId: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const confirm = useConfirmAction();
  const isPhone = useIsPhone();
  const plan = usePlan(planId);
  const remove = useDeletePlan();
  const [editing, setEditing] = useState(false);
  const data = plan.data;

  const confirmDelete = () => {
    if (!data) return;
    confirm({
      title: t('programme.plans.deleteTitle', { number: data.numberSymbol }),
      content: t('programme.deleteWarning'),
      okText: t('programme.actions.delete'),
      danger: true,
      okId: 'confirm-delete',
      run: () => remove.mutateAsync({ id: data.id, version: data.version }),
      doneText: t('programme.plans.deleted', { number: data.numberSymbol }),
      onDone: onClose,
    });
  };

  // Every reader may take the plan as a Word document; only its level edits it.
  const actions = data ? (
    <Space wrap>
      <DownloadButton
        path={`/api/plans/${data.id}/document`}
        fileName={t('programme.plans.documentFile', { number: data.numberSymbol.replace(/\//g, '-') })}
        icon={<FileWordOutlined />}
        data-testid="plan-document"
      >
        {t('programme.plans.downloadWord')}
      </DownloadButton>
      {data.canEdit ? (
        <>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="plan-edit">
            {t('programme.actions.edit')}
          </Button>
          <Button danger icon={<DeleteOutlined />} onClick={confirmDelete} data-testid="plan-delete">
            {t('programme.actions.delete')}
          </Button>
        </>
      ) : null}
    </Space>
  ) : null;

  return (
    <Drawer
      open={planId !== null}
      onClose={onClose}
      size={isPhone ? '100%' : 760}
      title={data ? `${t('programme.plans.details')} ${data.numberSymbol}` : t('programme.plans.details')}
      destroyOnHidden
      data-testid="plan-drawer"
    >
      {plan.isError ? (
        <QueryError error={plan.error} onRetry={() => void plan.refetch()} compact />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          {actions ? <div className="block-gap-bottom">{actions}</div> : null}
          <Typography.Title level={4}>{data.title}</Typography.Title>
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              { key: 'unit', label: t('programme.fields.level'), children: data.unit.name },
              { key: 'number', label: t('programme.plans.fields.numberSymbol'), children: data.numberSymbol },
              { key: 'issuedOn', label: t('programme.plans.fields.issuedOn'), children: formatDate(data.issuedOn) },
              {
                key: 'years',
                label: t('programme.fields.years'),
                children: (
                  <span>
                    {yearsLabel(data.fromYear, data.toYear)}{' '}
                    {data.fromYear !== data.toYear ? <Tag>{t('programme.fields.term')}</Tag> : null}
                  </span>
                ),
              },
              {
                key: 'bases',
                label: t('programme.plans.fields.legalBases'),
                children: data.legalBases.length ? (
                  <ul className="plain-list">
                    {data.legalBases.map((basis) => (
                      <li key={basis.id}>{basis.title}</li>
                    ))}
                  </ul>
                ) : (
                  '—'
                ),
              },
              { key: 'files', label: t('programme.files.label'), children: <FileLinks files={data.files} /> },
              { key: 'updatedAt', label: t('programme.fields.updatedAt'), children: formatDateTime(data.updatedAt) },
            ]}
          />
          <Typography.Title level={4} className="block-gap">
            {t('programme.plans.fields.taskGroups')}
          </Typography.Title>
          <ol className="task-group-list" data-testid="plan-task-groups">
            {data.taskGroups.map((group, index) => (
              <li key={`${index}-${group.title}`}>
                <Typography.Text strong>{group.title}</Typography.Text>
                <ul>
                  {group.contents.map((content, contentIndex) => (
                    <li key={`${contentIndex}-${content}`}>{content}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </>
      )}
      {editing && data ? (
        <PlanFormModal
          unitId={data.unit.id}
          unitName={data.unit.name}
          plan={data}
          onClose={() => setEditing(false)}
          onDone={() => setEditing(false)}
        />
      ) : null}
    </Drawer>
  );
}
