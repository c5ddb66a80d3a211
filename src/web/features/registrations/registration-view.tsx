import { Alert, Descriptions, List, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../lib/format';
import { BeforeAfterTable } from '../../components/before-after-table';
import type { RegistrationDetail, RegistrationStatus } from './registrations.api';

const STATUS_COLORS: Record<RegistrationStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  approved: 'success',
  published: 'green',
  in_progress: 'cyan',
  self_assessed: 'purple',
  reviewed: 'geekblue',
  closed: 'default',
};

export function StatusTag({ status }: { status: RegistrationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="registration-status" data-status={status}>
      {t(`registrations.statuses.${status}`)}
    </Tag>
  );
}

export function SimilarityTag({ value }: { value: number | null }) {
  const { t } = useTranslation();
  if (value === null) return null;
  return (
    <Tag color="red" data-testid="similarity-tag">
      {t('registrations.list.similarTag', { percent: Math.round(value * 100) })}
    </Tag>
  );
}

/** Shortcomings and actions, as both the registrant and the appraiser read them. */
export function RegistrationContent({ registration }: { registration: RegistrationDetail }) {
  const { t } = useTranslation();
  return (
    <>
      {registration.shortcomings ? (
        <>
          <Typography.Title level={5}>{t('registrations.view.shortcomings')}</Typography.Title>
          <Typography.Paragraph className="pre-wrap" data-testid="registration-shortcomings-text">
            {registration.shortcomings}
          </Typography.Paragraph>
        </>
      ) : null}
      <Typography.Title level={5}>{t('registrations.view.actions')}</Typography.Title>
      <List
        dataSource={registration.actions}
        renderItem={(action, index) => (
          <List.Item key={action.id} data-testid={`registration-action-view-${index}`}>
            <Space direction="vertical" size={2}>
              <Space wrap size={4}>
                <Typography.Text strong>{index + 1}.</Typography.Text>
                <Tag>{t(`registrations.areas.${action.area}`)}</Tag>
                <Typography.Text>{action.content}</Typography.Text>
              </Space>
              <Typography.Text type={action.measurableResult ? undefined : 'warning'}>
                {t('registrations.form.measurableResult')}: {action.measurableResult || t('registrations.view.noResult')}
              </Typography.Text>
              <Typography.Text type={action.deadline ? undefined : 'warning'}>
                {t('registrations.form.deadline')}: {action.deadline ? formatDate(action.deadline) : t('registrations.view.noDeadline')}
              </Typography.Text>
              {action.linkKind ? (
                <Typography.Text type="secondary">
                  {t(`registrations.linkKinds.${action.linkKind}`)}: {action.linkLabel ?? '—'}
                </Typography.Text>
              ) : null}
            </Space>
          </List.Item>
        )}
      />
    </>
  );
}

/** What changed between the last two submitted versions: both sides read the same diff. */
export function RegistrationDiffView({ registration }: { registration: RegistrationDetail }) {
  const { t } = useTranslation();
  const diff = registration.diff;
  if (!diff) return null;
  const rows = [
    ...(diff.shortcomings
      ? [
          {
            key: 'shortcomings',
            what: t('registrations.view.shortcomings'),
            before: diff.shortcomings.before,
            after: diff.shortcomings.after,
          },
        ]
      : []),
    ...diff.actions.flatMap((action) =>
      action.fields.map((field) => ({
        key: `${action.position}-${field.field}`,
        what: `${t(`registrations.view.diff${action.change === 'added' ? 'Added' : action.change === 'removed' ? 'Removed' : 'Changed'}`, { index: action.position + 1 })} — ${t(`registrations.view.fields.${field.field}`)}`,
        before: field.before,
        after: field.after,
      })),
    ),
  ];
  return (
    <div data-testid="registration-diff" className="block-gap-bottom">
      <Typography.Title level={5}>{t('registrations.view.diffTitle', { from: diff.fromRevision, to: diff.toRevision })}</Typography.Title>
      {rows.length === 0 ? (
        <Alert type="info" showIcon title={t('registrations.view.diffNone')} />
      ) : (
        <BeforeAfterTable rows={rows} labels={{ before: t('registrations.view.before'), after: t('registrations.view.after') }} />
      )}
    </div>
  );
}

export function RegistrationHistory({ registration }: { registration: RegistrationDetail }) {
  const { t } = useTranslation();
  return (
    <div data-testid="registration-history">
      <Typography.Title level={5}>{t('registrations.view.history')}</Typography.Title>
      {registration.enteredOnBehalf ? (
        <Typography.Paragraph type="secondary">{t('registrations.view.enteredOnBehalf')}</Typography.Paragraph>
      ) : null}
      <Timeline
        items={[...registration.events].reverse().map((event) => ({
          key: event.id,
          children: (
            <Space direction="vertical" size={0}>
              <Typography.Text>
                {formatDateTime(event.at)} · {event.actorName}
                {event.onBehalf ? ` (${t('registrations.view.onBehalf')})` : ''} · {t(`registrations.statuses.${event.toStatus}`)}
                {event.revision ? ` (${t('registrations.view.revision', { revision: event.revision })})` : ''}
              </Typography.Text>
              {event.reason ? (
                <Typography.Text type="secondary">{t('registrations.view.reason', { reason: event.reason })}</Typography.Text>
              ) : null}
            </Space>
          ),
        }))}
      />
    </div>
  );
}

export function RegistrationHeader({ registration }: { registration: RegistrationDetail }) {
  const { t } = useTranslation();
  // One typed in from the paper book was registered on paper in time; only its entry is late.
  const late =
    !registration.enteredOnBehalf &&
    registration.closesOn &&
    registration.submittedAt &&
    registration.submittedAt.slice(0, 10) > registration.closesOn;
  return (
    <Descriptions size="small" column={1} className="block-gap-bottom">
      <Descriptions.Item label={t('registrations.list.registrant')}>
        {registration.personName ?? t('registrations.list.collectiveName', { unit: registration.unitName })}
        {registration.isLeader ? (
          <Tag color="gold" className="tag-gap">
            {t('registrations.list.leaderTag')}
          </Tag>
        ) : null}
      </Descriptions.Item>
      <Descriptions.Item label={t('registrations.list.unit')}>{registration.unitName}</Descriptions.Item>
      <Descriptions.Item label={t('registrations.list.status')}>
        <StatusTag status={registration.status} />
        {late ? <Tag color="orange">{t('registrations.drawer.late', { date: formatDate(registration.closesOn) })}</Tag> : null}
        {registration.enteredOnBehalf ? (
          <Tag color="blue" data-testid="entered-on-behalf">
            {t('registrations.drawer.enteredOnBehalf')}
          </Tag>
        ) : null}
      </Descriptions.Item>
    </Descriptions>
  );
}
