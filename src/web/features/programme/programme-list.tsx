import { Card } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PagedTable } from '../../components/list-page';
import { formatNumber } from '../../lib/format';
import { ListFilters } from './list-filters';
import type { ListState } from './use-list-state';

type ProgrammeListKind = 'plans' | 'topics' | 'breakthroughs';

interface ProgrammeListProps<Row extends { id: number }, Sort extends string> {
  /** Which list: it names the texts (`programme.<kind>.…`) and the test ids (`<kind>-…`). */
  kind: ProgrammeListKind;
  list: ListState<Sort>;
  query: { data?: { items: Row[]; total: number } | undefined; error: unknown; isFetching: boolean; refetch: () => unknown };
  columns: ColumnsType<Row>;
  phoneColumns: ColumnsType<Row>;
  /** The table's scrolling width on a narrow screen. */
  width: number;
  unitName: string;
  onOpen: (row: Row) => void;
  /** A filter kept outside the list state is set (the empty list then says nothing matches). */
  moreFiltered?: boolean;
  /** Filters of this list only, after search, year and level. */
  children?: ReactNode;
}

/** The card every programme list shows: its filters, then the paged table with its empty state and total. */
export function ProgrammeList<Row extends { id: number }, Sort extends string>({
  kind,
  list,
  query,
  columns,
  phoneColumns,
  width,
  unitName,
  onOpen,
  moreFiltered = false,
  children,
}: ProgrammeListProps<Row, Sort>) {
  const { t } = useTranslation();
  return (
    <Card>
      <ListFilters
        text={list.text}
        onText={list.setText}
        year={list.year}
        onYear={list.setYear}
        level={list.level}
        onLevel={list.setLevel}
        searchPlaceholder={t(`programme.${kind}.searchPlaceholder`)}
        testIdPrefix={kind}
      >
        {children}
      </ListFilters>
      <PagedTable<Row>
        query={query}
        paging={list.paging}
        columns={columns}
        phoneColumns={phoneColumns}
        onSort={list.onSort}
        data-testid={`${kind}-table`}
        scroll={{ x: width }}
        emptyText={list.filtered || moreFiltered ? t('programme.emptyFiltered') : t(`programme.${kind}.empty`, { unit: unitName })}
        totalText={(total) => t(`programme.${kind}.total`, { count: total, formatted: formatNumber(total) })}
        onOpen={onOpen}
      />
    </Card>
  );
}
