import { EyeInvisibleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Drawer, Form, Input, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { QueryError } from '../../components/query-error';
import { formatDate, formatDateTime } from '../../lib/format';
import { useIsPhone } from '../../lib/use-is-phone';
import { FeedbackStatusTag } from './status-tag';
import { type FeedbackItem, useAnswerFeedback, useFeedbackItem, useHideFeedback } from './supervision.api';

/** One feedback item: who sent it (for the unit only), what it says, and the answer the public will read. */
export function FeedbackDrawer({ feedbackId, onClose }: { feedbackId: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const item = useFeedbackItem(feedbackId);
  const [hiding, setHiding] = useState(false);
  const data = item.data;
  return (
    <Drawer
      open={feedbackId !== null}
      onClose={onClose}
      size={isPhone ? 'default' : 'large'}
      title={t('supervision.drawerTitle')}
      destroyOnHidden
    >
      {item.isError ? <QueryError error={item.error} onRetry={() => void item.refetch()} compact /> : null}
      {item.isPending && feedbackId !== null ? <Spin /> : null}
      {data ? (
        <>
          <Descriptions column={1} bordered size="small" data-testid="feedback-details">
            <Descriptions.Item label={t('supervision.fields.status')}>
              <FeedbackStatusTag status={data.status} overdue={data.overdue} />
            </Descriptions.Item>
            <Descriptions.Item label={t('supervision.fields.unit')}>{data.unitName}</Descriptions.Item>
            <Descriptions.Item label={t('supervision.fields.createdAt')}>{formatDateTime(data.createdAt)}</Descriptions.Item>
            {data.status === 'new' ? (
              <Descriptions.Item label={t('supervision.fields.dueOn')}>{formatDate(data.dueOn)}</Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('supervision.fields.sender')}>{data.senderName ?? t('supervision.anonymous')}</Descriptions.Item>
            <Descriptions.Item label={t('supervision.fields.contact')}>{data.senderContact ?? '—'}</Descriptions.Item>
            {data.registrantName ? (
              <Descriptions.Item label={t('supervision.fields.registration')}>{data.registrantName}</Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('supervision.fields.body')}>
              <div className="supervision-pre-line">{data.body}</div>
            </Descriptions.Item>
            {data.status === 'hidden' ? (
              <Descriptions.Item label={t('supervision.fields.hiddenReason')}>{data.hiddenReason}</Descriptions.Item>
            ) : null}
            {data.answeredAt ? (
              <Descriptions.Item label={t('supervision.fields.answeredBy')}>
                {t('supervision.answeredBy', { name: data.answeredByName ?? '—', at: formatDateTime(data.answeredAt) })}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Alert type="info" showIcon className="supervision-gap-top" message={t('supervision.privacyNote')} />
          {data.status === 'hidden' ? (
            <Alert type="warning" showIcon className="supervision-gap-top" message={t('supervision.hiddenNote')} />
          ) : (
            <>
              <AnswerForm key={`${data.id}-${data.version}`} item={data} />
              <Space className="supervision-gap-top">
                <Button danger icon={<EyeInvisibleOutlined />} onClick={() => setHiding(true)} data-testid="feedback-hide">
                  {t('supervision.hide.action')}
                </Button>
              </Space>
            </>
          )}
          {hiding ? <HideModal item={data} onClose={() => setHiding(false)} /> : null}
        </>
      ) : null}
    </Drawer>
  );
}

function AnswerForm({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ answer: string }>();
  const answer = useAnswerFeedback();
  useEffect(() => form.setFieldsValue({ answer: item.answer ?? '' }), [form, item.answer]);
  const editing = item.status === 'answered';
  return (
    <Form
      form={form}
      layout="vertical"
      className="supervision-gap-top"
      initialValues={{ answer: item.answer ?? '' }}
      onFinish={(values) =>
        answer.mutate(
          { id: item.id, version: item.version, answer: values.answer },
          { onSuccess: () => void message.success(editing ? t('supervision.answer.edited') : t('supervision.answer.done')) },
        )
      }
    >
      {answer.isError ? <QueryError error={answer.error} compact /> : null}
      <Form.Item
        name="answer"
        label={editing ? t('supervision.answer.editLabel') : t('supervision.answer.label')}
        extra={t('supervision.answer.help')}
        rules={[
          { required: true, whitespace: true, message: t('supervision.answer.required') },
          { max: 3000, message: t('supervision.answer.tooLong') },
        ]}
      >
        <Input.TextArea rows={5} maxLength={3000} showCount data-testid="feedback-answer" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={answer.isPending} data-testid="feedback-answer-submit">
        {editing ? t('supervision.answer.saveEdit') : t('supervision.answer.submit')}
      </Button>
    </Form>
  );
}

function HideModal({ item, onClose }: { item: FeedbackItem; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const hide = useHideFeedback();
  return (
    <FormModal
      open
      title={t('supervision.hide.title')}
      formId="feedback-hide-form"
      okText={t('supervision.hide.ok')}
      pending={hide.isPending}
      error={hide.error}
      onCancel={onClose}
      danger
    >
      <Form<{ reason: string }>
        id="feedback-hide-form"
        layout="vertical"
        onFinish={(values) =>
          hide.mutate(
            { id: item.id, version: item.version, reason: values.reason },
            {
              onSuccess: () => {
                void message.success(t('supervision.hide.done'));
                onClose();
              },
            },
          )
        }
      >
        <p>{t('supervision.hide.content')}</p>
        <Form.Item
          name="reason"
          label={t('supervision.fields.hiddenReason')}
          rules={[{ required: true, whitespace: true, message: t('supervision.hide.required') }]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="feedback-hide-reason" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
