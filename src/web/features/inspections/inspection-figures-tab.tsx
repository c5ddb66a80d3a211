import { Alert, Card, Col, Empty, Row, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { DefinedFigureHeader, useChildUnitColumn } from '../../components/figure-columns';
import { FigureCard } from '../../components/figure-card';
import { QueryError } from '../../components/query-error';
import { formatNumber } from '../../lib/format';
import { useIsPhone } from '../../lib/use-is-phone';
import { formatPercent } from '../dashboard/programme-figures.api';
import { type InspectionFigures, type InspectionFiguresAnswer, useInspectionFigures } from './lagging.api';

type ChildRow = InspectionFiguresAnswer['children'][number];
type FigureKey = keyof InspectionFigures;

/** The cards, three to a row on a wide screen: the plan, what was found, what became of the remedies. */
const CARD_ROWS: FigureKey[][] = [
  ['planned', 'done', 'laggingUnits'],
  ['findings', 'shortcomings', 'remedies'],
  ['remediesClosed', 'remediesClosedOnTime', 'remediesOverdue'],
];

const TABLE_KEYS: FigureKey[] = [
  'planned',
  'done',
  'findings',
  'shortcomings',
  'remedies',
  'remediesClosed',
  'remediesClosedOnTime',
  'remediesOverdue',
  'laggingUnits',
];

const closedShare = (figures: InspectionFigures) => (figures.remedies > 0 ? figures.remediesClosed / figures.remedies : null);

/** A figure of a row: overdue remedies in red, the remedies closed with their share of those owed. */
function FigureValue({ figures, figure }: { figures: InspectionFigures; figure: FigureKey }) {
  const value = figures[figure];
  if (figure === 'remediesOverdue' && value > 0) {
    return (
      <Typography.Text type="danger" strong>
        {formatNumber(value)}
      </Typography.Text>
    );
  }
  if (figure === 'remediesClosed' && figures.remedies > 0) {
    return (
      <span>
        {formatNumber(value)} <Typography.Text type="secondary">({formatPercent(closedShare(figures))})</Typography.Text>
      </span>
    );
  }
  return <>{formatNumber(value)}</>;
}

/** A figure's name with its definition one hover away, as every figures table shows it. */
export function useInspectionFigureHeader(definitions: Partial<Record<FigureKey, string>> | undefined) {
  const { t } = useTranslation();
  return (figure: FigureKey) => (
    <DefinedFigureHeader
      label={t(`lagging.figures.${figure}`)}
      definition={definitions?.[figure]}
      definitionLabel={t('lagging.figures.definitionOf', { name: t(`lagging.figures.${figure}`) })}
    />
  );
}

/** The year's inspection figures of a unit's subtree, then of each child unit; every figure with its definition. */
export function InspectionFiguresTab({ unitId, year }: { unitId: number; year: number }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const query = useInspectionFigures(unitId, year);
  const data = query.data;
  const header = useInspectionFigureHeader(data?.definitions);
  // A column fixed on the left would fill a phone's width: there the whole table scrolls.
  const childUnitColumn = useChildUnitColumn<ChildRow>({ fixedLeft: !isPhone });
  const columns: ColumnsType<ChildRow> = [
    childUnitColumn,
    ...TABLE_KEYS.map((figure) => ({
      title: header(figure),
      key: figure,
      align: 'right' as const,
      width: figure === 'remediesClosed' ? 150 : 125,
      sorter: (a: ChildRow, b: ChildRow) => a.figures[figure] - b.figures[figure],
      render: (_v: unknown, row: ChildRow) => <FigureValue figures={row.figures} figure={figure} />,
    })),
  ];
  const overdue = data?.figures.remediesOverdue ?? 0;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="inspection-figures">
      {query.isError ? <QueryError compact error={query.error} onRetry={() => void query.refetch()} /> : null}
      {overdue > 0 ? (
        <Alert
          type="error"
          showIcon
          title={`${t('lagging.figures.remediesOverdue')}: ${formatNumber(overdue)}`}
          description={data?.definitions.remediesOverdue}
          data-testid="inspection-figures-overdue"
        />
      ) : null}
      {CARD_ROWS.map((row) => (
        <Row key={row.join('-')} gutter={[16, 16]}>
          {row.map((figure) => (
            <Col key={figure} xs={24} sm={8}>
              <FigureCard
                title={t(`lagging.figures.${figure}`)}
                value={data?.figures[figure]}
                definition={data?.definitions[figure]}
                loading={query.isPending}
                data-testid={`inspection-figure-${figure}`}
              />
            </Col>
          ))}
        </Row>
      ))}
      <Card
        title={t('lagging.figures.byChild')}
        extra={<Typography.Text type="secondary">{t('lagging.figures.overdueHint')}</Typography.Text>}
      >
        <Table<ChildRow>
          size="middle"
          rowKey={(row) => row.unit.id}
          columns={columns}
          dataSource={data?.children ?? []}
          loading={query.isFetching}
          pagination={(data?.children.length ?? 0) > 30 ? { pageSize: 30, showSizeChanger: false } : false}
          scroll={{ x: 1400 }}
          showSorterTooltip={false}
          data-testid="inspection-figures-children"
          locale={{ emptyText: query.isPending ? ' ' : <Empty description={t('lagging.figures.noChildren')} /> }}
          summary={() =>
            data && data.children.length ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <strong>{data.unit.name}</strong>
                </Table.Summary.Cell>
                {TABLE_KEYS.map((figure, index) => (
                  <Table.Summary.Cell key={figure} index={index + 1} align="right">
                    <strong>
                      <FigureValue figures={data.figures} figure={figure} />
                    </strong>
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>
    </Space>
  );
}
