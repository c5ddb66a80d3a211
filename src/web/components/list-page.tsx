import { SearchOutlined } from '@ant-design/icons';
import { Empty, Input, Select, Table, type TableProps } from 'antd';
import { type ReactNode, useState } from 'react';
import { useIsPhone } from '../lib/use-is-phone';
import { QueryError } from './query-error';

/**
 * The pieces every searchable, filtered, paged list is made of: the page the user is on (back to
 * the first whenever a filter changes, so a narrower list never opens on an empty page), a filter
 * bar, and the table that shows the server's page, its failure or its empty state.
 */
export type Paging = {
  page: number;
  pageSize: number;
  setPage: (page: number, pageSize?: number) => void;
};

export function usePaging(initialPageSize = 20): Paging {
  const [state, setState] = useState({ page: 1, pageSize: initialPageSize });
  return {
    ...state,
    // A new page size starts from the first page: the old page number means other rows.
    setPage: (page, pageSize = state.pageSize) => setState({ page: pageSize === state.pageSize ? page : 1, pageSize }),
  };
}

/** A filter's value, and a setter that also takes the list back to its first page. */
export function useListFilter<T>(paging: Paging, initial: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(initial);
  return [
    value,
    (next: T) => {
      setValue(next);
      paging.setPage(1);
    },
  ];
}

/**
 * The order the server sorts a list in: one of the columns it can sort by, or the list's own order
 * when the user clears the sort (or asks for a column the server cannot sort).
 */
export function useServerSort<S extends string>(keys: readonly S[], defaultSort: { sort: S; order: 'asc' | 'desc' }) {
  const [sorting, setSorting] = useState(defaultSort);
  return {
    sorting,
    /** A column's `sortOrder`, so the header shows the order the server used. */
    orderFor: (key: S): 'ascend' | 'descend' | null => (sorting.sort === key ? (sorting.order === 'asc' ? 'ascend' : 'descend') : null),
    onSort: (sort: { key: string; order: 'asc' | 'desc' } | null) => {
      const key = keys.find((candidate) => candidate === sort?.key);
      setSorting(key && sort ? { sort: key, order: sort.order } : defaultSort);
    },
  };
}

/** The filters above a list: in a row that wraps, each one the whole width on a phone (styles.css `.filters`). */
export function FilterBar({ children }: { children: ReactNode }) {
  return (
    <div className="filters" role="search">
      {children}
    </div>
  );
}

/** Free text, searched by the server ignoring diacritics and case. */
export function SearchFilter({
  value,
  onChange,
  placeholder,
  label = placeholder,
  'data-testid': testId,
}: {
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  /** What a screen reader announces, when the placeholder (an example) does not say it. */
  label?: string;
  'data-testid'?: string;
}) {
  return (
    <Input
      allowClear
      prefix={<SearchOutlined aria-hidden />}
      enterKeyHint="search"
      placeholder={placeholder}
      aria-label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      className="filter-search"
      data-testid={testId}
    />
  );
}

/** One of a few values, or all of them when cleared (the placeholder says "all …"). */
export function ChoiceFilter<T extends string | number>({
  value,
  onChange,
  placeholder,
  options,
  wide = false,
  'data-testid': testId,
}: {
  value: T | undefined;
  onChange: (value: T | undefined) => void;
  placeholder: string;
  options: Array<{ value: T; label: string }>;
  /** For long labels (a report's kinds). */
  wide?: boolean;
  'data-testid'?: string;
}) {
  return (
    <Select<T>
      allowClear
      placeholder={placeholder}
      aria-label={placeholder}
      value={value}
      onChange={(next) => onChange(next ?? undefined)}
      className={wide ? 'filter-select-wide' : 'filter-select'}
      options={options}
      data-testid={testId}
    />
  );
}

type PagedTableProps<Row> = Omit<TableProps<Row>, 'dataSource' | 'loading' | 'pagination' | 'locale'> & {
  /** The list's query (react-query's answer fits): a page of rows and the total, or the failure. */
  query: { data?: { items: Row[]; total: number } | undefined; error: unknown; isFetching: boolean; refetch: () => unknown };
  paging: Paging;
  /** What an empty page says: that nothing matches the filters, or that there is nothing yet. */
  emptyText: ReactNode;
  /** "1.234 bản đăng ký": the total in words, under the table. */
  totalText?: (total: number) => string;
  /** Sorting done by the server: the column's key and direction, or null back to the list's own order. */
  onSort?: (sort: { key: string; order: 'asc' | 'desc' } | null) => void;
  /** The columns of a phone screen (usually one that says it all); a phone always gets the simple pager. */
  phoneColumns?: TableProps<Row>['columns'];
  /** Opens a row (its drawer) when it is clicked anywhere. */
  onOpen?: (row: Row) => void;
  'data-testid'?: string;
};

/** A page of the server's list, with its size changer; a failed load says so and offers to try again. */
export function PagedTable<Row extends object>({
  query,
  paging,
  emptyText,
  totalText,
  onSort,
  phoneColumns,
  onOpen,
  ...table
}: PagedTableProps<Row>) {
  const onPhone = useIsPhone();
  const phoneLayout = onPhone && phoneColumns !== undefined;
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Table<Row>
      rowKey="id"
      size="middle"
      showSorterTooltip={false}
      onRow={onOpen ? (row) => ({ onClick: () => onOpen(row), className: 'clickable-row' }) : undefined}
      {...table}
      {...(phoneLayout ? { columns: phoneColumns, scroll: undefined } : {})}
      loading={query.isFetching}
      dataSource={query.data?.items ?? []}
      // Nothing is said to be empty before the first page has come.
      locale={{ emptyText: query.data ? <Empty description={emptyText} /> : ' ' }}
      onChange={(_pagination, _filters, sorter, extra) => {
        if (extra.action !== 'sort' || !onSort) return;
        const single = Array.isArray(sorter) ? sorter[0] : sorter;
        onSort(single?.order ? { key: String(single.columnKey), order: single.order === 'ascend' ? 'asc' : 'desc' } : null);
        paging.setPage(1);
      }}
      pagination={{
        current: paging.page,
        pageSize: paging.pageSize,
        total: query.data?.total ?? 0,
        showSizeChanger: !onPhone,
        simple: onPhone,
        showTotal: totalText,
        onChange: (page, pageSize) => paging.setPage(page, pageSize),
      }}
    />
  );
}
