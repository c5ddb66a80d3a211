import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActingUnit } from '../../app/acting-unit';
import { ChoiceFilter, FilterBar, PagedTable, SearchFilter, useListFilter, usePaging } from '../../components/list-page';
import { formatDate } from '../../lib/format';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { NOMINATION_KINDS, NOMINATION_STATUSES } from '../../../shared/contracts/commendations';
import { type NominationKind, type NominationListItem, type NominationStatus, useNominations } from './commendations.api';
import { NominationDrawer } from './nomination-drawer';
import { NominationFormModal } from './nomination-form-modal';
import { NominationStatusTag } from './nomination-status-tag';

/** What the subtree nominated, or what waits for its levels to vet: searchable, filtered, paged. */
export function NominationsTab({
  actingUnit,
  view,
  canNominate,
}: {
  actingUnit: ActingUnit;
  view: 'nominated' | 'to_vet';
  canNominate: boolean;
}) {
  const { t } = useTranslation();
  const paging = usePaging();
  const [text, setText] = useListFilter(paging, '');
  const q = useDebouncedValue(text.trim(), 350);
  const [status, setStatus] = useListFilter<NominationStatus | undefined>(paging, undefined);
  const [kind, setKind] = useListFilter<NominationKind | undefined>(paging, undefined);
  const { page, pageSize } = paging;
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const query = useNominations({ unitId: actingUnit.id, view, status, kind, q: q || undefined, page, pageSize });
  const filtered = Boolean(q || status || kind);

  const columns: ColumnsType<NominationListItem> = [
    {
      title: t('commendations.fields.title'),
      dataIndex: 'title',
      width: 320,
      render: (title: string, row) => (
        <Button
          type="link"
          style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }}
          onClick={() => setOpenId(row.id)}
          data-testid={`nomination-open-${row.id}`}
        >
          {title}
        </Button>
      ),
    },
    {
      title: t('commendations.fields.kind'),
      dataIndex: 'kind',
      width: 150,
      render: (value: NominationKind) => <Tag>{t(`commendations.kinds.${value}`)}</Tag>,
    },
    { title: t('commendations.fields.subject'), dataIndex: 'subjectName', width: 200, render: (value: string | null) => value ?? '—' },
    { title: t('commendations.fields.unit'), dataIndex: 'unitName', width: 200 },
    {
      title: t('commendations.fields.status'),
      dataIndex: 'status',
      width: 170,
      render: (value: NominationStatus) => <NominationStatusTag status={value} />,
    },
    { title: t('commendations.fields.atUnit'), dataIndex: 'atUnitName', width: 180, render: (value: string | null) => value ?? '—' },
    {
      title: t('commendations.fields.period'),
      width: 190,
      render: (_, row) => `${formatDate(row.periodFrom)} – ${formatDate(row.periodTo)}`,
    },
  ];

  return (
    <Card
      extra={
        canNominate && view === 'nominated' ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="nomination-create">
            {t('commendations.list.create')}
          </Button>
        ) : null
      }
    >
      <FilterBar>
        <SearchFilter
          value={text}
          onChange={setText}
          placeholder={t('commendations.filters.search')}

          data-testid="nomination-search"
        />
        <ChoiceFilter
          value={status}
          onChange={setStatus}
          placeholder={t('commendations.filters.allStatuses')}
          options={NOMINATION_STATUSES.map((value) => ({ value, label: t(`commendations.statuses.${value}`) }))}
        />
        <ChoiceFilter
          value={kind}
          onChange={setKind}
          placeholder={t('commendations.filters.allKinds')}
          options={NOMINATION_KINDS.map((value) => ({ value, label: t(`commendations.kinds.${value}`) }))}
        />
      </FilterBar>
      <PagedTable
        query={query}
        paging={paging}
        columns={columns}
        scroll={{ x: 1100 }}
        emptyText={
          filtered
            ? t('commendations.list.emptyFiltered')
            : view === 'to_vet'
              ? t('commendations.list.emptyToVet', { unit: actingUnit.name })
              : t('commendations.list.empty', { unit: actingUnit.name })
        }
        data-testid={`nominations-table-${view}`}
      />
      {creating ? (
        <NominationFormModal
          actingUnit={actingUnit}
          nomination={null}
          onClose={(saved) => {
            setCreating(false);
            if (saved) setOpenId(saved.id);
          }}
        />
      ) : null}
      <NominationDrawer actingUnit={actingUnit} id={openId} onClose={() => setOpenId(null)} />
    </Card>
  );
}
