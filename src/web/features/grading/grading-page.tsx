import { Tabs } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ActingUnit, useActingUnit } from '../../app/acting-unit';
import { useCan, useCurrentSession } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { YearSelect } from '../study/year-select';
import { MyGradingTab } from './my-grading-tab';
import { GradingListTab } from './grading-list-tab';
import { GradingFiguresTab } from './grading-figures-tab';
import { GradingRulesTab } from './grading-rules-tab';
import './grading.css';

/**
 * "Đánh giá, xếp loại" (Quy định 366-QĐ/TW): a member's own self-review, the grading of the
 * subtree's members and party organisations, the figures and the rule of the year.
 */
export function GradingPage() {
  const { actingUnit } = useActingUnit();
  return <GradingWorkspace key={actingUnit?.id ?? 0} actingUnit={actingUnit} />;
}

function GradingWorkspace({ actingUnit }: { actingUnit: ActingUnit | null }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const canRead = useCan('grading.read');
  const [year, setYear] = useState(dayjs().year());
  const linked = session.user.personId !== null;
  const tab = (key: string, testId: string, label: string, children: ReactNode) => ({
    key,
    label: <span data-testid={testId}>{label}</span>,
    children,
  });
  const unitTabs =
    canRead && actingUnit
      ? [
          tab(
            'members',
            'grading-members-tab',
            t('grading.tabs.members'),
            <GradingListTab actingUnit={actingUnit} year={year} subject="member" />,
          ),
          tab(
            'collectives',
            'grading-collectives-tab',
            t('grading.tabs.collectives'),
            <GradingListTab actingUnit={actingUnit} year={year} subject="collective" />,
          ),
          tab('figures', 'grading-figures-tab', t('grading.tabs.figures'), <GradingFiguresTab actingUnit={actingUnit} year={year} />),
        ]
      : [];
  const items = [
    ...(linked ? [tab('mine', 'grading-mine-tab', t('grading.tabs.mine'), <MyGradingTab year={year} />)] : []),
    ...unitTabs,
    tab('rules', 'grading-rules-tab', t('grading.tabs.rules'), <GradingRulesTab year={year} />),
  ];
  return (
    <>
      <PageHeader
        title={t('grading.title')}
        subtitle={canRead && actingUnit ? t('grading.subtitle', { unit: actingUnit.name, year }) : t('grading.subtitleMine', { year })}
        extra={<YearSelect value={year} onChange={(value) => setYear(value ?? dayjs().year())} testId="grading-year" />}
      />
      <Tabs items={items} defaultActiveKey={linked ? 'mine' : 'members'} destroyOnHidden data-testid="grading-tabs" />
    </>
  );
}
