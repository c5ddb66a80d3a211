import { FileExcelOutlined } from '@ant-design/icons';
import { Card, Col, Row, Select, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActingUnit } from '../../app/acting-unit';
import { DownloadButton } from '../../components/download-button';
import { FigureCard } from '../../components/figure-card';
import { QueryError } from '../../components/query-error';
import { compareVietnamese } from '../../../shared/text';
import { formatNumber } from '../../lib/format';
import { type CommendationFigures, type CommendationFigureValues, useCommendationFigures, useCommendationForms } from './commendations.api';

/** The year's figures of the subtree and of each child unit, from the live counters, each with its definition. */
export function FiguresTab({ actingUnit }: { actingUnit: ActingUnit }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(dayjs().year());
  const query = useCommendationFigures(actingUnit.id, year);
  const forms = useCommendationForms();
  const figures = query.data?.figures;
  const definitions: Partial<CommendationFigures['definitions']> = query.data?.definitions ?? {};
  const years = Array.from({ length: 6 }, (_, index) => dayjs().year() - index);
  const cards: Array<{ key: keyof CommendationFigureValues; title: string }> = [
    { key: 'nominated', title: t('commendations.figures.nominated') },
    { key: 'commended', title: t('commendations.figures.commended') },
    { key: 'collectives', title: t('commendations.figures.collectives') },
    { key: 'individuals', title: t('commendations.figures.individuals') },
    { key: 'models', title: t('commendations.figures.models') },
  ];

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap>
        <Select<number>
          value={year}
          onChange={setYear}
          style={{ width: 160 }}
          options={years.map((value) => ({ value, label: t('commendations.figures.year', { year: value }) }))}
          data-testid="commendation-year"
        />
        <DownloadButton
          path="/api/exports/commendation-figures"
          params={{ unitId: actingUnit.id, year }}
          fileName={t('commendations.figures.exportFile', { year })}
          icon={<FileExcelOutlined />}
          data-testid="commendation-figures-export"
        >
          {t('common.exportExcel')}
        </DownloadButton>
      </Space>
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <Row gutter={[16, 16]}>
        {cards.map((card) => (
          <Col key={card.key} xs={24} sm={12} lg={8} xl={4}>
            <FigureCard
              title={card.title}
              value={figures?.[card.key] as number | undefined}
              definition={definitions[card.key]}
              loading={query.isLoading}
              data-testid={`commendation-figure-${card.key}`}
            />
          </Col>
        ))}
        <Col xs={24} sm={12} lg={8} xl={4}>
          <Card className="figure-card">
            <div className="figure-card-head">
              <span className="figure-card-title">{t('commendations.figures.perThousand')}</span>
            </div>
            <span className="figure-value">{formatNumber(figures?.perThousandMembers)}</span>
            <p className="figure-definition">{definitions.perThousandMembers}</p>
          </Card>
        </Col>
      </Row>
      <Card title={t('commendations.figures.children')}>
        <Table
          rowKey={(row) => row.unit.id}
          size="middle"
          loading={query.isFetching}
          pagination={false}
          scroll={{ x: 900 }}
          dataSource={query.data?.children ?? []}
          columns={[
            {
              title: t('commendations.figures.unit'),
              render: (_, row) => row.unit.name,
              sorter: (a, b) => compareVietnamese(a.unit.name, b.unit.name),
            },
            {
              title: t('commendations.figures.nominated'),
              align: 'right',
              render: (_, row) => formatNumber(row.figures.nominated),
              sorter: (a, b) => a.figures.nominated - b.figures.nominated,
            },
            {
              title: t('commendations.figures.collectives'),
              align: 'right',
              render: (_, row) => formatNumber(row.figures.collectives),
              sorter: (a, b) => a.figures.collectives - b.figures.collectives,
            },
            {
              title: t('commendations.figures.individuals'),
              align: 'right',
              render: (_, row) => formatNumber(row.figures.individuals),
              sorter: (a, b) => a.figures.individuals - b.figures.individuals,
            },
            {
              title: t('commendations.figures.models'),
              align: 'right',
              render: (_, row) => formatNumber(row.figures.models),
              sorter: (a, b) => a.figures.models - b.figures.models,
            },
            ...(forms.data ?? []).map((form) => ({
              title: form.name,
              align: 'right' as const,
              render: (_: unknown, row: { figures: CommendationFigureValues }) => formatNumber(row.figures.byForm[form.code] ?? 0),
            })),
            {
              title: t('commendations.figures.perThousand'),
              align: 'right',
              render: (_, row) => formatNumber(row.figures.perThousandMembers),
              sorter: (a, b) => (a.figures.perThousandMembers ?? -1) - (b.figures.perThousandMembers ?? -1),
            },
          ]}
          data-testid="commendation-children"
        />
      </Card>
    </Space>
  );
}
