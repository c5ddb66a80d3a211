import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { FiguresAnswer } from '../../api/types';

/** No placeholder from the previous date: old figures under a new date would mislead. */
export function useFigures(unitId: number, asOf: string) {
  return useQuery({
    queryKey: ['figures', unitId, asOf],
    queryFn: ({ signal }) => api.get<FiguresAnswer>('/api/figures', { unitId, asOf }, signal),
  });
}
