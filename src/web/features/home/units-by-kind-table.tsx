import { useTranslation } from 'react-i18next';
import type { UnitKind } from '../../../shared/contracts/domain';
import { type PlainColumn, PlainTable } from '../../components/plain-table';
import { UNIT_KIND_LIST } from '../../lib/enums';
import { formatNumber } from '../../lib/format';

interface KindRow {
  kind: UnitKind;
  count: number;
}

interface UnitsByKindTableProps {
  counts: Partial<Record<UnitKind, number>>;
  definition?: string;
}

export function UnitsByKindTable({ counts, definition }: UnitsByKindTableProps) {
  const { t } = useTranslation();
  const rows: KindRow[] = UNIT_KIND_LIST.map((kind) => ({ kind, count: counts[kind] ?? 0 })).filter((row) => row.count > 0);
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const columns: PlainColumn<KindRow>[] = [
    { key: 'kind', title: t('home.kindColumn'), render: (row) => t(`enums.unitKind.${row.kind}`) },
    { key: 'count', title: t('home.countColumn'), align: 'right', render: (row) => formatNumber(row.count) },
  ];
  const footer =
    rows.length > 1 ? (
      <tr>
        <th scope="row">{t('home.total')}</th>
        <td className="align-right">
          <strong>{formatNumber(total)}</strong>
        </td>
      </tr>
    ) : null;
  return (
    <>
      <PlainTable<KindRow>
        columns={columns}
        rows={rows}
        rowKey={(row) => row.kind}
        footer={footer}
        emptyText={t('home.noUnitsByKind')}
        data-testid="units-by-kind"
      />
      {definition ? <p className="figure-definition">{definition}</p> : null}
    </>
  );
}
