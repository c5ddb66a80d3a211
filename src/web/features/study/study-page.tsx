import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ActingUnit, useRequiredActingUnit } from '../../app/acting-unit';
import { useCan } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { SessionsTab } from './sessions-tab';
import { StudyStatusTab } from './study-status-tab';

/** "Học tập, sinh hoạt": the sessions and meetings of the acting unit's subtree, and who has not studied yet. */
export function StudyPage() {
  const actingUnit = useRequiredActingUnit();
  return <StudyWorkspace key={actingUnit.id} actingUnit={actingUnit} />;
}

function StudyWorkspace({ actingUnit }: { actingUnit: ActingUnit }) {
  const { t } = useTranslation();
  const canSeePeople = useCan('people.read');
  const items = [
    { key: 'sessions', label: t('study.tabs.sessions'), children: <SessionsTab actingUnit={actingUnit} /> },
    ...(canSeePeople ? [{ key: 'status', label: t('study.tabs.status'), children: <StudyStatusTab actingUnit={actingUnit} /> }] : []),
  ];
  return (
    <>
      <PageHeader title={t('study.title')} subtitle={t('study.subtitle', { unit: actingUnit.name })} />
      <Tabs items={items} destroyOnHidden data-testid="study-tabs" />
    </>
  );
}
