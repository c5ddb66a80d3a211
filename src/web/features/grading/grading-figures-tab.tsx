import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Empty, Row, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActingUnit } from '../../app/acting-unit';
import { DownloadButton } from '../../components/download-button';
import { FigureCard } from '../../components/figure-card';
import { QueryError } from '../../components/query-error';
import { formatDate, formatNumber } from '../../lib/format';
import { GRADES } from '../../../shared/contracts/grading';
import { formatPercent } from '../dashboard/programme-figures.api';
import { type Grade, gradingDownloads, type GradingFigureValues, useGradingFigures } from './grading.api';
import { type GradingChildRow, useGradingChildColumns, useGradingFigureHeader } from './grading-figure-columns';
import { GradeTag } from './grading-labels';

type GradeRow = { grade: Grade; count: number; share: number | null };

/** The year's decided grades of the subtree and of each child unit, from the live counters, each figure with its definition. */
export function GradingFiguresTab({ actingUnit, year }: { actingUnit: ActingUnit; year: number }) {
  const { t } = useTranslation();
  const query = useGradingFigures(actingUnit.id, year);
  const data = query.data;
  const figures = data?.figures;
  const header = useGradingFigureHeader(data?.definitions);
  const childColumns = useGradingChildColumns(data?.definitions, { collectives: true });
  const download = gradingDownloads.figures(actingUnit.id, year);
  const cap = data?.rule.excellentMaxShareOfGood;

  const gradeTable = (key: 'members' | 'collectives', testId: string) => {
    const rows: GradeRow[] = GRADES.map((grade) => {
      // The members' shares are the server's; the collectives' are read the same way, of those decided.
      const share = !figures
        ? null
        : key === 'members'
          ? figures.memberShares[grade]
          : figures.collectivesDecided > 0
            ? figures.collectives[grade] / figures.collectivesDecided
            : null;
      return { grade, count: figures?.[key][grade] ?? 0, share };
    });
    return (
      <Table<GradeRow>
        size="small"
        rowKey="grade"
        pagination={false}
        loading={query.isFetching}
        dataSource={rows}
        data-testid={testId}
        columns={[
          { title: t('grading.figures.grade'), key: 'grade', render: (_v, row) => <GradeTag grade={row.grade} full /> },
          {
            title: header(t('grading.figures.count'), key),
            key: 'count',
            align: 'right',
            width: 110,
            render: (_v, row) => formatNumber(row.count),
          },
          {
            title: header(t('grading.figures.share'), key === 'members' ? 'memberShares' : key),
            key: 'share',
            align: 'right',
            width: 110,
            render: (_v, row) => formatPercent(row.share),
          },
        ]}
      />
    );
  };

  const cards: Array<{ key: keyof GradingFigureValues; title: string; value: number | undefined }> = [
    { key: 'partyMembers', title: t('grading.figures.partyMembers'), value: figures?.partyMembers },
    { key: 'membersDecided', title: t('grading.figures.membersDecided'), value: figures?.membersDecided },
    { key: 'collectivesDecided', title: t('grading.figures.collectivesDecided'), value: figures?.collectivesDecided },
  ];

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="grading-figures">
      <Space wrap>
        <DownloadButton
          path={download.path}
          params={download.params}
          fileName={t('grading.files.figures', { unit: actingUnit.name, year })}
          icon={<FileExcelOutlined />}
          data-testid="grading-figures-export"
        >
          {t('common.exportExcel')}
        </DownloadButton>
        {data ? (
          <Typography.Text type="secondary">
            {t('grading.figures.asOf', { date: formatDate(data.asOf), rule: data.rule.name })}
          </Typography.Text>
        ) : null}
      </Space>
      {query.isError ? <QueryError compact error={query.error} onRetry={() => void query.refetch()} /> : null}
      {figures?.capExceeded ? (
        <Alert
          type="warning"
          showIcon
          title={t('grading.figures.capExceeded')}
          description={
            cap !== null && cap !== undefined ? t('grading.figures.capRule', { share: formatPercent(cap) }) : data?.definitions.capExceeded
          }
          data-testid="grading-cap-exceeded"
        />
      ) : null}
      <Row gutter={[16, 16]}>
        {cards.map((card) => (
          <Col key={card.key} xs={24} sm={8}>
            <FigureCard
              title={card.title}
              value={card.value}
              definition={data?.definitions[card.key]}
              loading={query.isPending}
              data-testid={`grading-figure-${card.key}`}
            />
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('grading.figures.membersByGrade')}>{gradeTable('members', 'grading-figures-members')}</Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('grading.figures.collectivesByGrade')}>{gradeTable('collectives', 'grading-figures-collectives')}</Card>
        </Col>
      </Row>
      <Card title={t('grading.figures.byChild')}>
        <Table<GradingChildRow>
          size="middle"
          rowKey={(row) => row.unit.id}
          columns={childColumns}
          dataSource={data?.children ?? []}
          loading={query.isFetching}
          pagination={(data?.children.length ?? 0) > 30 ? { pageSize: 30, showSizeChanger: false } : false}
          scroll={{ x: 1200 }}
          showSorterTooltip={false}
          data-testid="grading-figures-children"
          locale={{ emptyText: query.isPending ? ' ' : <Empty description={t('grading.figures.noChildren')} /> }}
        />
      </Card>
    </Space>
  );
}
