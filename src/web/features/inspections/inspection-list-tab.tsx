import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Pagination, type PaginationProps, Select, Spin, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActingUnit } from '../../app/acting-unit';
import { QueryError } from '../../components/query-error';
import { formatNumber } from '../../lib/format';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useIsPhone } from '../../lib/use-is-phone';
import { INSPECTION_STATUSES } from '../../../shared/contracts/inspections';
import { type InspectionListItem, type InspectionStatus, useInspections } from './inspections.api';
import { formatPeriod, InspectionKindTag, InspectionStatusTag, useInspectionLabels } from './inspection-labels';
import { PlanInspectionModal } from './inspection-form-modal';

/**
 * The level's plan for the year (view 'owned': the inspections it carries out) or the inspections
 * of the unit and the units below it (view 'inspected'), searched, filtered and paged by the server.
 */
export function InspectionListTab({
  unit,
  year,
  view,
  onOpen,
}: {
  unit: ActingUnit;
  year: number;
  view: 'owned' | 'inspected';
  onOpen: (id: number) => void;
}) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const labels = useInspectionLabels();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 350);
  const [status, setStatus] = useState<InspectionStatus | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [planning, setPlanning] = useState(false);
  const query = useInspections({ unitId: unit.id, year, view, status, q: q || undefined, page, pageSize });
  const canPlan = view === 'owned' && (query.data?.canPlan ?? false);
  const filtered = Boolean(q || status);
  const owned = view === 'owned';

  const columns: ColumnsType<InspectionListItem> = [
    {
      title: t('inspections.fields.period'),
      key: 'period',
      width: 130,
      // The server lists by date; the header sorts the rows shown (a year's plan fits on one page).
      sorter: (a, b) => a.startsOn.localeCompare(b.startsOn) || a.endsOn.localeCompare(b.endsOn),
      defaultSortOrder: 'ascend',
      showSorterTooltip: { title: t('inspections.list.sortByDate') },
      render: (_v, row) => formatPeriod(row.startsOn, row.endsOn),
    },
    {
      title: t('inspections.fields.title'),
      key: 'title',
      render: (_v, row) => (
        <div className="inspection-title-cell">
          <OpenButton row={row} onOpen={onOpen} />
          <div>
            <InspectionKindTag kind={row.kind} />
          </div>
        </div>
      ),
    },
    {
      title: owned ? t('inspections.fields.unit') : t('inspections.fields.owner'),
      key: 'unit',
      width: 190,
      render: (_v, row) => (owned ? row.unit.name : row.owner.name),
    },
    ...(owned
      ? []
      : [
          {
            title: t('inspections.fields.unit'),
            key: 'inspectedUnit',
            width: 200,
            render: (_v: unknown, row: InspectionListItem) => row.unit.name,
          },
        ]),
    {
      title: t('inspections.fields.status'),
      key: 'status',
      width: 140,
      render: (_v, row) => <InspectionStatusTag status={row.status} />,
    },
    { title: t('inspections.fields.results'), key: 'results', width: 170, render: (_v, row) => <ResultsSummary row={row} /> },
  ];
  const pagination = {
    current: page,
    pageSize,
    total: query.data?.total ?? 0,
    showSizeChanger: !isPhone,
    pageSizeOptions: [20, 50, 100],
    hideOnSinglePage: true,
    showTotal: (total: number) => t('inspections.list.total', { count: total, value: formatNumber(total) }),
    onChange: (next: number, size: number) => {
      setPage(next);
      setPageSize(size);
    },
  };

  const empty = filtered ? (
    <Empty description={t('inspections.list.emptyFiltered')} />
  ) : owned ? (
    <Empty description={t('inspections.list.emptyPlan', { unit: unit.name, year })}>
      {canPlan ? (
        <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setPlanning(true)} data-testid="inspection-plan-empty">
          {t('inspections.list.plan')}
        </Button>
      ) : null}
    </Empty>
  ) : (
    <Empty description={t('inspections.list.emptyInspected', { unit: unit.name, year })} />
  );

  return (
    <Card>
      <Typography.Paragraph type="secondary" className="inspection-tab-intro">
        {owned
          ? t('inspections.list.introPlan', { unit: unit.name, year })
          : t('inspections.list.introInspected', { unit: unit.name, year })}
      </Typography.Paragraph>
      <div className="filters" role="search">
        {canPlan ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setPlanning(true)} data-testid="inspection-plan">
            {t('inspections.list.plan')}
          </Button>
        ) : null}
        <Input
          allowClear
          prefix={<SearchOutlined aria-hidden />}
          placeholder={t('inspections.list.search')}
          aria-label={t('inspections.list.search')}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setPage(1);
          }}
          className="filter-search"
          data-testid="inspection-search"
        />
        <Select<InspectionStatus>
          allowClear
          placeholder={t('inspections.list.allStatuses')}
          aria-label={t('inspections.fields.status')}
          value={status}
          onChange={(value) => {
            setStatus(value ?? undefined);
            setPage(1);
          }}
          options={INSPECTION_STATUSES.map((value) => ({ value, label: labels.status(value) }))}
          className="filter-select"
          data-testid="inspection-status-filter"
        />
      </div>
      {query.isError ? (
        <QueryError compact error={query.error} onRetry={() => void query.refetch()} />
      ) : isPhone ? (
        <InspectionCards
          rows={query.data?.items ?? []}
          owned={owned}
          loading={query.isFetching}
          empty={query.isPending ? null : empty}
          onOpen={onOpen}
          pagination={pagination}
          testId={`inspections-table-${view}`}
        />
      ) : (
        <Table<InspectionListItem>
          rowKey="id"
          size="middle"
          loading={query.isFetching}
          columns={columns}
          dataSource={query.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: query.isPending ? ' ' : empty }}
          pagination={pagination}
          data-testid={`inspections-table-${view}`}
        />
      )}
      {planning ? (
        <PlanInspectionModal
          open
          ownerUnitId={unit.id}
          year={year}
          onClose={() => setPlanning(false)}
          onCreated={(created) => {
            setPlanning(false);
            onOpen(created.id);
          }}
        />
      ) : null}
    </Card>
  );
}

