import { useTranslation } from 'react-i18next';
import { compareVietnamese } from '../../../shared/text';
import type { FiguresAnswer } from '../../../shared/contracts/figures';
import { useOpenUnit } from '../../app/use-open-unit';
import { type PlainColumn, PlainTable } from '../../components/plain-table';
import { formatNumber } from '../../lib/format';

type ChildRow = FiguresAnswer['children'][number];

export function ChildFiguresTable({ rows, loading }: { rows: ChildRow[]; loading: boolean }) {
  const { t } = useTranslation();
  const openUnit = useOpenUnit();
  const figure = (key: 'members' | 'partyMembers' | 'units'): PlainColumn<ChildRow> => ({
    key,
    title: t(`home.figures.${key}`),
    align: 'right',
    compare: (a, b) => a.figures[key] - b.figures[key],
    render: (row) => formatNumber(row.figures[key]),
  });
  const columns: PlainColumn<ChildRow>[] = [
    {
      key: 'name',
      title: t('home.childUnit'),
      compare: (a, b) => compareVietnamese(a.unit.name, b.unit.name),
      render: (row) => (
        // Opening a child makes it the acting unit: the same page, one level down.
        <button
          type="button"
          className="plain-link"
          onClick={() => void openUnit(row.unit.id)}
          title={t('home.openChild', { name: row.unit.name })}
        >
          {row.unit.name}
        </button>
      ),
    },
    figure('members'),
    figure('partyMembers'),
    figure('units'),
  ];
  return (
    <PlainTable<ChildRow>
      columns={columns}
      rows={rows}
      rowKey={(row) => row.unit.id}
      defaultSortKey="name"
      pageSize={20}
      busy={loading}
      emptyText={t('home.noChildren')}
      data-testid="child-figures"
    />
  );
}
