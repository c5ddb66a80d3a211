import { FileExcelOutlined } from '@ant-design/icons';
import { Card, Empty, Space, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { ActingUnit } from '../../app/acting-unit';
import { DownloadButton } from '../../components/download-button';
import { QueryError } from '../../components/query-error';
import { DefinedFigureHeader, useChildUnitColumn } from '../../components/figure-columns';
import { formatNumber } from '../../lib/format';
import { formatPercent } from '../dashboard/programme-figures.api';
import { type RegistrationFigureKey, type RegistrationFiguresAnswer, useRegistrationFigures } from './followup.api';

type ChildRow = RegistrationFiguresAnswer['children'][number];

const COLUMNS: Array<{ key: RegistrationFigureKey; percent?: boolean }> = [
  { key: 'members' },
  { key: 'registered' },
  { key: 'registrationRate', percent: true },
  { key: 'leadersRegistered' },
  { key: 'collectiveRegistered' },
  { key: 'individualActions' },
  { key: 'collectiveActions' },
  { key: 'approvedActions' },
  { key: 'actionsDone' },
  { key: 'approved' },
  { key: 'published' },
  { key: 'returned' },
  { key: 'checkIns' },
  { key: 'selfAssessed' },
  { key: 'reviewed' },
  { key: 'completedWell' },
  { key: 'completed' },
  { key: 'notCompleted' },
];

/** The registration figures of the programme dashboard: the rate on top, then every child unit. */
export function RegistrationFiguresCard({ actingUnit, year }: { actingUnit: ActingUnit; year: number }) {
  const { t } = useTranslation();
  const childUnitColumn = useChildUnitColumn<ChildRow>({ fixedLeft: true });
  const answer = useRegistrationFigures(actingUnit.id, year);
  const data = answer.data;
  const label = (key: RegistrationFigureKey) => t(`followup.figures.${key}`);
  const header = (key: RegistrationFigureKey) => (
    <DefinedFigureHeader
      label={label(key)}
      definition={data?.definitions[key]}
      definitionLabel={t('followup.figures.definitionOf', { name: label(key) })}
    />
  );
  const columns: ColumnsType<ChildRow> = [
    childUnitColumn,
    ...COLUMNS.map((column) => ({
      title: header(column.key),
      key: column.key,
      align: 'right' as const,
      width: column.percent ? 120 : 110,
      sorter: (a: ChildRow, b: ChildRow) => (a.figures[column.key] ?? -1) - (b.figures[column.key] ?? -1),
      render: (_v: unknown, row: ChildRow) =>
        column.percent ? formatPercent(row.figures[column.key]) : formatNumber(row.figures[column.key]),
    })),
  ];
  return (
    <Card
      title={t('followup.figures.title')}
      className="study-gap-top"
      data-testid="registration-figures"
      extra={
        <DownloadButton
          path="/api/exports/registration-figures"
          params={{ unitId: actingUnit.id, year }}
          fileName={t('followup.figures.exportFile', { year })}
          icon={<FileExcelOutlined />}
          data-testid="registration-figures-export"
        >
          {t('common.exportExcel')}
        </DownloadButton>
      }
    >
      {answer.isError ? <QueryError error={answer.error} onRetry={() => void answer.refetch()} /> : null}
      {data ? (
        <Space size="large" wrap className="block-gap-bottom">
          <Statistic
            title={label('registrationRate')}
            value={formatPercent(data.figures.registrationRate)}
            formatter={(raw) => <span data-testid="registration-rate">{String(raw)}</span>}
          />
          <Typography.Text type="secondary">
            {t('study.dashboard.ofTotal', { part: formatNumber(data.figures.registered), whole: formatNumber(data.figures.members) })}
          </Typography.Text>
          <Statistic title={label('leadersRegistered')} value={formatNumber(data.figures.leadersRegistered)} />
          <Statistic
            title={t('followup.figures.actionsRegistered')}
            value={formatNumber(data.figures.individualActions + data.figures.collectiveActions)}
            formatter={(raw) => <span data-testid="registration-actions">{String(raw)}</span>}
          />
          <Statistic title={label('actionsDone')} value={formatNumber(data.figures.actionsDone)} />
          <Statistic title={label('checkIns')} value={formatNumber(data.figures.checkIns)} />
          <Statistic title={label('reviewed')} value={formatNumber(data.figures.reviewed)} />
        </Space>
      ) : null}
      <Table<ChildRow>
        size="middle"
        rowKey={(row) => row.unit.id}
        columns={columns}
        dataSource={data?.children ?? []}
        loading={answer.isFetching}
        pagination={(data?.children.length ?? 0) > 30 ? { pageSize: 30, showSizeChanger: false } : false}
        scroll={{ x: 2250 }}
        showSorterTooltip={false}
        data-testid="registration-figures-children"
        locale={{ emptyText: answer.isPending ? ' ' : <Empty description={t('study.dashboard.noChildren')} /> }}
        summary={() =>
          data ? (
            <Table.Summary fixed>
              <Table.Summary.Row className="study-summary-row">
                <Table.Summary.Cell index={0}>
                  <strong>{t('study.dashboard.total', { unit: data.unit.name })}</strong>
                </Table.Summary.Cell>
                {COLUMNS.map((column, index) => (
                  <Table.Summary.Cell key={column.key} index={index + 1} align="right">
                    <strong>{column.percent ? formatPercent(data.figures[column.key]) : formatNumber(data.figures[column.key])}</strong>
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            </Table.Summary>
          ) : null
        }
      />
    </Card>
  );
}
