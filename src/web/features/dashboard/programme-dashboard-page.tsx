import { FileExcelOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Row, Skeleton, Statistic, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ActingUnit, useRequiredActingUnit } from '../../app/acting-unit';
import { DownloadButton } from '../../components/download-button';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { DefinedFigureHeader, useChildUnitColumn } from '../../components/figure-columns';
import { formatDate, formatNumber } from '../../lib/format';
import { YearSelect } from '../study/year-select';
import { RegistrationFiguresCard } from '../followup/registration-figures-card';
import { CommendationFiguresCard } from '../commendations/commendation-figures-card';
import { GradingFiguresCard } from '../grading/grading-figures-card';
import { InspectionFiguresCard } from '../inspections/inspection-figures-card';
import '../study/study.css';
import {
  formatPercent,
  type ProgrammeFigureKey,
  type ProgrammeFigures,
  type ProgrammeFiguresAnswer,
  useProgrammeFigures,
} from './programme-figures.api';

type ChildRow = ProgrammeFiguresAnswer['children'][number];

/** The rates shown as cards for the unit itself, each with the counts behind it. */
const RATE_CARDS: Array<{ rate: ProgrammeFigureKey; part: ProgrammeFigureKey; whole: ProgrammeFigureKey }> = [
  { rate: 'studyRate', part: 'studied', whole: 'members' },
  { rate: 'campaignMeetingRate', part: 'cellMeetingsWithCampaign', whole: 'cellMeetings' },
  { rate: 'standardsRate', part: 'standardsAdopted', whole: 'standardKeepingUnits' },
  { rate: 'signsRate', part: 'signsPosted', whole: 'standardKeepingUnits' },
  { rate: 'breakthroughRate', part: 'breakthroughsDone', whole: 'breakthroughs' },
  { rate: 'reportingRate', part: 'reportsSubmitted', whole: 'reportsExpected' },
  { rate: 'onTimeRate', part: 'reportsOnTime', whole: 'reportsExpected' },
];

/** The table's columns: counts, then the rate they make. */
const TABLE_COLUMNS: Array<{ key: ProgrammeFigureKey; percent?: boolean }> = [
  { key: 'members' },
  { key: 'studied' },
  { key: 'studyRate', percent: true },
  { key: 'studySessions' },
  { key: 'cellMeetings' },
  { key: 'campaignMeetingRate', percent: true },
  { key: 'standardsRate', percent: true },
  { key: 'signsRate', percent: true },
  { key: 'breakthroughs' },
  { key: 'breakthroughRate', percent: true },
  { key: 'reportsExpected' },
  { key: 'reportingRate', percent: true },
  { key: 'onTimeRate', percent: true },
];

/** Below this share a rate is shown in red. */
const LAGGING_BELOW = 0.9;

export function ProgrammeDashboardPage() {
  const actingUnit = useRequiredActingUnit();
  return <Dashboard key={actingUnit.id} actingUnit={actingUnit} />;
}