function OpenButton({ row, onOpen }: { row: InspectionListItem; onOpen: (id: number) => void }) {
  return (
    <Button type="link" className="link-cell inspection-link" onClick={() => onOpen(row.id)} data-testid={`inspection-open-${row.id}`}>
      {row.title}
    </Button>
  );
}

/** What an inspection found so far: findings, remedies closed of those owed, and the overdue ones in red. */
function ResultsSummary({ row }: { row: InspectionListItem }) {
  const { t } = useTranslation();
  if (row.status === 'planned' || row.status === 'cancelled') return <>—</>;
  return (
    <div className="inspection-results-cell">
      <span>{t('inspections.list.findings', { count: row.findings, value: formatNumber(row.findings) })}</span>
      {row.remedies.total > 0 ? (
        <span>
          {t('inspections.list.remedies', { closed: formatNumber(row.remedies.closed), total: formatNumber(row.remedies.total) })}
        </span>
      ) : null}
      {row.remedies.overdue > 0 ? (
        <Typography.Text type="danger" strong>
          {t('inspections.list.overdue', { value: formatNumber(row.remedies.overdue) })}
        </Typography.Text>
      ) : null}
    </div>
  );
}

/** On a phone each inspection is a card read top to bottom, with nothing hidden to the right. */
function InspectionCards({
  rows,
  owned,
  loading,
  empty,
  onOpen,
  pagination,
  testId,
}: {
  rows: InspectionListItem[];
  owned: boolean;
  loading: boolean;
  empty: ReactNode;
  onOpen: (id: number) => void;
  pagination: PaginationProps;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Spin spinning={loading}>
      <div className="inspection-cards" data-testid={testId}>
        {rows.length === 0 ? empty : null}
        {rows.map((row) => (
          <article key={row.id} className="inspection-card">
            <OpenButton row={row} onOpen={onOpen} />
            <div className="inspection-tags">
              <InspectionKindTag kind={row.kind} />
              <InspectionStatusTag status={row.status} />
            </div>
            <div>
              {owned ? (
                row.unit.name
              ) : (
                <>
                  {row.unit.name}
                  <div className="inspection-secondary">{t('inspections.list.by', { unit: row.owner.name })}</div>
                </>
              )}
            </div>
            <div className="inspection-secondary">{formatPeriod(row.startsOn, row.endsOn)}</div>
            <ResultsSummary row={row} />
          </article>
        ))}
        <Pagination {...pagination} simple className="inspection-pagination" />
      </div>
    </Spin>
  );
}
