import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Change } from './metric-format';

/** The change on last year, in words for screen readers and in colour for the eye (green good, red bad). */
export function ChangeTag({ change, testId }: { change: Change | null; testId?: string }) {
  const { t } = useTranslation();
  if (!change) return null;
  if (change.direction === 'same') {
    return (
      <Typography.Text type="secondary" data-testid={testId}>
        <MinusOutlined aria-hidden /> {t('overview.change.same')}
      </Typography.Text>
    );
  }
  const words = t(`overview.change.${change.direction}`, { value: change.text });
  return (
    <Typography.Text type={change.good ? 'success' : 'danger'} data-testid={testId} title={words}>
      {change.direction === 'up' ? <ArrowUpOutlined aria-hidden /> : <ArrowDownOutlined aria-hidden />} {words}
    </Typography.Text>
  );
}
