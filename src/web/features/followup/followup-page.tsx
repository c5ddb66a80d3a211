import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ActingUnit, useActingUnit } from '../../app/acting-unit';
import { useCan } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { MyRegistrationTab } from './my-registration-tab';
import { UnitFollowupTab } from './unit-followup-tab';
import './followup.css';

/** "Theo dõi thực hiện": a member's own registration during the year, and the cell's view of everyone's. */
export function FollowupPage() {
  const { actingUnit } = useActingUnit();
  return <FollowupWorkspace key={actingUnit?.id ?? 0} actingUnit={actingUnit} />;
}

function FollowupWorkspace({ actingUnit }: { actingUnit: ActingUnit | null }) {
  const { t } = useTranslation();
  const canRead = useCan('registrations.read');
  const items = [
    { key: 'mine', label: t('followup.tabs.mine'), children: <MyRegistrationTab /> },
    ...(canRead && actingUnit
      ? [{ key: 'unit', label: t('followup.tabs.unit'), children: <UnitFollowupTab actingUnit={actingUnit} /> }]
      : []),
  ];
  return (
    <>
      <PageHeader title={t('followup.title')} subtitle={t('followup.subtitle')} />
      <Tabs items={items} defaultActiveKey={canRead && actingUnit ? 'unit' : 'mine'} destroyOnHidden data-testid="followup-tabs" />
    </>
  );
}
