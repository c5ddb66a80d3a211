import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ProgrammeFigureKey, ProgrammeFigures, ProgrammeFiguresAnswer } from '../../../shared/contracts/programme-figures';
import i18n from '../../i18n';

export type { ProgrammeFigureKey, ProgrammeFigures, ProgrammeFiguresAnswer };

export function useProgrammeFigures(unitId: number, year: number) {
  return useQuery({
    queryKey: ['programme-figures', unitId, year],
    queryFn: ({ signal }) => api.get<ProgrammeFiguresAnswer>('/api/programme-figures', { unitId, year }, signal),
  });
}

/** A share as a percentage the Vietnamese way (98,6%); no denominator shows a dash, not 0%. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const locale = i18n.language === 'en' ? 'en-US' : 'vi-VN';
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}
