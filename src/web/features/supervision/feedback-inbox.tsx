import { FileExcelOutlined } from '@ant-design/icons';
import { Card, Checkbox, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActingUnit } from '../../app/acting-unit';
import { DownloadButton } from '../../components/download-button';
import { ChoiceFilter, FilterBar, PagedTable, SearchFilter, useListFilter, usePaging } from '../../components/list-page';
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
  const paging = usePaging();
  const [text, setText] = useListFilter(paging, '');
  const q = useDebouncedValue(text.trim(), 350);
  const [status, setStatus] = useListFilter<FeedbackStatus | undefined>(paging, undefined);
  const [overdue, setOverdue] = useListFilter(paging, false);
  const [unit, setUnit] = useListFilter<UnitChoice | null>(paging, null);
  const { page, pageSize } = paging;
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
      <UnitCounts actingUnit={actingUnit} onPick={setUnit} />
      <Card>
        <FilterBar>
          <SearchFilter value={text} onChange={setText} placeholder={t('supervision.searchPlaceholder')} data-testid="feedback-search" />
          <ChoiceFilter
            value={status}
            onChange={setStatus}
            placeholder={t('supervision.allStatuses')}
            options={FEEDBACK_STATUSES.map((value) => ({ value, label: t(`supervision.status.${value}`) }))}
            data-testid="feedback-status"
          />
          <UnitTreeSelect
            value={unit}
            onChange={setUnit}
            allowClear
            placeholder={t('supervision.allUnits', { unit: actingUnit.name })}
            aria-label={t('supervision.fields.unit')}
            className="filter-select"
          />
          <Checkbox checked={overdue} onChange={(event) => setOverdue(event.target.checked)} data-testid="feedback-overdue">
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
        </FilterBar>
        <PagedTable<FeedbackItem>
          query={inbox}
          paging={paging}
          columns={columns}
          data-testid="feedback-table"
          scroll={{ x: 1000 }}
          emptyText={filtered ? t('supervision.emptyFiltered') : t('supervision.empty', { unit: actingUnit.name })}
          totalText={(total) => t('supervision.total', { formatted: formatNumber(total) })}
        />
        <FeedbackDrawer feedbackId={openId} onClose={() => setOpenId(null)} />
      </Card>
    </>
  );
}
