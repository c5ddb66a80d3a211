import { Progress, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BreakthroughStatus } from './programme.api';

const COLORS: Record<BreakthroughStatus, string> = { open: 'default', in_progress: 'processing', done: 'success', not_done: 'error' };

export function StatusTag({ status }: { status: BreakthroughStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`programme.breakthroughs.status.${status}`)}</Tag>;
}

export function ProgressBar({ percent, status }: { percent: number; status: BreakthroughStatus }) {
  return (
    <Progress percent={percent} size="small" status={status === 'done' ? 'success' : status === 'not_done' ? 'exception' : 'normal'} />
  );
}
