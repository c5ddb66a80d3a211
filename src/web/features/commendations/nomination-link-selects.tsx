import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { BreakthroughsAnswer } from '../../../shared/contracts/programme';
import type { RegistrationsPage } from '../../../shared/contracts/registrations';
import type { NominationLink } from '../../../shared/contracts/commendations';

type Option = { value: number; label: string };
type LinkSelectProps = {
  unitId: number;
  value?: number[];
  onChange?: (ids: number[]) => void;
  initial: NominationLink[];
  'data-testid'?: string;
};

/** A multiple select searched on the server; what is already chosen keeps its label while other results load. */
function SearchedSelect({
  value,
  onChange,
  options,
  onSearch,
  loading,
  ...rest
}: {
  value?: number[];
  onChange?: (ids: number[]) => void;
  options: Option[];
  onSearch: (q: string) => void;
  loading: boolean;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  return (
    <Select<number[]>
      mode="multiple"
      allowClear
      showSearch
      filterOption={false}
      value={value ?? []}
      onChange={(ids) => onChange?.(ids)}
      onSearch={onSearch}
      options={options}
      loading={loading}
      placeholder={t('commendations.form.searchToPick')}
      maxCount={50}
      data-testid={rest['data-testid']}
    />
  );
}

function mergeOptions(known: Option[], found: Option[]): Option[] {
  const byId = new Map(known.map((option) => [option.value, option]));
  for (const option of found) byId.set(option.value, option);
  return [...byId.values()];
}

/** The registrations of the nominating unit's subtree for a year, searched by name. */
export function RegistrationLinkSelect({ unitId, year, initial, ...props }: LinkSelectProps & { year: number }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const search = useDeferredValue(q);
  const query = useQuery({
    queryKey: ['commendations', 'registration-links', unitId, year, search],
    queryFn: ({ signal }) =>
      api.get<RegistrationsPage>('/api/registrations', { unitId, year, q: search || undefined, page: 1, pageSize: 30 }, signal),
    placeholderData: keepPreviousData,
  });
  const label = (link: { id: number; year: number; name: string }) =>
    t('commendations.form.registrationOption', { name: link.name, year: link.year, id: link.id });
  const found = (query.data?.items ?? []).map((item) => ({
    value: item.id,
    label: label({ id: item.id, year: item.year, name: item.personName ?? item.unitName }),
  }));
  return (
    <SearchedSelect
      {...props}
      options={mergeOptions(
        initial.map((link) => ({ value: link.id, label: label(link) })),
        found,
      )}
      onSearch={setQ}
      loading={query.isFetching}
    />
  );
}

/** Breakthrough contents that reach the unit: issued by the levels above, by the unit or by its sub-units. */
export function BreakthroughLinkSelect({ unitId, initial, ...props }: LinkSelectProps) {
  const [q, setQ] = useState('');
  const search = useDeferredValue(q);
  const query = useQuery({
    queryKey: ['commendations', 'breakthrough-links', unitId, search],
    queryFn: ({ signal }) =>
      api.get<BreakthroughsAnswer>('/api/breakthroughs', { unitId, level: 'all', q: search || undefined, page: 1, pageSize: 50 }, signal),
    placeholderData: keepPreviousData,
  });
  const label = (link: { name: string; year: number }) => `${link.name} (${link.year})`;
  const found = (query.data?.items ?? []).map((item) => ({ value: item.id, label: label({ name: item.title, year: item.year }) }));
  return (
    <SearchedSelect
      {...props}
      options={mergeOptions(
        initial.map((link) => ({ value: link.id, label: label(link) })),
        found,
      )}
      onSearch={setQ}
      loading={query.isFetching}
    />
  );
}
