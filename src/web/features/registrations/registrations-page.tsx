import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ActingUnit, useRequiredActingUnit } from '../../app/acting-unit';
import { useCan, useCurrentSession } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { AppraisalTab } from './appraisal-tab';
import { MyRegistration } from './my-registration';
import { WindowsTab } from './windows-tab';
import './registrations.css';

/** "Đăng ký làm theo": one's own registration, the unit's appraisal, and the registration windows. */
export function RegistrationsPage() {
  const actingUnit = useRequiredActingUnit();
  return <RegistrationsWorkspace key={actingUnit.id} actingUnit={actingUnit} />;
}

function RegistrationsWorkspace({ actingUnit }: { actingUnit: ActingUnit }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const canRead = useCan('registrations.read');
  const items = [
    ...(session.user.personId !== null
      ? [{ key: 'mine', label: <span data-testid="tab-mine">{t('registrations.tabs.mine')}</span>, children: <MyRegistration /> }]
      : []),
    ...(canRead
      ? [
          {
            key: 'appraisal',
            label: <span data-testid="tab-appraisal">{t('registrations.tabs.appraisal')}</span>,
            children: <AppraisalTab actingUnit={actingUnit} />,
          },
        ]
      : []),
    {
      key: 'windows',
      label: <span data-testid="tab-windows">{t('registrations.tabs.windows')}</span>,
      children: <WindowsTab actingUnit={actingUnit} />,
    },
  ];
  return (
    <>
      <PageHeader title={t('registrations.title')} subtitle={t('registrations.subtitle', { unit: actingUnit.name })} />
      <Tabs items={items} destroyOnHidden data-testid="registrations-tabs" />
    </>
  );
}
