import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { describeError } from '../lib/errors';
import { StatusMessage } from './status-message';

interface QueryErrorProps {
  error: unknown;
  onRetry?: () => void;
  /** Inside a card or a drawer a page-level message is too loud; an Alert fits. */
  compact?: boolean;
}

/** One look for every failed load: refusals, missing records and the rest, with a way to try again. */
export function QueryError({ error, onRetry, compact = false }: QueryErrorProps) {
  const { t } = useTranslation();
  const retry = onRetry ? (
    <Button onClick={onRetry} type={compact ? 'default' : 'primary'}>
      {t('common.retry')}
    </Button>
  ) : undefined;

  if (isApiError(error) && error.isForbidden) {
    return compact ? (
      <Alert type="warning" showIcon title={t('errors.forbiddenTitle')} description={t('errors.forbidden')} className="block-gap-bottom" />
    ) : (
      <StatusMessage kind="forbidden" title={t('errors.forbiddenTitle')} description={t('errors.forbidden')} />
    );
  }
  if (isApiError(error) && error.isNotFound) {
    return compact ? (
      <Alert type="info" showIcon title={t('errors.notFoundTitle')} description={describeError(error, t)} className="block-gap-bottom" />
    ) : (
      <StatusMessage kind="not-found" title={t('errors.notFoundTitle')} description={describeError(error, t)} />
    );
  }
  return compact ? (
    <Alert
      type="error"
      showIcon
      title={t('errors.loadFailed')}
      description={describeError(error, t)}
      action={retry}
      className="block-gap-bottom"
    />
  ) : (
    <StatusMessage kind="error" title={t('errors.loadFailed')} description={describeError(error, t)} action={retry} />
  );
}
