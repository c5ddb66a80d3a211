import { Drawer, Empty, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/query-error';
import { formatDateTime } from '../../lib/format';
import { useIsPhone } from '../../lib/use-is-phone';
import { type LaggingUnit, useLaggingActions } from './lagging.api';
import { LaggingActionTag } from './lagging-labels';

/** Every handling of a unit, newest first and of every year: it stays after the unit meets the thresholds again. */
export function LaggingHistoryDrawer({ item, onClose }: { item: LaggingUnit | null; onClose: () => void }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const query = useLaggingActions(item?.unit.id ?? null);
  const actions = query.data?.items ?? [];
  return (
    <Drawer
      open={item !== null}
      onClose={onClose}
      size={isPhone ? '100%' : 560}
      title={item ? t('lagging.history.title', { unit: item.unit.name }) : t('lagging.actions.history')}
      destroyOnHidden
      data-testid="lagging-history"
    >
      <Typography.Paragraph type="secondary">{t('lagging.history.kept')}</Typography.Paragraph>
      {query.isError ? <QueryError compact error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isPending && item ? <Skeleton active /> : null}
      {query.isSuccess && actions.length === 0 ? <Empty description={t('lagging.history.empty')} /> : null}
      {actions.length ? (
        <Timeline
          data-testid="lagging-history-list"
          items={actions.map((action) => ({
            key: action.id,
            children: (
              <div data-testid={`lagging-history-${action.id}`}>
                <div>
                  <LaggingActionTag action={action.action} /> <Tag>{t('lagging.history.year', { year: action.year })}</Tag>
                </div>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>{action.note}</Typography.Paragraph>
                {action.reasons.length ? (
                  <div>
                    <Typography.Text type="secondary">
                      {t('lagging.history.reasons', { list: action.reasons.map((code) => t(`lagging.reasons.${code}`)).join('; ') })}
                    </Typography.Text>
                  </div>
                ) : null}
                {action.inspectionId !== null ? (
                  <div>
                    <Typography.Text type="secondary">{t('lagging.history.inspection')}</Typography.Text>
                  </div>
                ) : null}
                <Typography.Text type="secondary">
                  {t('lagging.history.by', { unit: action.byUnit.name, actor: action.actorName, at: formatDateTime(action.createdAt) })}
                </Typography.Text>
              </div>
            ),
          }))}
        />
      ) : null}
    </Drawer>
  );
}
