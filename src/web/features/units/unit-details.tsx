import { useQueries } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Card, Descriptions, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UnitDetail } from '../../../shared/contracts/units';
import { useCan } from '../../app/session';
import { QueryError } from '../../components/query-error';
import { formatDate } from '../../lib/format';
import { UnitActions } from './unit-actions';
import { UnitHistory } from './unit-history';
import { UnitStatusTag } from './unit-status';
import { unitDetailQuery, useUnit } from './units.api';

interface UnitDetailsProps {
  unitId: number;
  asOf?: string;
  onSelect: (unitId: number) => void;
  onReveal: (unitId: number) => void;
}

function Successors({ unit, onSelect }: { unit: UnitDetail; onSelect: (unitId: number) => void }) {
  const successors = useQueries({ queries: unit.successorIds.map((id) => unitDetailQuery(id)) });
  return (
    <Space wrap size={[4, 4]}>
      {unit.successorIds.map((id, index) => (
        <Button key={id} type="link" className="link-cell" onClick={() => onSelect(id)}>
          {successors[index]?.data?.name ?? `#${id}`}
        </Button>
      ))}
    </Space>
  );
}

export function UnitDetails({ unitId, asOf, onSelect, onReveal }: UnitDetailsProps) {
  const { t } = useTranslation();
  const canWrite = useCan('units.write');
  const detail = useUnit(unitId, asOf);
  const unit = detail.data;

  if (detail.isError) {
    return (
      <Card data-testid="unit-details">
        <QueryError error={detail.error} onRetry={() => void detail.refetch()} compact />
      </Card>
    );
  }
  if (!unit) {
    return (
      <Card data-testid="unit-details">
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }

  const ended = unit.validTo !== null;
  const breadcrumbItems = [
    ...unit.breadcrumbs.map((crumb) => ({
      key: crumb.id,
      title: (
        <Button type="link" size="small" className="crumb-link" onClick={() => onSelect(crumb.id)}>
          {crumb.name}
        </Button>
      ),
    })),
    { key: unit.id, title: <span aria-current="page">{unit.name}</span> },
  ];

  return (
    <Card data-testid="unit-details" className="unit-details">
      <nav aria-label={t('units.breadcrumbLabel')}>
        <Breadcrumb items={breadcrumbItems} className="unit-breadcrumb" />
      </nav>
      <Typography.Title level={2} className="unit-title">
        {unit.name} <UnitStatusTag unit={unit} />
      </Typography.Title>

      {asOf ? <Alert type="info" showIcon title={t('units.viewingPast', { date: formatDate(asOf) })} className="block-gap-bottom" /> : null}
      {asOf && asOf < unit.validFrom ? (
        <Alert
          type="warning"
          showIcon
          title={t('units.notYetOn', { date: formatDate(asOf), from: formatDate(unit.validFrom) })}
          className="block-gap-bottom"
        />
      ) : null}
      {asOf && unit.validTo && asOf >= unit.validTo ? (
        <Alert
          type="warning"
          showIcon
          title={t('units.goneOn', { date: formatDate(asOf), to: formatDate(unit.validTo) })}
          className="block-gap-bottom"
        />
      ) : null}
      {ended && !asOf ? (
        <Alert type="warning" showIcon title={t('units.endedNotice', { date: formatDate(unit.validTo) })} className="block-gap-bottom" />
      ) : null}

      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 1, lg: 1, xl: 1, xxl: 2 }}
        items={[
          { key: 'code', label: t('units.fields.code'), children: unit.code },
          { key: 'name', label: t('units.fields.name'), children: unit.name },
          { key: 'kind', label: t('units.fields.kind'), children: t(`enums.unitKind.${unit.kind}`) },
          {
            key: 'parent',
            label: t('units.fields.parent'),
            children:
              unit.parentId !== null ? (
                <Button type="link" className="link-cell" onClick={() => unit.parentId !== null && onSelect(unit.parentId)}>
                  {unit.parentName ?? `#${unit.parentId}`}
                </Button>
              ) : (
                '—'
              ),
          },
          { key: 'validFrom', label: t('units.fields.validFrom'), children: formatDate(unit.validFrom) },
          {
            key: 'validTo',
            label: t('units.fields.validTo'),
            children: unit.validTo ? formatDate(unit.validTo) : t('units.history.current'),
          },
          { key: 'status', label: t('units.fields.status'), children: <UnitStatusTag unit={unit} /> },
          ...(unit.successorIds.length
            ? [{ key: 'successors', label: t('units.fields.successors'), children: <Successors unit={unit} onSelect={onSelect} /> }]
            : []),
        ]}
      />

      {canWrite && !asOf && !ended ? (
        <div className="block-gap">
          <UnitActions unit={unit} onReveal={onReveal} />
        </div>
      ) : null}

      <Typography.Title level={3} className="section-title">
        {t('units.history.title')}
      </Typography.Title>
      <UnitHistory unitId={unit.id} />
    </Card>
  );
}
