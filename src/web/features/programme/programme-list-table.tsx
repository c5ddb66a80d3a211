import { Empty, Table } from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/query-error';
import { formatNumber } from '../../lib/format';
import { useIsPhone } from '../../lib/use-is-phone';
import type { ListState } from './use-list-state';

type Props<T extends { id: number }, S extends string> = {
  query: UseQueryResult<{ items: T[]; total: number }>;
  list: ListState<S>;
  columns: ColumnsType<T>;
  phoneColumns: ColumnsType<T>;
  /** Column keys the server can sort by; any other sort returns to the list's default. */
  sortKeys: readonly S[];
  testId: string;
  scrollX: number;
  /** Filters kept outside the list state (e.g. a status) also count as filtering. */
  filtered?: boolean;
  emptyText: string;
  totalText: (total: number, formatted: string) => string;
  onOpen: (id: number) => void;
};

/**
 * The table every programme list shows: error with retry, paging the phone way or the desk way,
 * server-side sorting, an empty state that tells filtering apart from an empty level, rows that open.
 */
export function ProgrammeListTable<T extends { id: number }, S extends string>(props: Props<T, S>) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const { query, list } = props;
  return (
    <>
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} compact /> : null}
      {query.isError && !query.data ? null : (
        <Table<T>
          rowKey="id"
          columns={isPhone ? props.phoneColumns : props.columns}
          dataSource={query.data?.items ?? []}
          loading={query.isFetching}
          data-testid={props.testId}
          scroll={isPhone ? undefined : { x: props.scrollX }}
          showSorterTooltip={false}
          onRow={(row) => ({ onClick: () => props.onOpen(row.id), className: 'clickable-row' })}
          locale={{
            emptyText: query.isPending ? (
              ' '
            ) : (
              <Empty description={list.filtered || props.filtered ? t('programme.emptyFiltered') : props.emptyText} />
            ),
          }}
          pagination={{
            current: list.page,
            pageSize: list.pageSize,
            total: query.data?.total ?? 0,
            showSizeChanger: !isPhone,
            pageSizeOptions: [10, 20, 50, 100],
            simple: isPhone,
            showTotal: (total) => props.totalText(total, formatNumber(total)),
          }}
          onChange={(pagination, _filters, sorter) => {
            const single = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<T> | undefined;
            const key = single?.columnKey;
            const sortKey = props.sortKeys.find((candidate) => candidate === key);
            list.onTableChange(pagination, sortKey, single?.order);
          }}
        />
      )}
    </>
  );
}
