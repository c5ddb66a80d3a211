import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { BeforeAfterTable } from '../../components/before-after-table';
import { formatDate, formatDateTime } from '../../lib/format';
import type { NominationChange, NominationHistoryEvent } from '../../../shared/contracts/commendations';

const DATE_FIELDS: ReadonlySet<NominationChange['field']> = new Set(['periodFrom', 'periodTo']);

/** Each step of a nomination; a resubmission shows what changed since the submission before it, as registrations do. */
export function NominationHistory({ history }: { history: NominationHistoryEvent[] }) {
  const { t } = useTranslation();
  const show = (change: NominationChange, value: string) => (DATE_FIELDS.has(change.field) && value ? formatDate(value) : value);
  return (
    <div>
      <Typography.Title level={5}>{t('commendations.drawer.history')}</Typography.Title>
      <Timeline
        data-testid="nomination-history"
        items={history.map((event) => ({
          key: event.id,
          children: (
            <>
              <Typography.Text strong>{t(`commendations.statuses.${event.toStatus}`)}</Typography.Text>
              <Typography.Text type="secondary">{` · ${event.actorName} · ${formatDateTime(event.at)}${event.atUnitName ? ` · ${event.atUnitName}` : ''}`}</Typography.Text>
              {event.reason ? (
                <div>
                  {t('commendations.fields.reason')}: {event.reason}
                </div>
              ) : null}
              {event.changes && event.changes.length ? (
                <div data-testid="nomination-diff">
                  <Typography.Text type="secondary">{t('commendations.drawer.changed')}</Typography.Text>
                  <BeforeAfterTable
                    labels={{ before: t('commendations.drawer.before'), after: t('commendations.drawer.after') }}
                    rows={event.changes.map((change) => ({
                      key: change.field,
                      what: t(`commendations.drawer.diffFields.${change.field}`),
                      before: show(change, change.before),
                      after: show(change, change.after),
                    }))}
                  />
                </div>
              ) : null}
            </>
          ),
        }))}
      />
    </div>
  );
}
