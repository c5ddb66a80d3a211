import { Card, Empty, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ActingUnit } from '../../app/acting-unit';
import { QueryError } from '../../components/query-error';
import { formatNumber } from '../../lib/format';
import { type RemedyState, useRemedies } from './inspections.api';
import { RemediesTable } from './remedies-table';

const STATES: RemedyState[] = ['all', 'pending', 'overdue', 'reported', 'closed'];
const isState = (value: string | null): value is RemedyState => STATES.includes(value as RemedyState);

/**
 * "Việc khắc phục": what the unit and the units below it owe after inspections, and what is owed to
 * it as the inspecting level; the overdue first, in red.
 */
export function RemediesTab({ unit, year, onOpenInspection }: { unit: ActingUnit; year: number; onOpenInspection: (id: number) => void }) {
  const { t } = useTranslation();
  // Kept in the address (`&state=overdue`), so the dashboard and the lagging list open the overdue ones.
  const [params, setParams] = useSearchParams();
  const stateParam = params.get('state');
  const state: RemedyState = isState(stateParam) ? stateParam : 'all';
  const setState = (value: RemedyState) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === 'all') next.delete('state');
        else next.set('state', value);
        return next;
      },
      { replace: true },
    );
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const query = useRemedies({ unitId: unit.id, year, state, page, pageSize });

  return (
    <Card>
      <Typography.Paragraph type="secondary" className="inspection-tab-intro">
        {t('inspections.remedies.intro', { unit: unit.name, year })}
      </Typography.Paragraph>
      <div className="filters" role="search">
        <Radio.Group
          value={state}
          onChange={(event) => {
            setState(event.target.value as RemedyState);
            setPage(1);
          }}
          optionType="button"
          className="inspection-state-filter"
          aria-label={t('inspections.remedies.stateLabel')}
          data-testid="remedy-state"
        >
          {STATES.map((value) => (
            <Radio.Button key={value} value={value}>
              <span data-testid={`remedy-state-${value}`}>{t(`inspections.remedies.states.${value}`)}</span>
            </Radio.Button>
          ))}
        </Radio.Group>
      </div>
      {query.isError ? (
        <QueryError compact error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <RemediesTable
          items={query.data?.items ?? []}
          onOpenInspection={onOpenInspection}
          empty={
            query.isPending ? (
              ' '
            ) : (
              <Empty
                description={
                  state === 'all' ? t('inspections.remedies.empty', { unit: unit.name, year }) : t('inspections.remedies.emptyState')
                }
              />
            )
          }
          loading={query.isFetching}
          pagination={{
            current: page,
            pageSize,
            total: query.data?.total ?? 0,
            hideOnSinglePage: true,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (total) => t('inspections.list.total', { count: total, value: formatNumber(total) }),
            onChange: (next, size) => {
              setPage(next);
              setPageSize(size);
            },
          }}
        />
      )}
    </Card>
  );
}
