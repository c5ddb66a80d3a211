import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import i18n from '../../i18n';
import { formatDate } from '../../lib/format';
import {
  FINDING_KIND_LABELS,
  INSPECTION_CONTENT_LABELS,
  INSPECTION_CONTENTS,
  INSPECTION_KIND_LABELS,
  INSPECTION_STATUS_LABELS,
  REMEDY_STATUS_LABELS,
  SERIOUSNESS,
  SERIOUSNESS_LABELS,
  type FindingKind,
  type InspectionContent,
  type InspectionKind,
  type InspectionStatus,
  type RemedyStatus,
  type Seriousness,
} from '../../../shared/contracts/inspections';

/*
 * The Vietnamese labels are the contracts' own, the very words the server writes in the conclusion
 * notice; the English ones are in en/inspections.json under `labels` (loaded only when English is
 * chosen), read here by key since the Vietnamese texts have no copy in vi/inspections.json.
 */
type Group = 'kinds' | 'contents' | 'statuses' | 'seriousness' | 'findingKinds' | 'remedyStatuses';

function english(group: Group, key: string): string | undefined {
  const value: unknown = i18n.getResource('en', 'translation', `inspections.labels.${group}.${key}`);
  return typeof value === 'string' ? value : undefined;
}

export function useInspectionLabels() {
  // Subscribing to the language re-renders the labels when it is switched.
  const { i18n: current } = useTranslation();
  const inEnglish = current.language === 'en';
  const pick = (group: Group, key: string, vietnamese: string) => (inEnglish ? (english(group, key) ?? vietnamese) : vietnamese);
  return {
    kind: (kind: InspectionKind) => pick('kinds', kind, INSPECTION_KIND_LABELS[kind]),
    content: (content: InspectionContent) => pick('contents', content, INSPECTION_CONTENT_LABELS[content]),
    status: (status: InspectionStatus) => pick('statuses', status, INSPECTION_STATUS_LABELS[status]),
    seriousness: (value: Seriousness) => pick('seriousness', value, SERIOUSNESS_LABELS[value]),
    findingKind: (kind: FindingKind) => pick('findingKinds', kind, FINDING_KIND_LABELS[kind]),
    remedyStatus: (status: RemedyStatus) => pick('remedyStatuses', status, REMEDY_STATUS_LABELS[status]),
    contentOptions: (only?: readonly InspectionContent[]) =>
      (only ?? INSPECTION_CONTENTS).map((value) => ({ value, label: pick('contents', value, INSPECTION_CONTENT_LABELS[value]) })),
    seriousnessOptions: () => SERIOUSNESS.map((value) => ({ value, label: pick('seriousness', value, SERIOUSNESS_LABELS[value]) })),
  };
}

/** "01/03/2026 – 05/03/2026", or one day when it starts and ends the same day. */
export function formatPeriod(startsOn: string, endsOn: string): string {
  return startsOn === endsOn ? formatDate(startsOn) : `${formatDate(startsOn)} – ${formatDate(endsOn)}`;
}

/** A status or step label of the history, which may be an inspection's or a remedy's. */
export function isRemedyStatus(value: string): value is RemedyStatus {
  return value in REMEDY_STATUS_LABELS;
}
export function isInspectionStatus(value: string): value is InspectionStatus {
  return value in INSPECTION_STATUS_LABELS;
}

const STATUS_COLOURS: Record<InspectionStatus, string> = {
  planned: 'default',
  in_progress: 'processing',
  concluded: 'success',
  cancelled: 'error',
};

export function InspectionStatusTag({ status }: { status: InspectionStatus }) {
  const labels = useInspectionLabels();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="inspection-status">
      {labels.status(status)}
    </Tag>
  );
}

const KIND_COLOURS: Record<InspectionKind, string> = { inspection: 'volcano', supervision: 'geekblue' };

export function InspectionKindTag({ kind }: { kind: InspectionKind }) {
  const labels = useInspectionLabels();
  return <Tag color={KIND_COLOURS[kind]}>{labels.kind(kind)}</Tag>;
}

const REMEDY_COLOURS: Record<RemedyStatus, string> = { open: 'warning', reported: 'processing', returned: 'orange', closed: 'success' };

/** A remedy's status, and "Quá hạn" in red when its deadline has passed without a report. */
export function RemedyStatusTag({ status, overdue }: { status: RemedyStatus; overdue: boolean }) {
  const { t } = useTranslation();
  const labels = useInspectionLabels();
  return (
    <span className="inspection-tags">
      <Tag color={REMEDY_COLOURS[status]} data-testid="remedy-status">
        {labels.remedyStatus(status)}
      </Tag>
      {overdue ? (
        <Tag color="red" data-testid="remedy-overdue">
          {t('inspections.remedies.overdue')}
        </Tag>
      ) : null}
    </span>
  );
}

const SERIOUSNESS_COLOURS: Record<Seriousness, string> = { good: 'success', minor: 'gold', major: 'orange', serious: 'red' };

export function SeriousnessTag({ value }: { value: Seriousness }) {
  const labels = useInspectionLabels();
  return (
    <Tag color={SERIOUSNESS_COLOURS[value]} className="inspection-drawer-tag">
      {labels.seriousness(value)}
    </Tag>
  );
}
