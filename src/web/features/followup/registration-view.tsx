import { CheckCircleOutlined, EditOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, List, Progress, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { CheckInModal } from './check-in-modal';
import { type FollowupAction, type FollowupRegistration, useClose } from './followup.api';
import { LevelTag, StatusTag } from './followup-labels';
import { ReviewModal } from './review-modal';
import { SelfAssessModal } from './self-assess-modal';

/**
 * One registration as followed during the year: its actions with progress and check-ins, and the
 * year-end results. The buttons shown are those the server says this user may use.
 */
export function RegistrationView({ registration }: { registration: FollowupRegistration }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [checkInFor, setCheckInFor] = useState<FollowupAction | null>(null);
  const [assessing, setAssessing] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  const close = useClose();
  const title =
    registration.kind === 'collective' ? t('followup.collectiveOf', { unit: registration.unit.name }) : (registration.person?.name ?? '');

  const confirmClose = () =>
    modal.confirm({
      title: t('followup.close.title'),
      content: t('followup.close.content'),
      okText: t('followup.close.ok'),
      cancelText: t('common.cancel'),
      onOk: () =>
        close.mutateAsync({ id: registration.id, version: registration.version }).then(
          () => void message.success(t('followup.close.done')),
          (error: unknown) => void message.error(describeError(error, t)),
        ),
    });

  return (
    <Card
      title={
        <Space wrap>
          <span>{title}</span>
          <StatusTag status={registration.status} />
          {registration.isLeader ? <Tag color="gold">{t('followup.leader')}</Tag> : null}
        </Space>
      }
      extra={
        <Space wrap>
          {registration.canSelfAssess ? (
            <Button icon={<EditOutlined />} onClick={() => setAssessing(true)} data-testid="self-assess-open">
              {t('followup.selfAssess.open')}
            </Button>
          ) : null}
          {registration.canReview ? (
            <Button type="primary" onClick={() => setReviewing(true)} data-testid="review-open">
              {t('followup.review.open')}
            </Button>
          ) : null}
          {registration.canClose ? (
            <Button icon={<CheckCircleOutlined />} onClick={confirmClose} data-testid="close-open">
              {t('followup.close.ok')}
            </Button>
          ) : null}
        </Space>
      }
      className="block-gap-bottom"
      data-testid={`registration-${registration.id}`}
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }} className="block-gap-bottom">
        <Descriptions.Item label={t('followup.fields.unit')}>{registration.unit.name}</Descriptions.Item>
        <Descriptions.Item label={t('followup.fields.year')}>{registration.year}</Descriptions.Item>
        <Descriptions.Item label={t('followup.fields.lastCheckIn')}>{formatDate(registration.lastCheckInAt)}</Descriptions.Item>
        {registration.shortcomings ? (
          <Descriptions.Item label={t('followup.fields.shortcomings')} span={2}>
            {registration.shortcomings}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <List
        itemLayout="vertical"
        dataSource={registration.actions}
        locale={{ emptyText: <Empty description={t('followup.noActions')} /> }}
        renderItem={(action) => (
          <List.Item
            key={action.id}
            data-testid={`action-${action.position}`}
            extra={
              registration.canCheckIn ? (
                <Button onClick={() => setCheckInFor(action)} data-testid={`check-in-open-${action.position}`}>
                  {t('followup.checkIn.open')}
                </Button>
              ) : null
            }
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <span>
                    {action.position}. {action.content}
                  </span>
                  <Tag>{t(`followup.areas.${action.area}`)}</Tag>
                  {action.selfLevel ? <LevelTag level={action.selfLevel} /> : null}
                </Space>
              }
              description={
                <span>
                  {action.measurableResult ? `${t('followup.fields.result')}: ${action.measurableResult}. ` : ''}
                  {action.deadline ? `${t('followup.fields.deadline')}: ${formatDate(action.deadline)}` : ''}
                </span>
              }
            />
            <Progress percent={action.progressPercent} size="small" aria-label={t('followup.checkIn.progress')} />
            {action.checkIns.length ? (
              <Timeline
                className="followup-timeline"
                items={action.checkIns.slice(0, 5).map((checkIn) => ({
                  key: checkIn.id,
                  children: (
                    <span>
                      <Typography.Text type="secondary">{formatDate(checkIn.checkedOn)}</Typography.Text> — {checkIn.progressPercent}% —{' '}
                      {checkIn.note}
                      {checkIn.files.map((file) => (
                        <a key={file.id} href={`/api/files/${file.id}`} className="followup-file">
                          <PaperClipOutlined /> {file.name}
                        </a>
                      ))}
                    </span>
                  ),
                }))}
              />
            ) : (
              <Typography.Text type="secondary">{t('followup.noCheckIns')}</Typography.Text>
            )}
          </List.Item>
        )}
      />
      {registration.selfLevel || registration.reviewLevel ? (
        <Descriptions size="small" column={1} bordered className="study-gap-top">
          <Descriptions.Item label={t('followup.fields.selfAssessment')}>
            <LevelTag level={registration.selfLevel} /> {registration.selfExplanation}
          </Descriptions.Item>
          <Descriptions.Item label={t('followup.fields.review')}>
            <LevelTag level={registration.reviewLevel} /> {registration.reviewComment}
            {registration.reviewedAt ? (
              <Typography.Text type="secondary">
                {' '}
                ({registration.reviewerName}, {formatDate(registration.reviewedAt)})
              </Typography.Text>
            ) : null}
          </Descriptions.Item>
        </Descriptions>
      ) : null}
      {checkInFor ? <CheckInModal registration={registration} action={checkInFor} onClose={() => setCheckInFor(null)} /> : null}
      {assessing ? <SelfAssessModal registration={registration} onClose={() => setAssessing(false)} /> : null}
      {reviewing ? <ReviewModal registration={registration} onClose={() => setReviewing(false)} /> : null}
    </Card>
  );
}
