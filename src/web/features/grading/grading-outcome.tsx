import { Descriptions, Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import type { GradingView } from './grading.api';
import { GradeTag, useGradingLabels } from './grading-labels';

/** The grading level's assessment: the rule's proposal with its reason, the grade given, the vote. */
export function AssessmentView({ grading }: { grading: GradingView }) {
  const { t } = useTranslation();
  const { assessment } = grading;
  if (!assessment.gradedAt && !assessment.proposedGrade) return null;
  const votes = assessment.votes;
  return (
    <section className="block-gap-bottom" data-testid="grading-assessment">
      <Typography.Title level={5}>
        {grading.subject === 'member' ? t('grading.details.assessmentCell') : t('grading.details.assessmentLevel')}
      </Typography.Title>
      <Descriptions size="small" column={1} bordered>
        {assessment.proposedGrade ? (
          <Descriptions.Item label={t('grading.fields.ruleGrade')}>
            <GradeTag grade={assessment.proposedGrade} full />
            {assessment.proposedReason ? <Typography.Text type="secondary">{assessment.proposedReason}</Typography.Text> : null}
          </Descriptions.Item>
        ) : null}
        {assessment.gradedAt ? (
          <>
            <Descriptions.Item label={t('grading.fields.proposedGrade')}>
              <GradeTag grade={assessment.grade} full />
            </Descriptions.Item>
            <Descriptions.Item label={t('grading.fields.assessedTotal')}>{formatNumber(assessment.proposedTotal)}</Descriptions.Item>
            {assessment.overrideReason ? (
              <Descriptions.Item label={t('grading.fields.overrideReason')}>{assessment.overrideReason}</Descriptions.Item>
            ) : null}
            {assessment.comment ? (
              <Descriptions.Item label={t('grading.fields.comment')}>
                <Typography.Paragraph className="grading-text">{assessment.comment}</Typography.Paragraph>
              </Descriptions.Item>
            ) : null}
            {votes ? (
              <Descriptions.Item label={t('grading.fields.votes')}>
                {t('grading.details.votes', {
                  for: formatNumber(votes.for),
                  against: formatNumber(votes.against),
                  abstain: formatNumber(votes.abstain),
                })}
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('grading.fields.gradedAt')}>{formatDate(assessment.gradedAt)}</Descriptions.Item>
          </>
        ) : null}
      </Descriptions>
    </section>
  );
}

/** The deciding level's decision, when taken. */
export function DecisionView({ grading }: { grading: GradingView }) {
  const { t } = useTranslation();
  const { decision } = grading;
  if (!decision) return null;
  return (
    <section className="block-gap-bottom" data-testid="grading-decision">
      <Typography.Title level={5}>{t('grading.details.decision')}</Typography.Title>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('grading.fields.decidedGrade')}>
          <GradeTag grade={decision.grade} full />
        </Descriptions.Item>
        {grading.decidingUnitName ? (
          <Descriptions.Item label={t('grading.fields.decidingUnit')}>{grading.decidingUnitName}</Descriptions.Item>
        ) : null}
        {decision.note ? <Descriptions.Item label={t('grading.fields.note')}>{decision.note}</Descriptions.Item> : null}
        <Descriptions.Item label={t('grading.fields.decidedAt')}>{formatDate(decision.decidedAt)}</Descriptions.Item>
      </Descriptions>
    </section>
  );
}

/** Each step the grading went through, newest last, with who took it and why. */
export function GradingHistory({ grading }: { grading: GradingView }) {
  const { t } = useTranslation();
  const labels = useGradingLabels();
  return (
    <section>
      <Typography.Title level={5}>{t('grading.details.history')}</Typography.Title>
      {grading.history.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('grading.details.noHistory')} />
      ) : (
        <Timeline
          data-testid="grading-history"
          items={grading.history.map((event, index) => ({
            key: index,
            children: (
              <>
                <Typography.Text strong>{t(`grading.actions.${event.action}`)}</Typography.Text>
                <Typography.Text type="secondary">{` · ${labels.status(event.toStatus)} · ${event.actorName} · ${formatDateTime(event.at)}`}</Typography.Text>
                {event.grade ? <div>{t('grading.details.historyGrade', { grade: labels.grade(event.grade) })}</div> : null}
                {event.reason ? (
                  <div>
                    {t('grading.fields.reason')}: {event.reason}
                  </div>
                ) : null}
              </>
            ),
          }))}
        />
      )}
    </section>
  );
}
