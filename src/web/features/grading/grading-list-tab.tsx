import { SearchOutlined } from '@ant-design/icons';
import { App, Card, Empty, Input, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActingUnit } from '../../app/acting-unit';
import { useCan } from '../../app/session';
import { QueryError } from '../../components/query-error';
import { describeError } from '../../lib/errors';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { GRADING_STATUSES } from '../../../shared/contracts/grading';
import {
  type Grade,
  type GradingListItem,
  type GradingStatus,
  type GradingSubject,
  type GradingView,
  useCreateGrading,
  useGradings,
} from './grading.api';
import { useGradingLabels } from './grading-labels';
import { gradingRowKey as rowKey, useGradingListColumns } from './grading-list-columns';
import { GradingActionModal } from './grading-actions';
import { GradingDrawer } from './grading-drawer';
import { GradingListToolbar } from './grading-list-toolbar';

/** The members (or the party organisations) of the subtree for the year, each with its grading if opened: filtered, paged, acted on. */
export function GradingListTab({ actingUnit, year, subject }: { actingUnit: ActingUnit; year: number; subject: GradingSubject }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useGradingLabels();
  const canGrade = useCan('grading.grade');
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 350);
  const [status, setStatus] = useState<GradingStatus | 'none' | undefined>();
  const [grade, setGrade] = useState<Grade | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  // The selection is of the page shown, so the versions sent are those just read.
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [openId, setOpenId] = useState<number | null>(null);
  const [grading, setGrading] = useState<GradingView | null>(null);
  const query = useGradings({ unitId: actingUnit.id, year, subject, status, grade, q: q || undefined, page, pageSize });
  const create = useCreateGrading();
  const [creating, setCreating] = useState<string | null>(null);
  const filtered = Boolean(q || status || grade);
  const filterChanged = () => {
    setPage(1);
    setSelected(new Set());
  };

  /** Opens the subject's grading for the year, then its assessment (or the drawer, when the reader may not grade it). */
  const start = (row: GradingListItem, then: 'grade' | 'open') => {
    setCreating(rowKey(row));
    create.mutate(subject === 'member' ? { subject, year, personId: row.person!.id } : { subject, year, unitId: row.unit.id }, {
      onSuccess: (view) => (then === 'grade' && view.steps.includes('grade') ? setGrading(view) : setOpenId(view.id)),
      onError: (error) => void message.error(describeError(error, t)),
      onSettled: () => setCreating(null),
    });
  };

  const columns = useGradingListColumns(subject, {
    canGrade,
    hideCell: (query.data?.items ?? []).every((row) => row.unit.id === actingUnit.id),
    creating,
    onOpen: setOpenId,
    onStart: start,
  });

  return (
    <Card>
      <GradingListToolbar
        actingUnit={actingUnit}
        year={year}
        subject={subject}
        selected={(query.data?.items ?? []).flatMap((row) =>
          row.gradingId !== null && row.version !== null && row.status === 'graded' && selected.has(row.gradingId)
            ? [{ id: row.gradingId, version: row.version }]
            : [],
        )}
        onDecided={() => setSelected(new Set())}
      />
      <div className="filters" role="search">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={subject === 'member' ? t('grading.filters.searchMember') : t('grading.filters.searchCollective')}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            filterChanged();
          }}
          className="filter-search"
          data-testid="grading-search"
        />
        <Select<GradingStatus | 'none'>
          allowClear
          placeholder={t('grading.filters.allStatuses')}
          value={status}
          onChange={(value) => {
            setStatus(value);
            filterChanged();
          }}
          className="filter-select-wide"
          options={[
            { value: 'none' as const, label: t('grading.noGrading') },
            ...GRADING_STATUSES.map((value) => ({ value, label: labels.status(value) })),
          ]}
          data-testid="grading-status-filter"
        />
        <Select<Grade>
          allowClear
          placeholder={t('grading.filters.allGrades')}
          value={grade}
          onChange={(value) => {
            setGrade(value);
            filterChanged();
          }}
          className="filter-select-wide"
          options={labels.gradeOptions()}
          data-testid="grading-grade-filter"
        />
      </div>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<GradingListItem>
          rowKey={rowKey}
          size="middle"
          loading={query.isFetching}
          columns={columns}
          dataSource={query.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          rowSelection={{
            selectedRowKeys: (query.data?.items ?? []).filter((row) => row.gradingId !== null && selected.has(row.gradingId)).map(rowKey),
            getCheckboxProps: (row) => ({ disabled: row.status !== 'graded' }),
            onSelect: (row, checked) => toggle([row], checked),
            onSelectAll: (checked, _rows, changed) => toggle(changed, checked),
          }}
          locale={{
            emptyText: query.isPending ? (
              ' '
            ) : (
              <Empty
                description={
                  filtered
                    ? t('grading.list.emptyFiltered')
                    : subject === 'member'
                      ? t('grading.list.emptyMembers', { unit: actingUnit.name })
                      : t('grading.list.emptyCollectives', { unit: actingUnit.name })
                }
              />
            ),
          }}
          pagination={{
            current: page,
            pageSize,
            total: query.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('grading.list.total', { count: total }),
            onChange: (next, size) => {
              setPage(next);
              setPageSize(size);
              setSelected(new Set());
            },
          }}
          data-testid={`grading-table-${subject}`}
        />
      )}
      <GradingDrawer id={openId} onClose={() => setOpenId(null)} />
      {grading ? <GradingActionModal grading={grading} action="grade" onClose={() => setGrading(null)} /> : null}
    </Card>
  );

  function toggle(rows: GradingListItem[], checked: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      for (const row of rows) {
        if (row.gradingId === null || row.status !== 'graded') continue;
        if (checked) next.add(row.gradingId);
        else next.delete(row.gradingId);
      }
      return next;
    });
  }
}
