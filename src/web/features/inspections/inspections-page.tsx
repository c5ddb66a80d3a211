import { Skeleton, Tabs } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type ActingUnit, useActingUnit } from '../../app/acting-unit';
import { useCan } from '../../app/session';
import { useOpenUnit } from '../../app/use-open-unit';
import { PageHeader } from '../../components/page-header';
import { YearSelect } from '../study/year-select';
import { InspectionListTab } from './inspection-list-tab';
import { InspectionDrawer } from './inspection-drawer';
import { RemediesTab } from './remedies-tab';
import { LaggingTab } from './lagging-tab';
import { InspectionFiguresTab } from './inspection-figures-tab';
import './inspections.css';

export const INSPECTION_TABS = ['plan', 'inspected', 'remedies', 'lagging', 'figures'] as const;
export type InspectionTab = (typeof INSPECTION_TABS)[number];

const isTab = (value: string | null): value is InspectionTab => INSPECTION_TABS.includes(value as InspectionTab);
const positiveId = (value: string | null): number | null => {
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : null;
};

/**
 * The unit the page shows is the acting unit of the header, like every other page. A link that
 * names another unit (`?unitId=`, e.g. from the lagging list) makes that unit the acting one on
 * arrival; choosing another unit in the header writes it back into the address, so the address
 * always says what is on the screen and can be passed on.
 */
function useUnitOfAddress(): { unit: ActingUnit | null; switching: boolean } {
  const [params, setParams] = useSearchParams();
  const { actingUnit } = useActingUnit();
  const openUnit = useOpenUnit();
  const wanted = positiveId(params.get('unitId'));
  const actingId = actingUnit?.id ?? null;
  // The unit being made the acting one, while the server is asked for it.
  const opening = useRef<number | null>(null);
  // A unit the link named that the user may not open: the address then follows the acting unit.
  const [refused, setRefused] = useState<number | null>(null);

  // Only a new address asks for a switch; the acting unit changing is the answer to it.
  useEffect(() => {
    if (wanted === null || wanted === actingId || wanted === refused || opening.current === wanted) return;
    opening.current = wanted;
    void openUnit(wanted).then((ok) => {
      opening.current = null;
      if (!ok) setRefused(wanted);
    });
  }, [wanted]);

  useEffect(() => {
    if (actingId === null || opening.current !== null || wanted === actingId) return;
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('unitId', String(actingId));
        return next;
      },
      { replace: true },
    );
  }, [actingId, refused]);

  return { unit: actingUnit, switching: wanted !== null && wanted !== actingId && wanted !== refused };
}

/**
 * "Kiểm tra, giám sát": the level's own plan of inspections and supervisions, the inspections of
 * the unit and the units below it, the remedies owed after them, the units that lag behind and the
 * figures. Tab, unit, year and the inspection opened are kept in the address
 * (`/inspections?tab=remedies&unitId=…&year=…&inspection=…`), so a link opens the right place.
 */
export function InspectionsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { unit, switching } = useUnitOfAddress();
  const canConduct = useCan('inspections.conduct');
  const thisYear = dayjs().year();
  const yearParam = Number(params.get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 && yearParam <= 2100 ? yearParam : thisYear;
  const tabParam = params.get('tab');
  const tab: InspectionTab = isTab(tabParam) ? tabParam : canConduct ? 'plan' : 'inspected';
  const openId = positiveId(params.get('inspection'));

  const change = (values: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(values)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  const openInspection = (id: number | null) => change({ inspection: id === null ? null : String(id) });

  if (!unit || switching) {
    return (
      <>
        <PageHeader title={t('inspections.title')} />
        <Skeleton active />
      </>
    );
  }

  const tabItem = (key: InspectionTab, children: ReactNode) => ({
    key,
    label: <span data-testid={`inspections-tab-${key}`}>{t(`inspections.tabs.${key}`)}</span>,
    children,
  });
  const items = [
    tabItem('plan', <InspectionListTab key={`plan-${unit.id}-${year}`} unit={unit} year={year} view="owned" onOpen={openInspection} />),
    tabItem(
      'inspected',
      <InspectionListTab key={`inspected-${unit.id}-${year}`} unit={unit} year={year} view="inspected" onOpen={openInspection} />,
    ),
    tabItem('remedies', <RemediesTab key={`remedies-${unit.id}-${year}`} unit={unit} year={year} onOpenInspection={openInspection} />),
    tabItem('lagging', <LaggingTab key={`lagging-${unit.id}-${year}`} unitId={unit.id} year={year} />),
    tabItem('figures', <InspectionFiguresTab key={`figures-${unit.id}-${year}`} unitId={unit.id} year={year} />),
  ];

  return (
    <>
      <PageHeader
        title={t('inspections.title')}
        subtitle={t('inspections.subtitle', { unit: unit.name, year })}
        extra={
          <YearSelect
            value={year}
            ahead={1}
            onChange={(value) => change({ year: String(value ?? thisYear), inspection: null })}
            testId="inspections-year"
          />
        }
      />
      <Tabs
        items={items}
        activeKey={tab}
        onChange={(key) => change({ tab: key })}
        destroyOnHidden
        className="inspections-tabs"
        data-testid="inspections-tabs"
      />
      <InspectionDrawer id={openId} onClose={() => openInspection(null)} />
    </>
  );
}
