import { Button, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { compareVietnamese } from '../../../shared/text';
import type { FiguresAnswer } from '../../api/types';
import { useOpenUnit } from '../../app/use-open-unit';
import { formatNumber } from '../../lib/format';

type ChildRow = FiguresAnswer['children'][number];

export function ChildFiguresTable({ rows, loading }: { rows: ChildRow[]; loading: boolean }) {
  const { t } = useTranslation();
  const openUnit = useOpenUnit();
  const columns: ColumnsType<ChildRow> = [
    {
      title: t('home.childUnit'),
      key: 'name',
      sorter: (a, b) => compareVietnamese(a.unit.name, b.unit.name),
      defaultSortOrder: 'ascend',
      render: (_value, row) => (
        // Opening a child makes it the acting unit: the same page, one level down.
        <Button type="link" className="link-cell" onClick={() => void openUnit(row.unit.id)} title={t('home.openChild', { name: row.unit.name })}>
          {row.unit.name}
        </Button>
      ),
    },
    {
      title: t('home.figures.members'),
      key: 'members',
      align: 'right',
      sorter: (a, b) => a.figures.members - b.figures.members,
      render: (_value, row) => formatNumber(row.figures.members),
    },
    {
      title: t('home.figures.partyMembers'),
      key: 'partyMembers',
      align: 'right',
      sorter: (a, b) => a.figures.partyMembers - b.figures.partyMembers,
      render: (_value, row) => formatNumber(row.figures.partyMembers),
    },
    {
      title: t('home.figures.units'),
      key: 'units',
      align: 'right',
      sorter: (a, b) => a.figures.units - b.figures.units,
      render: (_value, row) => formatNumber(row.figures.units),
    },
  ];
  return (
    <Table<ChildRow>
      size="middle"
      rowKey={(row) => row.unit.id}
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 560 }}
      data-testid="child-figures"
      showSorterTooltip={false}
    />
  );
}
