import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ActingUnit, useRequiredActingUnit } from '../../app/acting-unit';
import { useCan } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { FeedbackInbox } from './feedback-inbox';
import { PublicationTab } from './publication-tab';
import { SupervisorTab } from './supervisor-tab';
import './supervision.css';

/**
 * "Giám sát, phản ánh": the feedback inbox (units that answer), the publication of registrations
 * (units that appraise), and the supervisors' read-only view; each tab only for those who may use it.
 */
export function SupervisionPage() {
  const actingUnit = useRequiredActingUnit();
  return <SupervisionWorkspace key={actingUnit.id} actingUnit={actingUnit} />;
}

function SupervisionWorkspace({ actingUnit }: { actingUnit: ActingUnit }) {
  const { t } = useTranslation();
  const canManage = useCan('feedback.manage');
  const canReadRegistrations = useCan('registrations.read');
  const items = [
    ...(canManage ? [{ key: 'inbox', label: t('supervision.tabs.inbox'), children: <FeedbackInbox actingUnit={actingUnit} /> }] : []),
    ...(canReadRegistrations
      ? [{ key: 'publication', label: t('supervision.tabs.publication'), children: <PublicationTab actingUnit={actingUnit} /> }]
      : []),
    { key: 'supervision', label: t('supervision.tabs.supervision'), children: <SupervisorTab actingUnit={actingUnit} /> },
  ];
  return (
    <>
      <PageHeader title={t('supervision.title')} subtitle={t('supervision.subtitle', { unit: actingUnit.name })} />
      <Tabs items={items} destroyOnHidden data-testid="supervision-tabs" />
    </>
  );
}
