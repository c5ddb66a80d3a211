import { Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** The current year and the few before it: registrations are made and published by year. */
export function YearChoice({
  value,
  onChange,
  allowClear,
}: {
  value?: number;
  onChange: (year: number | undefined) => void;
  allowClear?: boolean;
}) {
  const { t } = useTranslation();
  const current = dayjs().year();
  return (
    <Select<number>
      value={value}
      onChange={(year) => onChange(year ?? undefined)}
      allowClear={allowClear}
      placeholder={t('supervision.allYears')}
      aria-label={t('supervision.fields.year')}
      options={Array.from({ length: 6 }, (_, index) => current - index).map((year) => ({
        value: year,
        label: t('supervision.yearLabel', { year }),
      }))}
      className="filter-select"
      data-testid="supervision-year"
    />
  );
}
