import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface PlainColumn<Row> {
  key: string;
  title: string;
  render: (row: Row) => ReactNode;
  align?: 'left' | 'right';
  /** Makes the column sortable from its header. */
  compare?: (a: Row, b: Row) => number;
}

interface PlainTableProps<Row> {
  columns: PlainColumn<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string | number;
  /** The column sorted first, ascending. */
  defaultSortKey?: string;
  /** Rows shown at first; the rest come with a "show more" button. */
  pageSize?: number;
  footer?: ReactNode;
  emptyText: string;
  busy?: boolean;
  'data-testid'?: string;
}

type Sort = { key: string; direction: 1 | -1 };

/**
 * A small read-only table in plain markup, for the dashboard: sortable headers (announced with
 * aria-sort), rows revealed in steps, and a frame that scrolls sideways inside its card on a phone.
 * Editing lists keep Ant Design's Table; this one spares the first screen after sign-in its weight.
 */
export function PlainTable<Row>({
  columns,
  rows,
  rowKey,
  defaultSortKey,
  pageSize,
  footer,
  emptyText,
  busy,
  ...rest
}: PlainTableProps<Row>) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<Sort | null>(defaultSortKey ? { key: defaultSortKey, direction: 1 } : null);
  const [shown, setShown] = useState(pageSize ?? Number.POSITIVE_INFINITY);
  const sorted = useMemo(() => {
    const compare = columns.find((column) => column.key === sort?.key)?.compare;
    return compare && sort ? [...rows].sort((a, b) => compare(a, b) * sort.direction) : rows;
  }, [columns, rows, sort]);
  const visible = sorted.slice(0, shown);
  const hidden = sorted.length - visible.length;

  const toggle = (key: string) =>
    setSort((current) => (current?.key === key ? { key, direction: current.direction === 1 ? -1 : 1 } : { key, direction: 1 }));

  return (
    <div className="plain-table-frame" data-testid={rest['data-testid']} aria-busy={busy || undefined}>
      <table className="plain-table">
        <thead>
          <tr>
            {columns.map((column) => {
              const sorting = sort?.key === column.key ? (sort.direction === 1 ? 'ascending' : 'descending') : undefined;
              return (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={column.compare ? (sorting ?? 'none') : undefined}
                  className={column.align === 'right' ? 'align-right' : undefined}
                >
                  {column.compare ? (
                    <button
                      type="button"
                      className="plain-table-sort"
                      onClick={() => toggle(column.key)}
                      aria-label={t('common.sortBy', { name: column.title })}
                    >
                      {column.title}
                      <span aria-hidden className="plain-table-sort-mark">
                        {sorting === 'ascending' ? '▲' : sorting === 'descending' ? '▼' : '↕'}
                      </span>
                    </button>
                  ) : (
                    column.title
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {visible.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="plain-table-empty">
                {emptyText}
              </td>
            </tr>
          ) : (
            visible.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) => (
                  <td key={column.key} className={column.align === 'right' ? 'align-right' : undefined}>
                    {column.render(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
        {footer ? <tfoot>{footer}</tfoot> : null}
      </table>
      {hidden > 0 && pageSize ? (
        <button type="button" className="plain-button plain-table-more" onClick={() => setShown((count) => count + pageSize)}>
          {t('common.showMore', { count: Math.min(hidden, pageSize) })}
        </button>
      ) : null}
    </div>
  );
}
