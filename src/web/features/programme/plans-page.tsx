import './programme.css';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ActingUnit, useRequiredActingUnit } from '../../app/acting-unit';
import { useCan, useCurrentSession } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { formatDate, formatNumber } from '../../lib/format';
import { LegalBasesModal } from './legal-bases-modal';
import { UnitLevel } from './level-tag';
import { PlanDrawer } from './plan-drawer';
import { PlanFormModal } from './plan-form-modal';
import { type Plan, usePlans } from './programme.api';
import { ProgrammeList } from './programme-list';
import { useListState } from './use-list-state';

const PLAN_SORT_KEYS = ['issuedOn', 'year', 'unit'] as const;
type PlanSort = (typeof PLAN_SORT_KEYS)[number];

export function PlansPage() {
  const actingUnit = useRequiredActingUnit();
  return <PlansWorkspace key={actingUnit.id} actingUnit={actingUnit} />;
}

export function yearsLabel(fromYear: number, toYear: number): string {
  return fromYear === toYear ? String(fromYear) : `${fromYear}–${toYear}`;
}

function PlansWorkspace({ actingUnit }: { actingUnit: ActingUnit }) {
  const { t } = useTranslation();
  const canWrite = useCan('programme.write');
  // The list of legal bases is shared by the whole tree: the server lets only a top-level administrator change it.
  const canKeepBases = useCurrentSession().grants.some((grant) => grant.role === 'admin' && !grant.unitPath.includes('.'));
  const list = useListState<PlanSort>(PLAN_SORT_KEYS, 'issuedOn', 'desc');
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [keepingBases, setKeepingBases] = useState(false);
  const plans = usePlans({
    unitId: actingUnit.id,
    q: list.q || undefined,
    year: list.year,
    level: list.level,
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sorting.sort,
    order: list.sorting.order,
  });

  const columns: ColumnsType<Plan> = [
    {
      title: t('programme.plans.fields.numberSymbol'),
      key: 'numberSymbol',
      width: 150,
      render: (_value, plan) => (
        <Button type="link" className="link-cell" onClick={() => setOpenId(plan.id)} data-testid="plan-open">
          {plan.numberSymbol}
        </Button>
      ),
    },
    { title: t('programme.plans.fields.title'), dataIndex: 'title', render: (title: string) => <span className="wrap-cell">{title}</span> },
    {
      title: t('programme.plans.fields.issuedOn'),
      key: 'issuedOn',
      width: 130,
      sorter: true,
      sortOrder: list.orderFor('issuedOn'),
      render: (_value, plan) => formatDate(plan.issuedOn),
    },
    {
      title: t('programme.fields.years'),
      key: 'year',
      width: 120,
      sorter: true,
      sortOrder: list.orderFor('year'),
      render: (_value, plan) => (
        <span>
          {yearsLabel(plan.fromYear, plan.toYear)} {plan.fromYear !== plan.toYear ? <Tag>{t('programme.fields.term')}</Tag> : null}
        </span>
      ),
    },
    {
      title: t('programme.fields.level'),
      key: 'unit',
      width: 300,
      sorter: true,
      sortOrder: list.orderFor('unit'),
      render: (_value, plan) => <UnitLevel actingUnit={actingUnit} unit={plan.unit} />,
    },
    {
      title: t('programme.plans.fields.taskGroups'),
      key: 'groups',
      width: 120,
      render: (_value, plan) => formatNumber(plan.taskGroups.length),
    },
  ];

  const phoneColumns: ColumnsType<Plan> = [
    {
      title: t('programme.plans.fields.title'),
      key: 'issuedOn',
      sorter: true,
      sortOrder: list.orderFor('issuedOn'),
      render: (_value, plan) => (
        <div className="compact-row">
          <span className="compact-row-title">
            {plan.numberSymbol} · {plan.title}
          </span>
          <span className="compact-row-line">
            {formatDate(plan.issuedOn)} · {yearsLabel(plan.fromYear, plan.toYear)}
          </span>
          <span className="compact-row-line">
            <UnitLevel actingUnit={actingUnit} unit={plan.unit} />
          </span>
        </div>
      ),
    },
  ];

  const toolbar = (
    <Space wrap>
      {canWrite ? (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="plan-add">
          {t('programme.plans.add')}
        </Button>
      ) : null}
      {canKeepBases ? (
        <Button onClick={() => setKeepingBases(true)} data-testid="legal-bases-open">
          {t('programme.legalBases.manage')}
        </Button>
      ) : null}
    </Space>
  );

  return (
    <>
      <PageHeader title={t('programme.plans.title')} subtitle={t('programme.plans.subtitle', { unit: actingUnit.name })} extra={toolbar} />
      <ProgrammeList<Plan, PlanSort>
        kind="plans"
        list={list}
        query={plans}
        columns={columns}
        phoneColumns={phoneColumns}
        width={1000}
        unitName={actingUnit.name}
        onOpen={(row) => setOpenId(row.id)}
      />
      <PlanDrawer planId={openId} onClose={() => setOpenId(null)} />
      {creating ? (
        <PlanFormModal
          unitId={actingUnit.id}
          unitName={actingUnit.name}
          onClose={() => setCreating(false)}
          onDone={(plan) => {
            setCreating(false);
            setOpenId(plan.id);
          }}
        />
      ) : null}
      {keepingBases ? <LegalBasesModal onClose={() => setKeepingBases(false)} /> : null}
    </>
  );
}
