import { Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** The current year and the few before it (and `ahead` years after it): the campaign's records are kept by year. */
export function yearOptions(count = 6, ahead = 0): number[] {
  const current = dayjs().year();
  return Array.from({ length: count + ahead }, (_, index) => current + ahead - index);
}

export function YearSelect({
  value,
  onChange,
  allowClear,
  testId,
  ahead = 0,
}: {
  value?: number;
  onChange: (year: number | undefined) => void;
  allowClear?: boolean;
  testId?: string;
  /** Years after the current one also offered, for what is planned ahead (next year's inspection plan). */
  ahead?: number;
}) {
  const { t } = useTranslation();
  return (
    <Select<number>
      value={value}
      onChange={(year) => onChange(year ?? undefined)}
      allowClear={allowClear}
      placeholder={t('study.allYears')}
      aria-label={t('study.fields.year')}
      options={yearOptions(6, ahead).map((year) => ({ value: year, label: t('study.yearLabel', { year }) }))}
      className="filter-select"
      data-testid={testId}
    />
  );
}
