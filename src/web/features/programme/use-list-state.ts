import { useState } from 'react';
import type { ProgrammeLevel } from '../../../shared/contracts/programme';
import { useDebouncedValue } from '../../lib/use-debounced-value';

export const DEFAULT_PAGE_SIZE = 20;

/** The state every programme list keeps: filters reset the page, sorting comes from the table. */
export function useListState<S extends string>(defaultSort: S, defaultOrder: 'asc' | 'desc', defaultYear?: number) {
  const [text, setTextValue] = useState('');
  const q = useDebouncedValue(text.trim(), 350);
  const [year, setYearValue] = useState<number | undefined>(defaultYear);
  const [level, setLevelValue] = useState<ProgrammeLevel>('all');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(DEFAULT_PAGE_SIZE);
  const [sorting, setSorting] = useState<{ sort: S; order: 'asc' | 'desc' }>({ sort: defaultSort, order: defaultOrder });

  const reset =
    <T>(setter: (value: T) => void) =>
    (value: T) => {
      setter(value);
      setPage(1);
    };

  return {
    text,
    setText: reset(setTextValue),
    q,
    year,
    setYear: reset(setYearValue),
    level,
    setLevel: reset(setLevelValue),
    page,
    pageSize,
    sorting,
    /** For filters kept outside this hook, which also start again from page 1. */
    resetPage: () => setPage(1),
    filtered: Boolean(q) || year !== defaultYear || level !== 'all',
    /** Applies a table change: a new page size starts again from page 1; a cleared sort returns to the default. */
    onTableChange(
      pagination: { current?: number; pageSize?: number },
      sortKey: S | undefined,
      order: 'ascend' | 'descend' | null | undefined,
    ) {
      setSorting(
        sortKey && order ? { sort: sortKey, order: order === 'ascend' ? 'asc' : 'desc' } : { sort: defaultSort, order: defaultOrder },
      );
      if (pagination.pageSize && pagination.pageSize !== pageSize) {
        setPageSize(pagination.pageSize);
        setPage(1);
      } else {
        setPage(pagination.current ?? 1);
      }
    },
    orderFor(key: S): 'ascend' | 'descend' | null {
      if (sorting.sort !== key) return null;
      return sorting.order === 'asc' ? 'ascend' : 'descend';
    },
  };
}

export type ListState<S extends string> = ReturnType<typeof useListState<S>>;
