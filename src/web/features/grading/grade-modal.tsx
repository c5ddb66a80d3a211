import { App, Button, Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { describeError } from '../../lib/errors';
import { FormModal } from '../../components/form-modal';
import { GRADES } from '../../../shared/contracts/grading';
import { type Grade, type GradingView, useGradeStep } from './grading.api';
import { useGradingLabels } from './grading-labels';
import { fromSheet, SheetFields, type SheetValues, toSheet } from './sheet-fields';

type Values = SheetValues & {
  comment?: string;
  grade?: Grade;
  overrideReason?: string;
  votesFor?: number | null;
  votesAgainst?: number | null;
  votesAbstain?: number | null;
};

/** The grade the rule gives, as the server tells it when another one is chosen without a reason. */
function proposedOf(error: unknown): Grade | null {
  if (!isApiError(error) || error.code !== 'VALIDATION_FAILED') return null;
  const details = error.details as { proposedGrade?: unknown } | null | undefined;
  const grade = details?.proposedGrade;
  return typeof grade === 'string' && (GRADES as readonly string[]).includes(grade) ? (grade as Grade) : null;
}

/**
 * The grading level's assessment (chi bộ for a member, the level above for a collective): its
 * scores, starting from the self-scored sheet, the conditions it finds, a comment, the grade and
 * the meeting's vote. Choosing another grade than the rule's needs a written reason: the field
 * appears once the server names the rule's grade.
 */
export function GradeModal({ grading, onClose }: { grading: GradingView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useGradingLabels();
  const step = useGradeStep();
  const [form] = Form.useForm<Values>();
  const chosen = Form.useWatch('grade', form);
  const { assessment, selfReview, rule, subject } = grading;
  // Kept once the server named it, so the reason field stays while the next attempt is on its way.
  const [proposed, setProposed] = useState<Grade | null>(assessment.overrideReason ? assessment.proposedGrade : null);
  const [ruleMessage, setRuleMessage] = useState<string | null>(null);
  const needsReason = proposed !== null && chosen !== undefined && chosen !== proposed;
  const votes = assessment.votes;

  const submit = (values: Values) => {
    const counted = [values.votesFor, values.votesAgainst, values.votesAbstain].some((value) => value !== null && value !== undefined);
    step.mutate(
      {
        id: grading.id,
        version: grading.version,
        ...toSheet(values, rule, subject),
        comment: values.comment ?? '',
        grade: values.grade!,
        overrideReason: needsReason ? (values.overrideReason ?? null) : null,
        votes: counted ? { for: values.votesFor ?? 0, against: values.votesAgainst ?? 0, abstain: values.votesAbstain ?? 0 } : null,
      },
      {
        onSuccess: () => {
          void message.success(t('grading.grade.saved'));
          onClose();
        },
        onError: (error) => {
          const named = proposedOf(error);
          if (!named) return;
          // The server's words say which grade the rule gives and why; they stand beside the reason asked for.
          setProposed(named);
          setRuleMessage(describeError(error, t));
          window.setTimeout(() => form.scrollToField('overrideReason', { block: 'center' }), 50);
        },
      },
    );
  };

  return (
    <FormModal
      open
      title={t('grading.grade.title', { name: grading.person?.name ?? grading.unit.name, year: grading.year })}
      formId="grade-form"
      okText={t('grading.grade.save')}
      pending={step.isPending}
      error={step.error}
      onCancel={onClose}
      width={860}
    >
      <div data-testid="grade-modal">
        <Form<Values>
          id="grade-form"
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{
            ...(assessment.scores
              ? fromSheet(assessment.scores, assessment.conditions, rule, subject)
              : fromSheet(selfReview.scores, selfReview.conditions, rule, subject)),
            comment: assessment.comment,
            grade: assessment.grade ?? selfReview.grade ?? assessment.proposedGrade ?? undefined,
            overrideReason: assessment.overrideReason ?? undefined,
            votesFor: votes?.for,
            votesAgainst: votes?.against,
            votesAbstain: votes?.abstain,
          }}
        >
          {selfReview.grade ? (
            <Typography.Paragraph type="secondary">
              {t('grading.grade.selfClaimed', { grade: labels.grade(selfReview.grade) })}
            </Typography.Paragraph>
          ) : (
            <Typography.Paragraph type="secondary">{t('grading.grade.noSelfReview')}</Typography.Paragraph>
          )}
          <SheetFields
            rule={rule}
            subject={subject}
            campaign={grading.campaign}
            testIdPrefix="grade"
            title={t('grading.sheet.criteriaAssessed')}
          />
          <Form.Item name="comment" label={t('grading.fields.comment')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={8000} showCount data-testid="grade-comment" />
          </Form.Item>
          <Form.Item
            name="grade"
            label={t('grading.fields.proposedGrade')}
            rules={[{ required: true, message: t('grading.self.gradeRequired') }]}
            extra={
              proposed && chosen !== proposed ? (
                <Button
                  type="link"
                  className="grading-inline-link"
                  onClick={() => form.setFieldValue('grade', proposed)}
                  data-testid="grade-use-rule"
                >
                  {t('grading.grade.useRule', { grade: labels.grade(proposed) })}
                </Button>
              ) : undefined
            }
          >
            <Select<Grade> options={labels.gradeOptions()} data-testid="grade-select" />
          </Form.Item>
          {needsReason ? (
            <Form.Item
              name="overrideReason"
              label={t('grading.fields.overrideReason')}
              extra={ruleMessage ?? undefined}
              rules={[{ required: true, whitespace: true, message: t('grading.grade.overrideRequired') }, { max: 2000 }]}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="grade-override-reason" />
            </Form.Item>
          ) : null}
          <Typography.Text strong>{t('grading.fields.votes')}</Typography.Text>
          <Row gutter={12} className="grading-votes">
            {(['votesFor', 'votesAgainst', 'votesAbstain'] as const).map((name) => (
              <Col key={name} xs={24} sm={8}>
                <Form.Item name={name} label={t(`grading.grade.${name}`)}>
                  <InputNumber<number> min={0} max={100_000} precision={0} style={{ width: '100%' }} data-testid={`grade-${name}`} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Form>
      </div>
    </FormModal>
  );
}
