import { Drawer, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/query-error';
import { useIsPhone } from '../../lib/use-is-phone';
import { useGrading } from './grading.api';
import { type GradingAction, GradingActionModal, GradingActions } from './grading-actions';
import { GradingSummary, ScoresTable, SelfReviewView } from './grading-details';
import { AssessmentView, DecisionView, GradingHistory } from './grading-outcome';

/** One grading: who, where it stands, the self-review, the sheet, the assessment, the decision, the history; and the steps allowed now. */
export function GradingDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const query = useGrading(id);
  const [action, setAction] = useState<GradingAction | null>(null);
  const grading = query.data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={isPhone ? '100%' : 820}
      title={
        grading
          ? t('grading.drawer.title', { name: grading.person?.name ?? grading.unit.name, year: grading.year })
          : t('grading.drawer.loading')
      }
      destroyOnHidden
      data-testid="grading-drawer"
    >
      {query.isError ? <QueryError compact error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isPending && id !== null ? <Skeleton active /> : null}
      {grading ? (
        <>
          <GradingActions grading={grading} onAction={setAction} />
          <GradingSummary grading={grading} />
          <SelfReviewView grading={grading} />
          <ScoresTable grading={grading} />
          <AssessmentView grading={grading} />
          <DecisionView grading={grading} />
          <GradingHistory grading={grading} />
          {action ? <GradingActionModal grading={grading} action={action} onClose={() => setAction(null)} /> : null}
        </>
      ) : null}
    </Drawer>
  );
}