function Dashboard({ actingUnit }: { actingUnit: ActingUnit }) {
  const { t } = useTranslation();
  const childUnitColumn = useChildUnitColumn<ChildRow>({ fixedLeft: true });
  const [year, setYear] = useState(dayjs().year());
  const answer = useProgrammeFigures(actingUnit.id, year);
  const data = answer.data;

  const header = (key: ProgrammeFigureKey) => (
    <DefinedFigureHeader
      label={t(`study.dashboard.figures.${key}`)}
      definition={data?.definitions[key]}
      definitionLabel={t('study.dashboard.definitionOf', { name: t(`study.dashboard.figures.${key}`) })}
    />
  );
  const compare = (key: ProgrammeFigureKey) => (a: ChildRow, b: ChildRow) => (a.figures[key] ?? -1) - (b.figures[key] ?? -1);

  const columns: ColumnsType<ChildRow> = [
    childUnitColumn,
    ...TABLE_COLUMNS.map((column) => ({
      title: header(column.key),
      key: column.key,
      align: 'right' as const,
      width: column.percent ? 120 : 110,
      sorter: compare(column.key),
      render: (_v: unknown, row: ChildRow) => {
        const value = row.figures[column.key];
        if (!column.percent) return formatNumber(value);
        // Lagging units stand out, so an officer knows whom to call first.
        return value !== null && value < LAGGING_BELOW ? (
          <Typography.Text type="danger">{formatPercent(value)}</Typography.Text>
        ) : (
          formatPercent(value)
        );
      },
    })),
  ];

  const toolbar = (
    <>
      <YearSelect value={year} onChange={(value) => setYear(value ?? dayjs().year())} testId="dashboard-year" />
      <DownloadButton
        path="/api/exports/programme-figures"
        params={{ unitId: actingUnit.id, year }}
        fileName={t('study.dashboard.exportFile', { year })}
        icon={<FileExcelOutlined />}
        data-testid="dashboard-export"
      >
        {t('common.exportExcel')}
      </DownloadButton>
    </>
  );

  return (
    <>
      <PageHeader
        title={t('study.dashboard.title')}
        subtitle={t('study.dashboard.subtitle', { unit: actingUnit.name, year })}
        extra={toolbar}
      />
      {answer.isError ? <QueryError error={answer.error} onRetry={() => void answer.refetch()} /> : null}
      <Row gutter={[16, 16]} className="block-gap-bottom">
        {RATE_CARDS.map((card) => (
          <Col key={card.rate} flex="1 1 220px">
            <RateCard card={card} figures={data?.figures} definition={data?.definitions[card.rate]} loading={answer.isPending} />
          </Col>
        ))}
      </Row>
      {data ? (
        <Typography.Paragraph type="secondary">{t('study.dashboard.asOf', { date: formatDate(data.asOf) })}</Typography.Paragraph>
      ) : null}
      <Card
        title={t('study.dashboard.byChild')}
        extra={<Typography.Text type="secondary">{t('study.dashboard.laggingHint')}</Typography.Text>}
      >
        <Table<ChildRow>
          size="middle"
          rowKey={(row) => row.unit.id}
          columns={columns}
          dataSource={data?.children ?? []}
          loading={answer.isFetching}
          pagination={(data?.children.length ?? 0) > 30 ? { pageSize: 30, showSizeChanger: false } : false}
          scroll={{ x: 1400 }}
          showSorterTooltip={false}
          data-testid="dashboard-children"
          locale={{ emptyText: answer.isPending ? ' ' : <Empty description={t('study.dashboard.noChildren')} /> }}
          summary={() =>
            data ? (
              <Table.Summary fixed>
                <Table.Summary.Row className="study-summary-row">
                  <Table.Summary.Cell index={0}>
                    <strong>{t('study.dashboard.total', { unit: data.unit.name })}</strong>
                  </Table.Summary.Cell>
                  {TABLE_COLUMNS.map((column, index) => (
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
      <RegistrationFiguresCard actingUnit={actingUnit} year={year} />
      <CommendationFiguresCard actingUnit={actingUnit} year={year} />
      <GradingFiguresCard actingUnit={actingUnit} year={year} />
      <InspectionFiguresCard unitId={actingUnit.id} year={year} />
    </>
  );
}

function RateCard({
  card,
  figures,
  definition,
  loading,
}: {
  card: (typeof RATE_CARDS)[number];
  figures: ProgrammeFigures | undefined;
  definition: string | undefined;
  loading: boolean;
}) {
  const { t } = useTranslation();
  const title = t(`study.dashboard.figures.${card.rate}`);
  return (
    <Card className="figure-card" data-testid={`rate-${card.rate}`}>
      <div className="figure-card-head">
        <span className="figure-card-title">{title}</span>
        {definition ? (
          <Tooltip title={definition}>
            <button type="button" className="definition-button" aria-label={t('study.dashboard.definitionOf', { name: title })}>
              <QuestionCircleOutlined />
            </button>
          </Tooltip>
        ) : null}
      </div>
      {loading || !figures ? (
        <Skeleton.Input active size="large" />
      ) : (
        <>
          <Statistic
            value={formatPercent(figures[card.rate])}
            formatter={(raw) => (
              <span className="figure-value" data-testid={`rate-value-${card.rate}`}>
                {String(raw)}
              </span>
            )}
          />
          <Typography.Text type="secondary">
            {t('study.dashboard.ofTotal', { part: formatNumber(figures[card.part]), whole: formatNumber(figures[card.whole]) })}
          </Typography.Text>
        </>
      )}
    </Card>
  );
}
