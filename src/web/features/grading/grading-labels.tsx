import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import i18n from '../../i18n';
import {
  GRADE_LABELS,
  GRADE_SHORT_LABELS,
  GRADES,
  GRADING_STATUS_LABELS,
  type Grade,
  type GradingStatus,
} from '../../../shared/contracts/grading';

/*
 * The Vietnamese labels of grades and statuses are the contracts' own, the very words the server
 * writes in its documents and refusals; the English ones are in en/grading.json (loaded only when
 * English is chosen), read here by key since the Vietnamese texts have no copy in vi/grading.json.
 */
type Group = 'grades' | 'gradesShort' | 'statuses';

function english(group: Group, key: string): string | undefined {
  const value: unknown = i18n.getResource('en', 'translation', `grading.${group}.${key}`);
  return typeof value === 'string' ? value : undefined;
}

export function useGradingLabels() {
  // Subscribing to the language re-renders the labels when it is switched.
  const { i18n: current } = useTranslation();
  const inEnglish = current.language === 'en';
  const pick = (group: Group, key: string, vietnamese: string) => (inEnglish ? (english(group, key) ?? vietnamese) : vietnamese);
  return {
    grade: (grade: Grade) => pick('grades', grade, GRADE_LABELS[grade]),
    gradeShort: (grade: Grade) => pick('gradesShort', grade, GRADE_SHORT_LABELS[grade]),
    status: (status: GradingStatus) => pick('statuses', status, GRADING_STATUS_LABELS[status]),
    gradeOptions: () => GRADES.map((grade) => ({ value: grade, label: pick('grades', grade, GRADE_LABELS[grade]) })),
  };
}

const STATUS_COLOURS: Record<GradingStatus, string> = {
  draft: 'default',
  self_reviewed: 'processing',
  graded: 'geekblue',
  returned: 'warning',
  decided: 'success',
};

const GRADE_COLOURS: Record<Grade, string> = { excellent: 'gold', good: 'green', done: 'blue', not_done: 'red' };

export function GradingStatusTag({ status }: { status: GradingStatus | null }) {
  const { t } = useTranslation();
  const labels = useGradingLabels();
  if (status === null) return <Tag data-testid="grading-status">{t('grading.noGrading')}</Tag>;
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="grading-status">
      {labels.status(status)}
    </Tag>
  );
}

/** A grade in a narrow column: the short form, the full name on hover. */
export function GradeTag({ grade, full = false }: { grade: Grade | null; full?: boolean }) {
  const labels = useGradingLabels();
  if (grade === null) return <span>—</span>;
  if (full) return <Tag color={GRADE_COLOURS[grade]}>{labels.grade(grade)}</Tag>;
  return (
    <Tooltip title={labels.grade(grade)}>
      <Tag color={GRADE_COLOURS[grade]}>{labels.gradeShort(grade)}</Tag>
    </Tooltip>
  );
}
