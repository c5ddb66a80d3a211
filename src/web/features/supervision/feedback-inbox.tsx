import { FileExcelOutlined, SearchOutlined } from '@ant-design/icons';
import { Card, Checkbox, Empty, Input, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActingUnit } from '../../app/acting-unit';
import { DownloadButton } from '../../components/download-button';
import { QueryError } from '../../components/query-error';
import { UnitTreeSelect, type UnitChoice } from '../../components/unit-tree-select';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { FEEDBACK_STATUSES } from '../../../shared/contracts/supervision';
import { FeedbackDrawer } from './feedback-drawer';
import { FeedbackStatusTag } from './status-tag';
import { type FeedbackItem, type FeedbackStatus, useFeedbackInbox } from './supervision.api';
import { UnitCounts } from './unit-counts';

/** The feedback inbox of the acting unit's subtree: overdue items first, then the newest. */
export function FeedbackInbox({ actingUnit }: { actingUnit: ActingUnit }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 350);
  const [status, setStatus] = useState<FeedbackStatus | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [unit, setUnit] = useState<UnitChoice | null>(null);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [openId, setOpenId] = useState<number | null>(null);
  const inbox = useFeedbackInbox({
    unitId: unit?.value ?? actingUnit.id,
    status,
    overdue: overdue || undefined,
    q: q || undefined,
    page,
    pageSize,
  });
  const filtered = Boolean(q || status || overdue || unit);

  const columns: ColumnsType<FeedbackItem> = [
    { title: t('supervision.fields.createdAt'), key: 'createdAt', width: 150, render: (_v, row) => formatDateTime(row.createdAt) },
    {
      title: t('supervision.fields.body'),
      key: 'body',
      render: (_v, row) => (
        <Typography.Link onClick={() => setOpenId(row.id)} data-testid={`feedback-open-${row.id}`}>
          <Typography.Paragraph ellipsis={{ rows: 2 }} className="supervision-body-cell">
            {row.body}
          </Typography.Paragraph>
        </Typography.Link>
      ),
    },
    { title: t('supervision.fields.unit'), key: 'unit', width: 200, render: (_v, row) => row.unitName },
    { title: t('supervision.fields.registration'), key: 'registration', width: 180, render: (_v, row) => row.registrantName ?? '—' },
    {
      title: t('supervision.fields.status'),
      key: 'status',
      width: 170,
      render: (_v, row) => <FeedbackStatusTag status={row.status} overdue={row.overdue} />,
    },
    {
      title: t('supervision.fields.dueOn'),
      key: 'dueOn',
      width: 120,
      render: (_v, row) => (row.status === 'new' ? formatDate(row.dueOn) : '—'),
    },
  ];

  return (
    <>
      <UnitCounts
        actingUnit={actingUnit}
        onPick={(picked) => {
          setUnit(picked);
          setPage(1);
        }}
      />
      <Card>
        <div className="filters" role="search">
          <Input
            value={text}
            prefix={<SearchOutlined aria-hidden />}
            onChange={(event) => {
              setText(event.target.value);
              setPage(1);
            }}
            allowClear
            placeholder={t('supervision.searchPlaceholder')}
            aria-label={t('supervision.searchPlaceholder')}
            className="filter-search"
            data-testid="feedback-search"
          />
          <Select<FeedbackStatus>
            value={status}
            onChange={(value) => {
              setStatus(value ?? undefined);
              setPage(1);
            }}
            allowClear
            placeholder={t('supervision.allStatuses')}
            aria-label={t('supervision.fields.status')}
            options={FEEDBACK_STATUSES.map((value) => ({ value, label: t(`supervision.status.${value}`) }))}
            className="filter-select"
            data-testid="feedback-status"
          />
          <UnitTreeSelect
            value={unit}
            onChange={(value) => {
              setUnit(value);
              setPage(1);
            }}
            allowClear
            placeholder={t('supervision.allUnits', { unit: actingUnit.name })}
            aria-label={t('supervision.fields.unit')}
            className="filter-select"
          />
          <Checkbox
            checked={overdue}
            onChange={(event) => {
              setOverdue(event.target.checked);
              setPage(1);
            }}
            data-testid="feedback-overdue"
          >
            {t('supervision.onlyOverdue')}
          </Checkbox>
          <DownloadButton
            path="/api/exports/feedback"
            params={{ unitId: unit?.value ?? actingUnit.id, status, overdue: overdue || undefined, q: q || undefined }}
            fileName={t('supervision.exportFile')}
            icon={<FileExcelOutlined />}
            data-testid="feedback-export"
          >
            {t('common.exportExcel')}
          </DownloadButton>
        </div>
        {inbox.isError ? <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} compact /> : null}
        <Table<FeedbackItem>
          rowKey="id"
          columns={columns}
          dataSource={inbox.data?.items ?? []}
          loading={inbox.isFetching}
          data-testid="feedback-table"
          scroll={{ x: 1000 }}
          locale={{
            emptyText: inbox.isPending ? (
              ' '
            ) : (
              <Empty description={filtered ? t('supervision.emptyFiltered') : t('supervision.empty', { unit: actingUnit.name })} />
            ),
          }}
          pagination={{
            current: page,
            pageSize,
            total: inbox.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => t('supervision.total', { formatted: formatNumber(total) }),
          }}
          onChange={(pagination) => {
            if (pagination.pageSize && pagination.pageSize !== pageSize) {
              setPageSize(pagination.pageSize);
              setPage(1);
            } else {
              setPage(pagination.current ?? 1);
            }
          }}
        />
        <FeedbackDrawer feedbackId={openId} onClose={() => setOpenId(null)} />
      </Card>
    </>
  );
}
