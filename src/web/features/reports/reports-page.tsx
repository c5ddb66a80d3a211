import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ActingUnit, useRequiredActingUnit } from '../../app/acting-unit';
import { useCan } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { RequestsTab } from './requests-tab';
import { InboxTab } from './inbox-tab';
import { RegisterTab } from './register-tab';

/** "Báo cáo định kỳ": requests the acting unit sends down, reports it must send up, and the register of recommendations. */
export function ReportsPage() {
  const actingUnit = useRequiredActingUnit();
  return <ReportsWorkspace key={actingUnit.id} actingUnit={actingUnit} />;
}

function ReportsWorkspace({ actingUnit }: { actingUnit: ActingUnit }) {
  const { t } = useTranslation();
  const canRequest = useCan('reports.request');
  const canAnswer = useCan('reports.answer');
  const items = [
    ...(canRequest ? [{ key: 'requests', label: t('reports.tabs.requests'), children: <RequestsTab actingUnit={actingUnit} /> }] : []),
    ...(canAnswer ? [{ key: 'inbox', label: t('reports.tabs.inbox'), children: <InboxTab actingUnit={actingUnit} /> }] : []),
    { key: 'register', label: t('reports.tabs.register'), children: <RegisterTab actingUnit={actingUnit} canRequest={canRequest} /> },
  ];
  return (
    <>
      <PageHeader title={t('reports.title')} subtitle={t('reports.subtitle', { unit: actingUnit.name })} />
      <Tabs items={items} destroyOnHidden data-testid="reports-tabs" />
    </>
  );
}
