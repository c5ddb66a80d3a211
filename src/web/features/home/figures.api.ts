import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { FiguresAnswer } from '../../../shared/contracts/figures';

export function figuresQueryOptions(unitId: number, asOf: string) {
  return {
    queryKey: ['figures', unitId, asOf],
    queryFn: ({ signal }: { signal?: AbortSignal }) => api.get<FiguresAnswer>('/api/figures', { unitId, asOf }, signal),
  };
}

/** No placeholder from the previous date: old figures under a new date would mislead. */
export function useFigures(unitId: number, asOf: string) {
  return useQuery(figuresQueryOptions(unitId, asOf));
}
