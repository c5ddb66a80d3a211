import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { UnitKind } from '../../../shared/contracts/domain';
import type { UnitVersion } from '../../../shared/contracts/units';
import { QueryError } from '../../components/query-error';
import { formatDate } from '../../lib/format';
import { useUnitHistory } from './units.api';

/** Every version of the unit: names, codes, kinds and parents it had, with their dates. */
export function UnitHistory({ unitId }: { unitId: number }) {
  const { t } = useTranslation();
  const history = useUnitHistory(unitId);
  if (history.isError) return <QueryError error={history.error} onRetry={() => void history.refetch()} compact />;

  const columns: ColumnsType<UnitVersion> = [
    { title: t('units.fields.validFrom'), dataIndex: 'validFrom', render: (value: string) => formatDate(value), width: 130 },
    {
      title: t('units.fields.validTo'),
      dataIndex: 'validTo',
      render: (value: string | null) => (value ? formatDate(value) : t('units.history.current')),
      width: 130,
    },
    { title: t('units.fields.name'), dataIndex: 'name' },
    { title: t('units.fields.code'), dataIndex: 'code', width: 120 },
    { title: t('units.fields.kind'), dataIndex: 'kind', render: (kind: UnitKind) => t(`enums.unitKind.${kind}`) },
    { title: t('units.fields.parent'), dataIndex: 'parentName', render: (value: string | null) => value ?? '—' },
  ];
  const rows = [...(history.data ?? [])].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  return (
    <Table<UnitVersion>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={rows}
      loading={history.isLoading}
      pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      scroll={{ x: 720 }}
      locale={{ emptyText: t('units.history.empty') }}
      data-testid="unit-history"
    />
  );
}
