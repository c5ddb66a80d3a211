import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ActingUnit, useRequiredActingUnit } from '../../app/acting-unit';
import { useCan } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { NominationsTab } from './nominations-tab';
import { DecisionsTab } from './decisions-tab';
import { FiguresTab } from './figures-tab';
import { TypicalExamplesTab } from './typical-examples-tab';
import { AdoptableModelsTab } from './adoptable-models-tab';

/** "Gương điển hình và khen thưởng": nominations, what waits for vetting, decisions, figures. */
export function CommendationsPage() {
  const actingUnit = useRequiredActingUnit();
  return <CommendationsWorkspace key={actingUnit.id} actingUnit={actingUnit} />;
}

function CommendationsWorkspace({ actingUnit }: { actingUnit: ActingUnit }) {
  const { t } = useTranslation();
  const canNominate = useCan('commendations.nominate');
  const canVet = useCan('commendations.vet');
  const canDecide = useCan('commendations.decide');
  const items = [
    {
      key: 'nominated',
      label: t('commendations.tabs.nominated'),
      children: <NominationsTab actingUnit={actingUnit} view="nominated" canNominate={canNominate} />,
    },
    ...(canVet || canDecide
      ? [
          {
            key: 'to_vet',
            label: t('commendations.tabs.toVet'),
            children: <NominationsTab actingUnit={actingUnit} view="to_vet" canNominate={false} />,
          },
        ]
      : []),
    {
      key: 'decisions',
      label: t('commendations.tabs.decisions'),
      children: <DecisionsTab actingUnit={actingUnit} canDecide={canDecide} />,
    },
    { key: 'typical', label: t('commendations.tabs.typical'), children: <TypicalExamplesTab actingUnit={actingUnit} /> },
    {
      key: 'spread',
      label: t('commendations.tabs.spread'),
      children: <AdoptableModelsTab actingUnit={actingUnit} canRecord={canNominate} />,
    },
    { key: 'figures', label: t('commendations.tabs.figures'), children: <FiguresTab actingUnit={actingUnit} /> },
  ];
  return (
    <>
      <PageHeader title={t('commendations.title')} subtitle={t('commendations.subtitle', { unit: actingUnit.name })} />
      <Tabs items={items} destroyOnHidden data-testid="commendations-tabs" />
    </>
  );
}
