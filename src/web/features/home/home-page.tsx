import { ApartmentOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Row, Skeleton, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRequiredActingUnit } from '../../app/acting-unit';
import { FigureCard } from '../../components/figure-card';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { DATE_FORMAT, formatDate, toApiDate } from '../../lib/format';
import { ChildFiguresTable } from './child-figures-table';
import { useFigures } from './figures.api';
import { UnitsByKindTable } from './units-by-kind-table';
import { WhenVisible } from '../../components/when-visible';
import type { FigureName } from '../../../shared/contracts/figures';

import { DeferredControl } from '../../components/deferred-control';

const MembersChart = lazy(() => import('./members-chart'));
const loadDatePicker = () => import('../../components/date-picker-control');
const DatePicker = lazy(loadDatePicker);

export function HomePage() {
  const { t } = useTranslation();
  const actingUnit = useRequiredActingUnit();
  const [asOf, setAsOf] = useState<Dayjs>(() => dayjs());
  const asOfApi = toApiDate(asOf) ?? '';
  const figures = useFigures(actingUnit.id, asOfApi);
  const data = figures.data;
  const definitions: Partial<Record<FigureName, string>> = data?.definitions ?? {};

  const chartRows = useMemo(
    () =>
      (data?.children ?? []).map((child) => ({
        name: child.unit.name,
        members: child.figures.members,
        partyMembers: child.figures.partyMembers,
      })),
    [data],
  );

  const datePicker = (
    <label className="inline-field">
      <span>{t('common.asOf')}</span>
      <DeferredControl
        text={formatDate(asOfApi)}
        preload={loadDatePicker}
        aria-label={t('common.asOf')}
        data-testid="home-as-of"
        className="deferred-date"
      >
        <DatePicker
          defaultOpen
          autoFocus
          value={asOf}
          onChange={(value) => setAsOf(value && !Array.isArray(value) ? value : dayjs())}
          format={DATE_FORMAT}
          allowClear={false}
          disabledDate={(date) => date.isAfter(dayjs(), 'day')}
          aria-label={t('common.asOf')}
          data-testid="home-as-of"
        />
      </DeferredControl>
    </label>
  );

  return (
    <>
      <PageHeader
        title={t('home.title')}
        subtitle={t('home.subtitle', { unit: actingUnit.name, date: formatDate(asOfApi) })}
        extra={datePicker}
      />
      {figures.isError && !data ? (
        <QueryError error={figures.error} onRetry={() => void figures.refetch()} />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={8}>
              <FigureCard
                data-testid="figure-party-members"
                title={t('home.figures.partyMembers')}
                value={data?.figures.partyMembers}
                definition={definitions.partyMembers}
                icon={<UserOutlined />}
                loading={!data}
              />
            </Col>
            <Col xs={24} md={8}>
              <FigureCard
                data-testid="figure-members"
                title={t('home.figures.members')}
                value={data?.figures.members}
                definition={definitions.members}
                icon={<TeamOutlined />}
                loading={!data}
              />
            </Col>
            <Col xs={24} md={8}>
              <FigureCard
                data-testid="figure-units"
                title={t('home.figures.units')}
                value={data?.figures.units}
                definition={definitions.units}
                icon={<ApartmentOutlined />}
                loading={!data}
              />
            </Col>
          </Row>

          <Row gutter={[16, 16]} className="block-gap">
            <Col xs={24} lg={8}>
              <Card title={<h2 className="card-title">{t('home.unitsByKind')}</h2>} className="full-height">
                {data ? <UnitsByKindTable counts={data.figures.unitsByKind} definition={definitions.unitsByKind} /> : <Skeleton active />}
              </Card>
            </Col>
            <Col xs={24} lg={16}>
              <Card title={<h2 className="card-title">{t('home.byChild')}</h2>} className="full-height">
                {!data ? (
                  <Skeleton active />
                ) : data.children.length === 0 ? (
                  <Empty description={t('home.noChildren')} />
                ) : (
                  <ChildFiguresTable rows={data.children} loading={figures.isFetching} />
                )}
              </Card>
            </Col>
          </Row>

          {data && data.children.length > 0 ? (
            <Card title={<h2 className="card-title">{t('home.chartTitle')}</h2>} className="block-gap">
              <WhenVisible reservedHeight={240}>
                <Suspense fallback={<Skeleton active />}>
                  <MembersChart rows={chartRows} />
                </Suspense>
              </WhenVisible>
              <Typography.Paragraph type="secondary" className="chart-note">
                {t('home.chartNote')}
              </Typography.Paragraph>
            </Card>
          ) : null}
        </>
      )}
    </>
  );
}
