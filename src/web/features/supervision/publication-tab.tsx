import { ExportOutlined, GlobalOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Input, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActingUnit } from '../../app/acting-unit';
import { useCan } from '../../app/session';
import { FormModal } from '../../components/form-modal';
import { QueryError } from '../../components/query-error';
import { UnitTreeSelect, type UnitChoice } from '../../components/unit-tree-select';
import { describeError } from '../../lib/errors';
import { formatDate, formatNumber } from '../../lib/format';
import { RegistrationActions } from './registration-actions';
import { type PublicRegistration, usePublishAll, useUnitPublication, useUnpublish } from './supervision.api';
import { YearChoice } from './year-choice';

type Row = PublicRegistration & { version: number };

/**
 * "Công khai": the approved registrations of a unit waiting to be published, and those already on
 * its public page. The unit publishes its whole set at once; taking one off needs a reason.
 */
export function PublicationTab({ actingUnit }: { actingUnit: ActingUnit }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const canAppraise = useCan('registrations.appraise');
  const [unit, setUnit] = useState<UnitChoice>({ value: actingUnit.id, label: actingUnit.name });
  const [year, setYear] = useState(dayjs().year());
  const [unpublishing, setUnpublishing] = useState<Row | null>(null);
  const publication = useUnitPublication(unit.value, year);
  const publishAll = usePublishAll();
  const rows = publication.data?.items ?? [];
  const waiting = rows.filter((row) => row.status === 'approved').length;
  const published = rows.length - waiting;

  const confirmPublishAll = () => {
    modal.confirm({
      title: t('supervision.publication.confirmTitle'),
      content: t('supervision.publication.confirmContent', { count: waiting, formatted: formatNumber(waiting), unit: unit.label, year }),
      okText: t('supervision.publication.publishAll'),
      okButtonProps: { id: 'publish-all-confirm' },
      cancelText: t('common.cancel'),
      onOk: () =>
        publishAll.mutateAsync({ unitId: unit.value, year }).then(
          (result) => void message.success(t('supervision.publication.published', { formatted: formatNumber(result.published) })),
          (error: unknown) => void message.error(describeError(error, t)),
        ),
    });
  };

  const columns: ColumnsType<Row> = [
    {
      title: t('supervision.fields.registrant'),
      key: 'name',
      width: 240,
      render: (_v, row) => (
        <Space size={4} wrap>
          <span>{row.name}</span>
          {row.kind === 'collective' ? <Tag color="blue">{t('supervision.collective')}</Tag> : null}
          {row.isLeader ? <Tag color="red">{t('supervision.leader')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('supervision.fields.position'),
      key: 'position',
      width: 150,
      render: (_v, row) => (row.position ? t(`enums.position.${row.position}`) : '—'),
    },
    { title: t('supervision.fields.actions'), key: 'actions', render: (_v, row) => <RegistrationActions actions={row.actions} /> },
    {
      title: t('supervision.fields.publication'),
      key: 'status',
      width: 170,
      render: (_v, row) =>
        row.status === 'approved' ? (
          <Tag color="gold">{t('supervision.publication.waiting')}</Tag>
        ) : (
          <Space direction="vertical" size={0}>
            <Tag color="green">{t('supervision.publication.public')}</Tag>
            {row.publishedAt ? <Typography.Text type="secondary">{formatDate(row.publishedAt.slice(0, 10))}</Typography.Text> : null}
          </Space>
        ),
    },
    ...(canAppraise
      ? [
          {
            title: t('common.actions'),
            key: 'commands',
            width: 150,
            render: (_v: unknown, row: Row) =>
              row.status === 'published' ? (
                <Button size="small" danger onClick={() => setUnpublishing(row)} data-testid={`unpublish-${row.id}`}>
                  {t('supervision.publication.unpublish')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <Card>
      <div className="filters">
        <UnitTreeSelect
          value={unit}
          onChange={(value) => setUnit(value ?? { value: actingUnit.id, label: actingUnit.name })}
          aria-label={t('supervision.fields.unit')}
          className="filter-select"
          data-testid="publication-unit"
        />
        <YearChoice value={year} onChange={(value) => setYear(value ?? dayjs().year())} />
        {publication.data ? (
          <Button
            icon={<GlobalOutlined />}
            href={`/cong-khai/${encodeURIComponent(publication.data.unitCode)}`}
            target="_blank"
            rel="noopener"
          >
            {t('supervision.publication.openPublicPage')} <ExportOutlined aria-hidden />
          </Button>
        ) : null}
        {canAppraise ? (
          <Button
            type="primary"
            disabled={waiting === 0}
            loading={publishAll.isPending}
            onClick={confirmPublishAll}
            data-testid="publish-all"
          >
            {t('supervision.publication.publishAllCount', { formatted: formatNumber(waiting) })}
          </Button>
        ) : null}
      </div>
      <Typography.Paragraph type="secondary">
        {t('supervision.publication.summary', { waiting: formatNumber(waiting), published: formatNumber(published) })}{' '}
        {t('supervision.publication.privacy')}
      </Typography.Paragraph>
      {publication.isError ? <QueryError error={publication.error} onRetry={() => void publication.refetch()} compact /> : null}
      <Table<Row>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={publication.isFetching}
        data-testid="publication-table"
        scroll={{ x: 1000 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{
          emptyText: publication.isPending ? ' ' : <Empty description={t('supervision.publication.empty', { unit: unit.label, year })} />,
        }}
      />
      {unpublishing ? <UnpublishModal row={unpublishing} onClose={() => setUnpublishing(null)} /> : null}
    </Card>
  );
}

function UnpublishModal({ row, onClose }: { row: Row; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const unpublish = useUnpublish();
  return (
    <FormModal
      open
      title={t('supervision.publication.unpublishTitle', { name: row.name })}
      formId="unpublish-form"
      okText={t('supervision.publication.unpublish')}
      pending={unpublish.isPending}
      error={unpublish.error}
      onCancel={onClose}
      danger
    >
      <Form<{ reason: string }>
        id="unpublish-form"
        layout="vertical"
        onFinish={(values) =>
          unpublish.mutate(
            { id: row.id, version: row.version, reason: values.reason },
            {
              onSuccess: () => {
                void message.success(t('supervision.publication.unpublished'));
                onClose();
              },
            },
          )
        }
      >
        <p>{t('supervision.publication.unpublishContent')}</p>
        <Form.Item
          name="reason"
          label={t('supervision.fields.reason')}
          rules={[{ required: true, whitespace: true, message: t('supervision.publication.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="unpublish-reason" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
