import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { LAGGING_ACTION_LABELS, type LaggingAction } from '../../../shared/contracts/inspections';
import { formatPercent } from '../dashboard/programme-figures.api';
import type { LaggingReasonCode, LaggingThresholds } from './lagging.api';

/** Which threshold each reason reads, whether it is a share or a count, and which side of it lags. */
export const REASON_THRESHOLDS: Record<LaggingReasonCode, { key: keyof LaggingThresholds; share: boolean; side: 'min' | 'max' }> = {
  registration_rate: { key: 'minRegistrationRate', share: true, side: 'min' },
  standards: { key: 'minStandardsRate', share: true, side: 'min' },
  signs: { key: 'minSignsRate', share: true, side: 'min' },
  study_rate: { key: 'minStudyRate', share: true, side: 'min' },
  reports: { key: 'minReportingRate', share: true, side: 'min' },
  feedback_overdue: { key: 'maxOverdueFeedback', share: false, side: 'max' },
  duplicates: { key: 'maxDuplicateShare', share: true, side: 'max' },
  remedies_overdue: { key: 'maxOverdueRemedies', share: false, side: 'max' },
};

/** A reason's threshold in words: "tối thiểu 80,0%", "tối đa 0". */
export function useThresholdText() {
  const { t } = useTranslation();
  return (code: LaggingReasonCode, thresholds: LaggingThresholds) => {
    const { key, share, side } = REASON_THRESHOLDS[code];
    const value = share ? formatPercent(thresholds[key]) : formatNumber(thresholds[key]);
    return side === 'min' ? t('lagging.definitions.atLeast', { value }) : t('lagging.definitions.atMost', { value });
  };
}

const ACTION_COLOURS: Record<LaggingAction, string> = {
  reminder: 'gold',
  working_session: 'blue',
  inspection: 'purple',
  grading_criticism: 'volcano',
};

/** The handling, in the contracts' own words (those the server writes in the export). */
export function LaggingActionTag({ action }: { action: LaggingAction }) {
  // A long label wraps inside a narrow column instead of running out of it.
  return (
    <Tag color={ACTION_COLOURS[action]} style={{ whiteSpace: 'normal' }}>
      {LAGGING_ACTION_LABELS[action]}
    </Tag>
  );
}
