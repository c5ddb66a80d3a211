import { Card, Col, Descriptions, Empty, List, Row, Skeleton, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/query-error';
import { formatNumber } from '../../lib/format';
import { formatPercent } from '../dashboard/programme-figures.api';
import { GRADING_SUBJECTS } from '../../../shared/contracts/grading';
import { type GradingRuleView, type GradingSubject, useGradingRules } from './grading.api';
import { GradeTag } from './grading-labels';

/** The rule a year is graded by: the newest one in force from that year or before. */
function ruleOfYear(rules: GradingRuleView[], year: number): GradingRuleView | undefined {
  return rules.filter((rule) => rule.validFromYear <= year).sort((a, b) => b.validFromYear - a.validFromYear)[0];
}

/** The rule of the year, read-only: criteria and their points for each subject, the bands, the conditions and the cap. */
export function GradingRulesTab({ year }: { year: number }) {
  const { t } = useTranslation();
  const rules = useGradingRules();
  if (rules.isError) return <QueryError compact error={rules.error} onRetry={() => void rules.refetch()} />;
  if (rules.isPending) return <Skeleton active />;
  const rule = ruleOfYear(rules.data, year);
  if (!rule) return <Empty description={t('grading.rules.none', { year })} />;
  const { config } = rule;
  const qualifierLabel = (code: string) => config.qualifiers.find((item) => item.code === code)?.label ?? code;

  return (
    <div data-testid="grading-rules">
      <Descriptions size="small" column={1} bordered className="block-gap-bottom">
        <Descriptions.Item label={t('grading.rules.name')}>{rule.name}</Descriptions.Item>
        <Descriptions.Item label={t('grading.rules.validFrom')}>{rule.validFromYear}</Descriptions.Item>
        <Descriptions.Item label={t('grading.rules.cap')}>
          {config.excellentMaxShareOfGood === null
            ? t('grading.rules.noCap')
            : t('grading.rules.capValue', { share: formatPercent(config.excellentMaxShareOfGood) })}
        </Descriptions.Item>
        {config.notes ? (
          <Descriptions.Item label={t('grading.rules.notes')}>
            <Typography.Paragraph className="grading-text">{config.notes}</Typography.Paragraph>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Row gutter={[16, 16]} className="block-gap-bottom">
        {GRADING_SUBJECTS.map((subject) => (
          <Col key={subject} xs={24} xl={12}>
            <SheetCard rule={rule} subject={subject} />
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('grading.rules.bands')} size="small">
            <List
              dataSource={config.bands}
              renderItem={(band) => (
                <List.Item>
                  <span>
                    <GradeTag grade={band.grade} full /> {t('grading.rules.fromPoints', { min: formatNumber(band.min) })}
                    {band.requires.length
                      ? `; ${t('grading.rules.requires', { conditions: band.requires.map(qualifierLabel).join('; ') })}`
                      : ''}
                  </span>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('grading.rules.qualifiers')} size="small">
            <List
              dataSource={config.qualifiers}
              locale={{ emptyText: t('grading.rules.noConditions') }}
              renderItem={(item) => <List.Item>{item.label}</List.Item>}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

function SheetCard({ rule, subject }: { rule: GradingRuleView; subject: GradingSubject }) {
  const { t } = useTranslation();
  const sheet = rule.config[subject];
  return (
    <Card title={subject === 'member' ? t('grading.rules.memberSheet') : t('grading.rules.collectiveSheet')} size="small">
      <Table
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={sheet.criteria}
        columns={[
          {
            title: t('grading.details.criterion'),
            key: 'label',
            render: (_v, criterion) => (
              <span>
                {criterion.label}{' '}
                {subject === 'member' && criterion.code === rule.config.campaign.criterion ? (
                  <Tag color="red">{t('grading.rules.campaignCriterion')}</Tag>
                ) : null}
              </span>
            ),
          },
          {
            title: t('grading.rules.group'),
            key: 'group',
            width: 150,
            render: (_v, criterion) => t(`grading.rules.groups.${criterion.group}`),
          },
          {
            title: t('grading.details.max'),
            key: 'max',
            width: 90,
            align: 'right',
            render: (_v, criterion) => formatNumber(criterion.max),
          },
        ]}
      />
      <Typography.Paragraph strong className="block-gap">
        {t('grading.rules.disqualifying')}
      </Typography.Paragraph>
      <ul className="grading-rule-list">
        {sheet.disqualifying.map((item) => (
          <li key={item.code}>{item.label}</li>
        ))}
      </ul>
      {subject === 'member' ? (
        <Typography.Paragraph type="secondary">
          {t('grading.rules.campaignPoints', {
            well: formatNumber(rule.config.campaign.points.completed_well),
            done: formatNumber(rule.config.campaign.points.completed),
            notDone: formatNumber(rule.config.campaign.points.not_completed),
          })}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
