import { Alert, Descriptions, Space, Table, Typography } from 'antd';
import { GRADES, type GradeCount } from '../../../shared/contracts/grading';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../lib/use-is-phone';
import { formatNumber } from '../../lib/format';
import type { GradingView } from './grading.api';
import { GradeTag, GradingStatusTag } from './grading-labels';

/** Who is graded, where, by which rule, and where the grading stands; the return reason when it came back. */
export function GradingSummary({ grading }: { grading: GradingView }) {
  const { t } = useTranslation();
  return (
    <>
      {grading.status === 'returned' && grading.returnReason ? (
        <Alert
          type="warning"
          showIcon
          className="block-gap-bottom"
          title={t('grading.details.returned')}
          description={grading.returnReason}
          data-testid="grading-return-reason"
        />
      ) : null}
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered className="block-gap-bottom">
        <Descriptions.Item label={grading.subject === 'member' ? t('grading.fields.member') : t('grading.fields.collective')}>
          {grading.person?.name ?? grading.unit.name}
        </Descriptions.Item>
        <Descriptions.Item label={t('grading.fields.status')}>
          <GradingStatusTag status={grading.status} />
        </Descriptions.Item>
        {grading.subject === 'member' ? <Descriptions.Item label={t('grading.fields.cell')}>{grading.unit.name}</Descriptions.Item> : null}
        <Descriptions.Item label={t('grading.fields.year')}>{grading.year}</Descriptions.Item>
        <Descriptions.Item label={t('grading.fields.decidingUnit')}>{grading.decidingUnitName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('grading.fields.rule')} span={2}>
          {grading.rule.name}
        </Descriptions.Item>
      </Descriptions>
      <CollectiveResults grading={grading} />
    </>
  );
}

/** For a collective: the grades decided this year for its members and the organisations below it. */
function CollectiveResults({ grading }: { grading: GradingView }) {
  const { t } = useTranslation();
  const results = grading.subtreeResults;
  if (!results) return null;
  const counts = (count: GradeCount) => (
    <Space wrap size={4}>
      {GRADES.map((grade) => (
        <span key={grade}>
          <GradeTag grade={grade} /> {formatNumber(count[grade])}
        </span>
      ))}
    </Space>
  );
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      className="block-gap-bottom"
      title={t('grading.details.subtreeResults', { year: grading.year })}
      data-testid="grading-subtree-results"
    >
      <Descriptions.Item label={t('grading.details.subtreeMembers')}>{counts(results.members)}</Descriptions.Item>
      <Descriptions.Item label={t('grading.details.subtreeCollectives')}>{counts(results.collectives)}</Descriptions.Item>
    </Descriptions>
  );
}

/** What the subject wrote of itself: the three texts, then the grade it claims. */
export function SelfReviewView({ grading }: { grading: GradingView }) {
  const { t } = useTranslation();
  const { selfReview } = grading;
  const text = (value: string) =>
    value ? (
      <Typography.Paragraph className="grading-text">{value}</Typography.Paragraph>
    ) : (
      <Typography.Text type="secondary">—</Typography.Text>
    );
  return (
    <section className="block-gap-bottom" data-testid="self-review-view">
      <Typography.Title level={5}>{t('grading.details.selfReview')}</Typography.Title>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('grading.fields.strengths')}>{text(selfReview.strengths)}</Descriptions.Item>
        <Descriptions.Item label={t('grading.fields.shortcomings')}>{text(selfReview.shortcomings)}</Descriptions.Item>
        <Descriptions.Item label={t('grading.fields.remedies')}>{text(selfReview.remedies)}</Descriptions.Item>
        <Descriptions.Item label={t('grading.fields.selfGrade')}>
          <GradeTag grade={selfReview.grade} full />
        </Descriptions.Item>
        <Descriptions.Item label={t('grading.fields.selfTotal')}>{formatNumber(selfReview.total)}</Descriptions.Item>
      </Descriptions>
    </section>
  );
}

type ScoreRow = { key: string; label: string; max: number; self: number | undefined; assessed: number | undefined };

/** The sheet side by side: the points one gave oneself and those of the grading level, and the conditions each ticked. */
export function ScoresTable({ grading }: { grading: GradingView }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const { rule, subject, selfReview, assessment } = grading;
  const rows: ScoreRow[] = rule.config[subject].criteria.map((criterion) => ({
    key: criterion.code,
    label: criterion.label,
    max: criterion.max,
    self: selfReview.scores[criterion.code],
    assessed: assessment.scores?.[criterion.code],
  }));
  const conditions = [...rule.config.qualifiers, ...rule.config[subject].disqualifying];
  const named = (codes: string[]) =>
    codes.length
      ? codes.map((code) => conditions.find((item) => item.code === code)?.label ?? code).join('; ')
      : t('grading.details.noConditions');
  const assessed = assessment.scores !== null;
  // On a phone the maximum goes beside the criterion, so the points fit without scrolling sideways.
  const columns: Array<{ key: string; title: string; width?: number; cell: (row: ScoreRow) => ReactNode; total: ReactNode }> = [
    {
      key: 'label',
      title: t('grading.details.criterion'),
      cell: (row) => (isPhone ? `${row.label} (${t('grading.details.maxOf', { max: formatNumber(row.max) })})` : row.label),
      total: t('grading.details.totalRow'),
    },
    ...(isPhone
      ? []
      : [
          {
            key: 'max',
            title: t('grading.details.max'),
            width: 90,
            cell: (row: ScoreRow) => formatNumber(row.max),
            total: formatNumber(rows.reduce((sum, row) => sum + row.max, 0)),
          },
        ]),
    {
      key: 'self',
      title: t('grading.details.selfScore'),
      width: isPhone ? 72 : 110,
      cell: (row) => formatNumber(row.self),
      total: formatNumber(selfReview.total),
    },
    ...(assessed
      ? [
          {
            key: 'assessed',
            title: t('grading.details.assessedScore'),
            width: isPhone ? 84 : 140,
            cell: (row: ScoreRow) => formatNumber(row.assessed),
            total: formatNumber(rows.reduce((sum, row) => sum + (row.assessed ?? 0), 0)),
          },
        ]
      : []),
  ];
  return (
    <section className="block-gap-bottom">
      <Typography.Title level={5}>{t('grading.details.scores')}</Typography.Title>
      <Table<ScoreRow>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        data-testid="grading-scores"
        columns={columns.map((column) => ({
          title: column.title,
          key: column.key,
          align: column.key === 'label' ? undefined : 'right',
          width: column.width,
          render: (_v: unknown, row: ScoreRow) => column.cell(row),
        }))}
        summary={() => (
          <Table.Summary.Row>
            {columns.map((column, index) => (
              <Table.Summary.Cell key={column.key} index={index} align={column.key === 'label' ? undefined : 'right'}>
                <strong>{column.total}</strong>
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        )}
      />
      <Typography.Paragraph type="secondary" className="grading-conditions">
        {t('grading.details.selfConditions')}: {named(selfReview.conditions)}
        {assessed ? (
          <>
            <br />
            {t('grading.details.assessedConditions')}: {named(assessment.conditions)}
          </>
        ) : null}
      </Typography.Paragraph>
    </section>
  );
}
