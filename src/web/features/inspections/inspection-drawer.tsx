import { Drawer, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/query-error';
import { useIsPhone } from '../../lib/use-is-phone';
import { type FindingItem, useInspection } from './inspections.api';
import { type InspectionAction, InspectionActionModal, InspectionActions } from './inspection-actions';
import { ConclusionView, InspectionHistory, InspectionSummary, SelfReportView, TeamView } from './inspection-details';
import { FindingsView } from './findings-view';
import { FindingFormModal } from './finding-form-modal';
import { RemediesTable } from './remedies-table';

/**
 * One inspection: what, when, by whom, the unit's self-report, the findings by content, the
 * conclusion, the remedies owed and the history; the buttons are the steps the server allows now.
 */
export function InspectionDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const query = useInspection(id);
  const [action, setAction] = useState<InspectionAction | null>(null);
  const [finding, setFinding] = useState<FindingItem | 'new' | null>(null);
  const inspection = query.data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={isPhone ? '100%' : 880}
      title={inspection ? inspection.title : t('inspections.drawer.loading')}
      destroyOnHidden
      data-testid="inspection-drawer"
    >
      {query.isError ? <QueryError compact error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isPending && id !== null ? <Skeleton active /> : null}
      {inspection ? (
        <>
          <InspectionActions inspection={inspection} onAction={(next) => (next === 'record' ? setFinding('new') : setAction(next))} />
          <InspectionSummary inspection={inspection} />
          <TeamView inspection={inspection} />
          <SelfReportView inspection={inspection} />
          <ConclusionView inspection={inspection} />
          <FindingsView inspection={inspection} onEdit={setFinding} onAdd={() => setFinding('new')} />
          {inspection.remedyItems.length > 0 ? (
            <section className="block-gap-bottom" data-testid="inspection-remedies">
              <Typography.Title level={5}>{t('inspections.drawer.remedies')}</Typography.Title>
              <RemediesTable items={inspection.remedyItems} hideInspection />
            </section>
          ) : null}
          <InspectionHistory inspection={inspection} />
          {action ? <InspectionActionModal inspection={inspection} action={action} onClose={() => setAction(null)} /> : null}
          {finding ? (
            <FindingFormModal inspection={inspection} finding={finding === 'new' ? null : finding} onClose={() => setFinding(null)} />
          ) : null}
        </>
      ) : null}
    </Drawer>
  );
}
