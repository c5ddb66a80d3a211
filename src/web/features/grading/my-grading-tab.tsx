import { EditOutlined, FileWordOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentSession } from '../../app/session';
import { DownloadButton } from '../../components/download-button';
import { QueryContent } from '../../components/query-content';
import { describeError } from '../../lib/errors';
import { gradingDownloads, type GradingView, type MyGrading, useCreateGrading, useMyGrading } from './grading.api';
import { GradingStatusTag } from './grading-labels';
import { GradingSummary, ScoresTable, SelfReviewView } from './grading-details';
import { AssessmentView, DecisionView, GradingHistory } from './grading-outcome';
import { SelfReviewForm } from './self-review-form';

/** The signed-in member's own year-end self-review: started here, written and sent to the cell, then followed to the decision. */
export function MyGradingTab({ year }: { year: number }) {
  const { t } = useTranslation();
  const mine = useMyGrading(year);
  return (
    <QueryContent query={mine} compact>
      {(data) =>
        data.grading ? (
          <OwnGrading grading={data.grading} />
        ) : (
          <Card title={t('grading.mine.title', { year })} data-testid="my-grading">
            <NotStarted mine={data} />
          </Card>
        )
      }
    </QueryContent>
  );
}

function NotStarted({ mine }: { mine: MyGrading }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useCurrentSession();
  const create = useCreateGrading();
  if (!mine.unit) return <Empty description={t('grading.mine.noUnit')} />;
  if (!mine.rule) return <Alert type="info" showIcon title={t('grading.mine.noRule', { year: mine.year })} />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph className="grading-intro">
        {t('grading.mine.notStarted', { year: mine.year, unit: mine.unit.name })}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('grading.mine.ruleApplied', { rule: mine.rule.name })}</Typography.Paragraph>
      <Button
        type="primary"
        icon={<EditOutlined />}
        loading={create.isPending}
        onClick={() =>
          create.mutate(
            { subject: 'member', year: mine.year, personId: session.user.personId },
            { onError: (error) => void message.error(describeError(error, t)) },
          )
        }
        data-testid="grading-start"
      >
        {t('grading.mine.start')}
      </Button>
    </Space>
  );
}

function OwnGrading({ grading }: { grading: GradingView }) {
  const { t } = useTranslation();
  const editable = grading.steps.includes('saveSelf') || grading.steps.includes('submitSelf');
  const download = gradingDownloads.selfReview(grading.id);
  return (
    <Card
      title={
        <Space wrap>
          <span>{t('grading.mine.title', { year: grading.year })}</span>
          <GradingStatusTag status={grading.status} />
        </Space>
      }
      extra={
        <DownloadButton
          path={download.path}
          fileName={t('grading.files.selfReview', { name: grading.person?.name ?? '', year: grading.year })}
          icon={<FileWordOutlined />}
          data-testid="my-grading-document"
        >
          {t('grading.files.downloadSelfReview')}
        </DownloadButton>
      }
      className="grading-mine-card"
      data-testid="my-grading"
    >
      <GradingSummary grading={grading} />
      {editable ? (
        <>
          <Alert type="info" showIcon className="block-gap-bottom" title={t('grading.mine.howTo')} />
          <SelfReviewForm key={grading.id} grading={grading} />
        </>
      ) : (
        <>
          <SelfReviewView grading={grading} />
          <ScoresTable grading={grading} />
        </>
      )}
      <AssessmentView grading={grading} />
      <DecisionView grading={grading} />
      <GradingHistory grading={grading} />
    </Card>
  );
}
