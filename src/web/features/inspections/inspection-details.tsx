import { Alert, Descriptions, Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canOpenPage } from '../../app/page-permissions';
import { paths } from '../../app/paths';
import { useCurrentSession } from '../../app/session';
import { formatDate, formatDateTime } from '../../lib/format';
import { useIsPhone } from '../../lib/use-is-phone';
import { AnswerStatusTag } from '../reports/report-tags';
import type { InspectionDetail, InspectionEventItem } from './inspections.api';
import {
  formatPeriod,
  InspectionKindTag,
  InspectionStatusTag,
  isInspectionStatus,
  isRemedyStatus,
  SeriousnessTag,
  useInspectionLabels,
} from './inspection-labels';

/** What is inspected, where, when and where it stands; the reason when it was cancelled. */
export function InspectionSummary({ inspection }: { inspection: InspectionDetail }) {
  const { t } = useTranslation();
  const labels = useInspectionLabels();
  const isPhone = useIsPhone();
  return (
    <>
      {inspection.status === 'cancelled' && inspection.cancelReason ? (
        <Alert
          type="warning"
          showIcon
          className="block-gap-bottom"
          title={t('inspections.drawer.cancelled')}
          description={inspection.cancelReason}
          data-testid="inspection-cancel-reason-shown"
        />
      ) : null}
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        layout={isPhone ? 'vertical' : 'horizontal'}
        bordered
        className="block-gap-bottom"
        data-testid="inspection-summary"
      >
        <Descriptions.Item label={t('inspections.fields.kind')}>
          <InspectionKindTag kind={inspection.kind} />
        </Descriptions.Item>
        <Descriptions.Item label={t('inspections.fields.status')}>
          <InspectionStatusTag status={inspection.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('inspections.fields.unit')}>{inspection.unit.name}</Descriptions.Item>
        <Descriptions.Item label={t('inspections.fields.owner')}>{inspection.owner.name}</Descriptions.Item>
        <Descriptions.Item label={t('inspections.fields.period')}>{formatPeriod(inspection.startsOn, inspection.endsOn)}</Descriptions.Item>
        <Descriptions.Item label={t('inspections.fields.year')}>{inspection.year}</Descriptions.Item>
        <Descriptions.Item label={t('inspections.fields.contents')} span={2}>
          <ul className="inspection-list">
            {inspection.contents.map((content) => (
              <li key={content}>{labels.content(content)}</li>
            ))}
          </ul>
        </Descriptions.Item>
        {inspection.note ? (
          <Descriptions.Item label={t('inspections.fields.note')} span={2}>
            <Typography.Paragraph className="inspection-text">{inspection.note}</Typography.Paragraph>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </>
  );
}

export function TeamView({ inspection }: { inspection: InspectionDetail }) {
  const { t } = useTranslation();
  return (
    <section className="block-gap-bottom" data-testid="inspection-team">
      <Typography.Title level={5}>{t('inspections.fields.team')}</Typography.Title>
      <ul className="inspection-list">
        {inspection.team.map((member, index) => (
          <li key={index}>
            <Typography.Text strong>{member.name}</Typography.Text> — {member.role}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The unit's self-report asked for when the inspection started: where it stands, and where to answer it. */
export function SelfReportView({ inspection }: { inspection: InspectionDetail }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  if (inspection.status === 'planned' || inspection.status === 'cancelled') return null;
  const report = inspection.selfReport;
  return (
    <section className="block-gap-bottom" data-testid="inspection-self-report">
      <Typography.Title level={5}>{t('inspections.drawer.selfReport')}</Typography.Title>
      {report ? (
        <div className="inspection-self-report">
          <AnswerStatusTag status={report.status} />
          <span>{t('inspections.drawer.selfReportDeadline', { date: formatDate(report.deadline) })}</span>
          {canOpenPage('reports', session) ? (
            <Link to={paths.reports} data-testid="inspection-self-report-link">
              {t('inspections.drawer.openReports')}
            </Link>
          ) : null}
        </div>
      ) : (
        <Typography.Text type="secondary">{t('inspections.drawer.noSelfReport')}</Typography.Text>
      )}
    </section>
  );
}

/** The conclusion once taken: how serious, the notice's number and date, and its text. */
export function ConclusionView({ inspection }: { inspection: InspectionDetail }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  if (inspection.status !== 'concluded' || !inspection.seriousness) return null;
  return (
    <section className="block-gap-bottom" data-testid="inspection-conclusion-view">
      <Typography.Title level={5}>{t('inspections.drawer.conclusion')}</Typography.Title>
      <Descriptions size="small" column={1} layout={isPhone ? 'vertical' : 'horizontal'} bordered>
        <Descriptions.Item label={t('inspections.fields.seriousness')}>
          <SeriousnessTag value={inspection.seriousness} />
        </Descriptions.Item>
        {inspection.number ? <Descriptions.Item label={t('inspections.fields.number')}>{inspection.number}</Descriptions.Item> : null}
        <Descriptions.Item label={t('inspections.fields.concludedAt')}>{formatDate(inspection.concludedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('inspections.fields.conclusion')}>
          <Typography.Paragraph className="inspection-text">{inspection.conclusion}</Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
    </section>
  );
}

/** The steps the history records, by the names the server gives them. */
const HISTORY_KEYS = {
  plan: 'plan',
  start: 'start',
  conclude: 'conclude',
  cancel: 'cancel',
  'remedy.report': 'remedyReport',
  'remedy.accept': 'remedyAccept',
  'remedy.return': 'remedyReturn',
} as const;

/** Each step the inspection and its remedies went through, newest last, with who took it and why. */
export function InspectionHistory({ inspection }: { inspection: InspectionDetail }) {
  const { t } = useTranslation();
  const labels = useInspectionLabels();
  const statusLabel = (status: string) =>
    isRemedyStatus(status) ? labels.remedyStatus(status) : isInspectionStatus(status) ? labels.status(status) : status;
  const actionLabel = (event: InspectionEventItem) =>
    event.action in HISTORY_KEYS ? t(`inspections.history.${HISTORY_KEYS[event.action as keyof typeof HISTORY_KEYS]}`) : event.action;
  const remedyOf = (id: number | null) => (id === null ? null : inspection.remedyItems.find((remedy) => remedy.id === id));
  return (
    <section>
      <Typography.Title level={5}>{t('inspections.drawer.history')}</Typography.Title>
      {inspection.history.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inspections.drawer.noHistory')} />
      ) : (
        <Timeline
          data-testid="inspection-history"
          items={inspection.history.map((event, index) => {
            const remedy = remedyOf(event.remedyId);
            return {
              key: index,
              children: (
                <>
                  <Typography.Text strong>{actionLabel(event)}</Typography.Text>
                  <Typography.Text type="secondary">{` · ${statusLabel(event.toStatus)} · ${event.actorName} · ${formatDateTime(event.at)}`}</Typography.Text>
                  {remedy ? <div className="inspection-secondary">{remedy.what}</div> : null}
                  {event.reason ? (
                    <div>
                      {t('inspections.fields.reason')}: {event.reason}
                    </div>
                  ) : null}
                </>
              ),
            };
          })}
        />
      )}
    </section>
  );
}
