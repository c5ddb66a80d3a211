import { Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** The current year and the few before it: the campaign's records are kept by year. */
export function yearOptions(count = 6): number[] {
  const current = dayjs().year();
  return Array.from({ length: count }, (_, index) => current - index);
}

export function YearSelect({
  value,
  onChange,
  allowClear,
  testId,
}: {
  value?: number;
  onChange: (year: number | undefined) => void;
  allowClear?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Select<number>
      value={value}
      onChange={(year) => onChange(year ?? undefined)}
      allowClear={allowClear}
      placeholder={t('study.allYears')}
      aria-label={t('study.fields.year')}
      options={yearOptions().map((year) => ({ value: year, label: t('study.yearLabel', { year }) }))}
      className="filter-select"
      data-testid={testId}
    />
  );
}
