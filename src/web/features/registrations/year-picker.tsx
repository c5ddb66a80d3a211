import { Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** Next year (registration opens before the year starts), this year and the few before it. */
export function RegistrationYearPicker({ value, onChange }: { value: number; onChange: (year: number) => void }) {
  const { t } = useTranslation();
  const current = dayjs().year();
  const years = Array.from({ length: 5 }, (_, index) => current + 1 - index);
  return (
    <Select<number>
      value={value}
      onChange={onChange}
      aria-label={t('registrations.year')}
      options={years.map((year) => ({ value: year, label: t('registrations.yearLabel', { year }) }))}
      className="filter-select"
      data-testid="registration-year"
    />
  );
}
