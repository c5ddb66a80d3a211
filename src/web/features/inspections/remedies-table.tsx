import { CheckOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Pagination, type PaginationProps, Space, Spin, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../lib/format';
import { useIsPhone } from '../../lib/use-is-phone';
import type { RemedyItem } from './inspections.api';
import { RemedyStatusTag } from './inspection-labels';
import { FileLinks } from './findings-view';
import { type RemedyAction, RemedyActionModal } from './remedy-modals';

type Act = (remedy: RemedyItem, action: RemedyAction) => void;

/**
 * Remedies with where each stands; a deadline passed without a report is red. The buttons are what
 * the reader may do: the inspected unit reports, the inspecting level accepts or returns. On a
 * phone each remedy is a card, its buttons at full width.
 */
export function RemediesTable({
  items,
  hideInspection = false,
  onOpenInspection,
  loading = false,
  pagination = false,
  empty,
}: {
  items: RemedyItem[];
  /** Inside an inspection's own view, the inspection and its unit say nothing. */
  hideInspection?: boolean;
  onOpenInspection?: (id: number) => void;
  loading?: boolean;
  pagination?: PaginationProps | false;
  empty?: ReactNode;
}) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [acting, setActing] = useState<{ remedy: RemedyItem; action: RemedyAction } | null>(null);
  const act: Act = (remedy, action) => setActing({ remedy, action });

  const inspectionLink = (row: RemedyItem) =>
    onOpenInspection ? (
      <Button
        type="link"
        className="link-cell inspection-link"
        onClick={() => onOpenInspection(row.inspectionId)}
        data-testid={`remedy-inspection-${row.id}`}
      >
        {row.inspectionTitle}
      </Button>
    ) : (
      row.inspectionTitle
    );

  // Four columns, so that the list fits beside the menu on a laptop: what (with the unit's report),
  // where, by when and in what state, and the buttons.
  const columns: ColumnsType<RemedyItem> = [
    {
      title: t('inspections.fields.remedy'),
      key: 'what',
      render: (_v, row) => (
        <div className="inspection-remedy-cell">
          <Typography.Text strong>{row.what}</Typography.Text>
          <div className="inspection-secondary">{t('inspections.remedies.finding', { text: row.finding })}</div>
          <RemedyReportCell remedy={row} hideEmpty boxed />
        </div>
      ),
    },
    ...(hideInspection
      ? []
      : [
          {
            title: t('inspections.fields.unit'),
            key: 'unit',
            width: 200,
            render: (_v: unknown, row: RemedyItem) => (
              <div className="inspection-results-cell">
                <span>{row.unit.name}</span>
                {inspectionLink(row)}
              </div>
            ),
          },
        ]),
    {
      title: t('inspections.remedies.dueAndState'),
      key: 'dueOn',
      width: 170,
      render: (_v, row) => (
        <div className="inspection-results-cell">
          <DueDate remedy={row} />
          <RemedyStatusTag status={row.status} overdue={row.overdue} />
        </div>
      ),
    },
    { title: t('common.actions'), key: 'actions', width: 210, render: (_v, row) => <RemedyButtons remedy={row} onAct={act} block /> },
  ];

  return (
    <>
      {isPhone ? (
        <Spin spinning={loading}>
          <div className="inspection-cards" data-testid="remedies-table">
            {items.length === 0 ? empty : null}
            {items.map((row) => (
              <article key={row.id} className={`inspection-card ${row.overdue ? 'inspection-card-overdue' : ''}`} data-row-key={row.id}>
                <Typography.Text strong>{row.what}</Typography.Text>
                <div className="inspection-secondary">{t('inspections.remedies.finding', { text: row.finding })}</div>
                {hideInspection ? null : (
                  <div>
                    {row.unit.name}
                    <div>{inspectionLink(row)}</div>
                  </div>
                )}
                <div>
                  {t('inspections.fields.dueOn')}: <DueDate remedy={row} />
                </div>
                <RemedyStatusTag status={row.status} overdue={row.overdue} />
                <RemedyReportCell remedy={row} hideEmpty />
                <RemedyButtons remedy={row} onAct={act} block />
              </article>
            ))}
            {pagination ? <Pagination {...pagination} simple className="inspection-pagination" /> : null}
          </div>
        </Spin>
      ) : (
        <Table<RemedyItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items}
          scroll={{ x: 'max-content' }}
          rowClassName={(row) => (row.overdue ? 'inspection-row-overdue' : '')}
          loading={loading}
          pagination={pagination}
          locale={empty ? { emptyText: empty } : undefined}
          data-testid="remedies-table"
        />
      )}
      {acting ? <RemedyActionModal remedy={acting.remedy} action={acting.action} onClose={() => setActing(null)} /> : null}
    </>
  );
}

