import { Badge, Button, Card, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import type { ActingUnit } from '../../app/acting-unit';
import { QueryError } from '../../components/query-error';
import { formatNumber } from '../../lib/format';
import { type UnitFeedbackCounts, useFeedbackByUnit } from './supervision.api';

/**
 * Feedback per unit directly below the acting unit, overdue first: how the level above sees which
 * unit lets feedback go unanswered. Picking a unit filters the list below (when `onPick` is given).
 */
export function UnitCounts({ actingUnit, onPick }: { actingUnit: ActingUnit; onPick?: (unit: { value: number; label: string }) => void }) {
  const { t } = useTranslation();
  const counts = useFeedbackByUnit(actingUnit.id);
  const rows = counts.data?.items ?? [];
  if (counts.isSuccess && rows.every((row) => row.own)) return null;
  const columns: ColumnsType<UnitFeedbackCounts> = [
    {
      title: t('supervision.fields.unit'),
      key: 'unit',
      render: (_v, row) => {
        const label = row.own ? t('supervision.byUnit.own', { unit: row.unitName }) : row.unitName;
        return onPick ? (
          <Button type="link" className="link-cell" onClick={() => onPick({ value: row.unitId, label: row.unitName })}>
            {label}
          </Button>
        ) : (
          label
        );
      },
    },
    { title: t('supervision.counts.total'), key: 'total', width: 120, align: 'right', render: (_v, row) => formatNumber(row.total) },
    { title: t('supervision.counts.new'), key: 'new', width: 120, align: 'right', render: (_v, row) => formatNumber(row.new) },
    {
      title: t('supervision.counts.overdue'),
      key: 'overdue',
      width: 140,
      align: 'right',
      render: (_v, row) =>
        row.overdue > 0 ? <Badge count={formatNumber(row.overdue)} color="red" data-testid={`unit-overdue-${row.unitId}`} /> : '0',
    },
    {
      title: t('supervision.counts.answered'),
      key: 'answered',
      width: 120,
      align: 'right',
      render: (_v, row) => formatNumber(row.answered),
    },
  ];
  return (
    <Card size="small" className="supervision-gap-bottom" title={t('supervision.byUnit.title', { unit: actingUnit.name })}>
      {counts.isError ? <QueryError error={counts.error} onRetry={() => void counts.refetch()} compact /> : null}
      <Table<UnitFeedbackCounts>
        rowKey="unitId"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={counts.isFetching}
        data-testid="feedback-by-unit"
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 700 }}
      />
    </Card>
  );
}
