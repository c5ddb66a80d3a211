import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { UnitKind } from '../../api/types';
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
  const columns: ColumnsType<KindRow> = [
    { title: t('home.kindColumn'), dataIndex: 'kind', render: (kind: UnitKind) => t(`enums.unitKind.${kind}`) },
    { title: t('home.countColumn'), dataIndex: 'count', align: 'right', render: (count: number) => formatNumber(count) },
  ];
  return (
    <>
      <Table<KindRow>
        size="small"
        rowKey="kind"
        columns={columns}
        dataSource={rows}
        pagination={false}
        data-testid="units-by-kind"
        locale={{ emptyText: t('home.noUnitsByKind') }}
        summary={() =>
          rows.length > 1 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <strong>{t('home.total')}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <strong>{formatNumber(total)}</strong>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
      {definition ? (
        <Typography.Paragraph type="secondary" className="figure-definition">
          {definition}
        </Typography.Paragraph>
      ) : null}
    </>
  );
}
