import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CompletionLevel } from './followup.api';

const STATUS_COLORS: Record<string, string> = {
  submitted: 'blue',
  returned: 'orange',
  approved: 'cyan',
  published: 'geekblue',
  in_progress: 'processing',
  self_assessed: 'purple',
  reviewed: 'green',
  closed: 'default',
};

export const COMPLETION_LEVELS: CompletionLevel[] = ['completed_well', 'completed', 'not_completed'];
const LEVEL_COLORS: Record<CompletionLevel, string> = { completed_well: 'green', completed: 'blue', not_completed: 'red' };

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid="registration-status">
      {t(`followup.status.${status}`, { defaultValue: status })}
    </Tag>
  );
}

export function LevelTag({ level }: { level: CompletionLevel | null }) {
  const { t } = useTranslation();
  if (!level) return <span>—</span>;
  return <Tag color={LEVEL_COLORS[level]}>{t(`followup.levels.${level}`)}</Tag>;
}
