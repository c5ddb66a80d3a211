import { Alert, Button, Checkbox, Col, Form, InputNumber, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import type { GradingRuleView, GradingSubject, GradingView } from './grading.api';
import { useGradingLabels } from './grading-labels';

/** The scored sheet as a form holds it: a score per criterion, the conditions ticked in two groups. */
export type SheetValues = { scores: Record<string, number | null | undefined>; qualifiers: string[]; disqualifying: string[] };

/** A form's sheet as the server takes it. */
export function toSheet(values: SheetValues, rule: GradingRuleView, subject: GradingSubject) {
  const scores = Object.fromEntries(rule.config[subject].criteria.map((criterion) => [criterion.code, values.scores[criterion.code] ?? 0]));
  return { scores, conditions: [...(values.qualifiers ?? []), ...(values.disqualifying ?? [])] };
}

/** A stored sheet as the form's starting values. */
export function fromSheet(
  scores: Record<string, number> | null,
  conditions: string[],
  rule: GradingRuleView,
  subject: GradingSubject,
): SheetValues {
  const qualifierCodes = new Set(rule.config.qualifiers.map((item) => item.code));
  return {
    scores: { ...(scores ?? {}) },
    qualifiers: conditions.filter((code) => qualifierCodes.has(code)),
    disqualifying: conditions.filter(
      (code) => !qualifierCodes.has(code) && rule.config[subject].disqualifying.some((item) => item.code === code),
    ),
  };
}

/**
 * The criteria with their maximum points, the conditions of the rule, the running total and the
 * rule's bands; for a member, the campaign result the cell reviewed with the points it suggests.
 * One column on a phone; the grade itself is left to the server's rule, which answers on saving.
 */
export function SheetFields({
  rule,
  subject,
  campaign,
  testIdPrefix,
  title,
}: {
  rule: GradingRuleView;
  subject: GradingSubject;
  campaign: GradingView['campaign'];
  testIdPrefix: string;
  /** The heading: the subject scores itself, or the grading level scores it. */
  title: string;
}) {
  const { t } = useTranslation();
  const labels = useGradingLabels();
  const form = Form.useFormInstance<SheetValues>();
  const scores = Form.useWatch('scores', form) as SheetValues['scores'] | undefined;
  const sheet = rule.config[subject];
  const total = sheet.criteria.reduce((sum, criterion) => sum + (scores?.[criterion.code] ?? 0), 0);
  const qualifierLabel = (code: string) => rule.config.qualifiers.find((item) => item.code === code)?.label ?? code;

  return (
    <>
      <Typography.Title level={5}>{title}</Typography.Title>
      <Row gutter={16}>
        {sheet.criteria.map((criterion) => {
          const isCampaign = subject === 'member' && campaign !== null && campaign.criterion === criterion.code;
          return (
            <Col key={criterion.code} xs={24} lg={12}>
              <Form.Item
                name={['scores', criterion.code]}
                label={t('grading.sheet.criterionLabel', { label: criterion.label, max: formatNumber(criterion.max) })}
                rules={[{ required: true, message: t('grading.sheet.scoreRequired') }]}
                extra={
                  isCampaign ? (
                    <CampaignHint campaign={campaign} onUse={(points) => form.setFieldValue(['scores', criterion.code], points)} />
                  ) : undefined
                }
              >
                <InputNumber<number>
                  min={0}
                  max={criterion.max}
                  step={0.5}
                  inputMode="decimal"
                  style={{ width: '100%' }}
                  data-testid={`${testIdPrefix}-score-${criterion.code}`}
                />
              </Form.Item>
            </Col>
          );
        })}
      </Row>
      {rule.config.qualifiers.length ? (
        <Form.Item name="qualifiers" label={t('grading.sheet.qualifiers')}>
          <Checkbox.Group
            className="grading-checks"
            options={rule.config.qualifiers.map((item) => ({ value: item.code, label: item.label }))}
            data-testid={`${testIdPrefix}-qualifiers`}
          />
        </Form.Item>
      ) : null}
      {sheet.disqualifying.length ? (
        <Form.Item name="disqualifying" label={t('grading.sheet.disqualifying')} extra={t('grading.sheet.disqualifyingHelp')}>
          <Checkbox.Group
            className="grading-checks"
            options={sheet.disqualifying.map((item) => ({ value: item.code, label: item.label }))}
            data-testid={`${testIdPrefix}-disqualifying`}
          />
        </Form.Item>
      ) : null}
      <Alert
        type="info"
        className="block-gap-bottom"
        title={
          <span data-testid={`${testIdPrefix}-total`}>
            {t('grading.sheet.total', {
              total: formatNumber(total),
              max: formatNumber(sheet.criteria.reduce((sum, criterion) => sum + criterion.max, 0)),
            })}
          </span>
        }
        description={
          <ul className="grading-bands">
            {rule.config.bands.map((band) => (
              <li key={band.grade}>
                {t('grading.sheet.band', { min: formatNumber(band.min), grade: labels.grade(band.grade) })}
                {band.requires.length
                  ? ` ${t('grading.sheet.bandRequires', { conditions: band.requires.map(qualifierLabel).join('; ').toLowerCase() })}`
                  : ''}
              </li>
            ))}
          </ul>
        }
      />
    </>
  );
}

function CampaignHint({ campaign, onUse }: { campaign: NonNullable<GradingView['campaign']>; onUse: (points: number) => void }) {
  const { t } = useTranslation();
  const level = campaign.level ? t(`followup.levels.${campaign.level}`) : null;
  return (
    <Space wrap size={4} data-testid="campaign-hint">
      <span>{level ? t('grading.sheet.campaignLevel', { level }) : t('grading.sheet.campaignNone')}</span>
      {campaign.suggestedPoints !== null ? (
        <>
          <span>{t('grading.sheet.campaignPoints', { points: formatNumber(campaign.suggestedPoints) })}</span>
          <Button size="small" onClick={() => onUse(campaign.suggestedPoints!)} data-testid="campaign-use-points">
            {t('grading.sheet.usePoints')}
          </Button>
        </>
      ) : null}
    </Space>
  );
}