function DueDate({ remedy }: { remedy: RemedyItem }) {
  return (
    <Typography.Text type={remedy.overdue ? 'danger' : undefined} strong={remedy.overdue}>
      {formatDate(remedy.dueOn)}
    </Typography.Text>
  );
}

/** The steps the reader may take on the remedy now. */
function RemedyButtons({ remedy, onAct, block = false }: { remedy: RemedyItem; onAct: Act; block?: boolean }) {
  const { t } = useTranslation();
  const buttons = [
    remedy.can.report ? (
      <Button
        key="report"
        type="primary"
        block={block}
        icon={<SendOutlined />}
        onClick={() => onAct(remedy, 'report')}
        data-testid={`remedy-report-${remedy.id}`}
      >
        {t('inspections.remedies.actions.report')}
      </Button>
    ) : null,
    remedy.can.review ? (
      <Button
        key="accept"
        type="primary"
        block={block}
        icon={<CheckOutlined />}
        onClick={() => onAct(remedy, 'accept')}
        data-testid={`remedy-accept-${remedy.id}`}
      >
        {t('inspections.remedies.actions.accept')}
      </Button>
    ) : null,
    remedy.can.review ? (
      <Button
        key="return"
        danger
        block={block}
        icon={<RollbackOutlined />}
        onClick={() => onAct(remedy, 'return')}
        data-testid={`remedy-return-${remedy.id}`}
      >
        {t('inspections.remedies.actions.return')}
      </Button>
    ) : null,
  ].filter(Boolean);
  if (buttons.length === 0) return null;
  return block ? (
    <div className="inspection-card-actions">{buttons}</div>
  ) : (
    <Space wrap size={6}>
      {buttons}
    </Space>
  );
}

/** What the unit reported, when, with its evidence; the reason when it was returned; the note when accepted. */
function RemedyReportCell({ remedy, hideEmpty = false, boxed = false }: { remedy: RemedyItem; hideEmpty?: boolean; boxed?: boolean }) {
  const { t } = useTranslation();
  if (!remedy.report && !remedy.returnReason) return hideEmpty ? null : <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <div className={boxed ? 'inspection-report-box' : 'inspection-remedy-cell'}>
      {remedy.report ? (
        <Typography.Paragraph className="inspection-text">
          <Typography.Text strong>{t('inspections.remedies.report')}: </Typography.Text>
          {remedy.report}
        </Typography.Paragraph>
      ) : null}
      {remedy.reportedAt ? (
        <div className="inspection-secondary">{t('inspections.remedies.reportedAt', { at: formatDateTime(remedy.reportedAt) })}</div>
      ) : null}
      <FileLinks files={remedy.files} />
      {remedy.status === 'returned' && remedy.returnReason ? (
        <Typography.Text type="warning">{t('inspections.remedies.returnedBecause', { reason: remedy.returnReason })}</Typography.Text>
      ) : null}
      {remedy.status === 'closed' ? (
        <div className="inspection-secondary">
          {t('inspections.remedies.closedAt', { at: formatDate(remedy.closedAt) })}
          {remedy.closeNote ? ` — ${remedy.closeNote}` : ''}
        </div>
      ) : null}
    </div>
  );
}
