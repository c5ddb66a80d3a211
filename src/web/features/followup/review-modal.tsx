import { App, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { type CompletionLevel, type FollowupRegistration, useReview } from './followup.api';
import { COMPLETION_LEVELS, LevelTag } from './followup-labels';

/** The cell's assessment of a self-assessed registration, kept for the yearly grading of members. */
export function ReviewModal({ registration, onClose }: { registration: FollowupRegistration; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reviewLevel: CompletionLevel; reviewComment: string }>();
  const review = useReview(registration.id);
  return (
    <FormModal
      open
      title={t('followup.review.title', { name: registration.person?.name ?? registration.unit.name })}
      formId="review-form"
      okText={t('followup.review.save')}
      pending={review.isPending}
      error={review.error}
      onCancel={onClose}
    >
      <p>
        {t('followup.review.selfWas')} <LevelTag level={registration.selfLevel} /> {registration.selfExplanation}
      </p>
      <Form
        id="review-form"
        form={form}
        layout="vertical"
        onFinish={(values) =>
          review.mutate(
            { version: registration.version, ...values },
            {
              onSuccess: () => {
                void message.success(t('followup.review.saved'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="reviewLevel"
          label={t('followup.review.level')}
          rules={[{ required: true, message: t('followup.selfAssess.levelRequired') }]}
        >
          <Select
            options={COMPLETION_LEVELS.map((level) => ({ value: level, label: t(`followup.levels.${level}`) }))}
            className="followup-level-select"
            data-testid="review-level"
          />
        </Form.Item>
        <Form.Item
          name="reviewComment"
          label={t('followup.review.comment')}
          rules={[{ required: true, whitespace: true, message: t('followup.review.commentRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={4000} showCount data-testid="review-comment" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
