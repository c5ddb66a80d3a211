import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FilterBar, SearchFilter } from '../../components/list-page';
import { PROGRAMME_LEVELS, type ProgrammeLevel } from '../../../shared/contracts/programme';

/** Years offered in filters and forms: the current term with a margin on each side. */
export function yearOptions(): number[] {
  const now = new Date().getFullYear();
  const years: number[] = [];
  for (let year = now + 2; year >= 2020; year--) years.push(year);
  return years;
}

interface ListFiltersProps {
  text: string;
  onText: (value: string) => void;
  year: number | undefined;
  onYear: (value: number | undefined) => void;
  level: ProgrammeLevel;
  onLevel: (value: ProgrammeLevel) => void;
  searchPlaceholder: string;
  testIdPrefix: string;
  children?: React.ReactNode;
}

/** Search, year and level (own / from above / below): the same three filters on every programme list. */
export function ListFilters({ text, onText, year, onYear, level, onLevel, searchPlaceholder, testIdPrefix, children }: ListFiltersProps) {
  const { t } = useTranslation();
  return (
    <FilterBar>
      <SearchFilter value={text} onChange={onText} placeholder={searchPlaceholder} data-testid={`${testIdPrefix}-search`} />
      <Select<number>
        value={year}
        onChange={(value) => onYear(value ?? undefined)}
        allowClear
        placeholder={t('programme.filters.allYears')}
        aria-label={t('programme.fields.year')}
        options={yearOptions().map((value) => ({ value, label: t('programme.filters.year', { year: value }) }))}
        style={{ width: 150 }}
        data-testid={`${testIdPrefix}-year`}
      />
      <Select<ProgrammeLevel>
        value={level}
        onChange={onLevel}
        aria-label={t('programme.filters.levelLabel')}
        options={PROGRAMME_LEVELS.map((value) => ({ value, label: t(`programme.levels.${value}`) }))}
        className="filter-select"
        data-testid={`${testIdPrefix}-level`}
      />
      {children}
    </FilterBar>
  );
}
