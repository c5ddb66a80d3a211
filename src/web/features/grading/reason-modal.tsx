import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { type GradingView, useReasonStep } from './grading.api';

/** Returning a self-review to its writer, or reopening a decision: both say why, for the one who acts next. */
export function ReasonModal({ grading, step, onClose }: { grading: GradingView; step: 'return' | 'reopen'; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mutation = useReasonStep();
  const [form] = Form.useForm<{ reason: string }>();
  const name = grading.person?.name ?? grading.unit.name;
  return (
    <FormModal
      open
      title={step === 'return' ? t('grading.reason.returnTitle', { name }) : t('grading.reason.reopenTitle', { name })}
      formId="grading-reason-form"
      okText={t(`grading.actions.${step}`)}
      pending={mutation.isPending}
      error={mutation.error}
      onCancel={onClose}
      danger={step === 'return'}
    >
      <Form
        id="grading-reason-form"
        form={form}
        layout="vertical"
        onFinish={({ reason }) =>
          mutation.mutate(
            { id: grading.id, step, version: grading.version, reason: reason.trim() },
            {
              onSuccess: () => {
                void message.success(step === 'return' ? t('grading.reason.returned') : t('grading.reason.reopened'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="reason"
          label={t('grading.fields.reason')}
          extra={step === 'return' ? t('grading.reason.returnHelp') : t('grading.reason.reopenHelp')}
          rules={[{ required: true, whitespace: true, message: t('grading.reason.required') }, { max: 2000 }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} data-testid="grading-reason" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
