import { Select, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeople } from '../features/people/people.api';
import { useDebouncedValue } from '../lib/use-debounced-value';

export interface PersonChoice {
  value: number;
  label: string;
}

interface PersonSelectProps {
  unitId: number;
  includeSubtree?: boolean;
  value?: PersonChoice[];
  onChange?: (value: PersonChoice[]) => void;
  id?: string;
  placeholder?: string;
}

/** Picks people of one unit; the server searches, so a unit of thousands stays quick to use. */
export function PersonSelect({ unitId, includeSubtree = false, value, onChange, id, placeholder }: PersonSelectProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const people = usePeople({ unitId, q: q || undefined, includeSubtree, page: 1, pageSize: 50, sort: 'name', order: 'asc' });
  const options = (people.data?.items ?? []).map((person) => ({ value: person.id, label: person.fullName }));

  return (
    <Select<PersonChoice[]>
      id={id}
      mode="multiple"
      labelInValue
      value={value}
      onChange={(next) => onChange?.(next.map((item) => ({ value: Number(item.value), label: String(item.label) })))}
      options={options}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text, autoClearSearchValue: true }}
      notFoundContent={people.isFetching ? <Spin size="small" /> : t('people.noneFound')}
      placeholder={placeholder ?? t('people.pickPeople')}
      style={{ width: '100%' }}
    />
  );
}
