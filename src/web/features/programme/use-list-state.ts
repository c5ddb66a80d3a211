import type { ProgrammeLevel } from '../../../shared/contracts/programme';
import { useListFilter, usePaging, useServerSort } from '../../components/list-page';
import { useDebouncedValue } from '../../lib/use-debounced-value';

/** The state every programme list keeps: search, year and level (each back to page 1), paging, the server's sort. */
export function useListState<S extends string>(sortKeys: readonly S[], defaultSort: S, defaultOrder: 'asc' | 'desc', defaultYear?: number) {
  const paging = usePaging();
  const [text, setText] = useListFilter(paging, '');
  const q = useDebouncedValue(text.trim(), 350);
  const [year, setYear] = useListFilter<number | undefined>(paging, defaultYear);
  const [level, setLevel] = useListFilter<ProgrammeLevel>(paging, 'all');
  const sort = useServerSort(sortKeys, { sort: defaultSort, order: defaultOrder });
  return {
    paging,
    text,
    setText,
    q,
    year,
    setYear,
    level,
    setLevel,
    page: paging.page,
    pageSize: paging.pageSize,
    sorting: sort.sorting,
    orderFor: sort.orderFor,
    onSort: sort.onSort,
    /** For filters kept outside this hook, which also start again from page 1. */
    resetPage: () => paging.setPage(1),
    filtered: Boolean(q) || year !== defaultYear || level !== 'all',
  };
}

export type ListState<S extends string> = ReturnType<typeof useListState<S>>;
