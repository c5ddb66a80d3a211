import dayjs, { type Dayjs } from 'dayjs';
import i18n from '../i18n';

/** Dates are shown the Vietnamese way in both languages: the readers are Vietnamese offices. */
export const DATE_FORMAT = 'DD/MM/YYYY';
const DATE_TIME_FORMAT = 'DD/MM/YYYY HH:mm';
const API_DATE_FORMAT = 'YYYY-MM-DD';

function numberLocale(): string {
  return i18n.language === 'en' ? 'en-US' : 'vi-VN';
}

export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return new Intl.NumberFormat(numberLocale(), { maximumFractionDigits: 1 }).format(value);
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed.format(DATE_FORMAT) : value;
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed.format(DATE_TIME_FORMAT) : value;
}

export function toApiDate(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format(API_DATE_FORMAT) : undefined;
}

export function fromApiDate(value: string | null | undefined): Dayjs | undefined {
  return value ? dayjs(value) : undefined;
}

export function todayApiDate(): string {
  return dayjs().format(API_DATE_FORMAT);
}
