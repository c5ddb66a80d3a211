import { App, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { type CompletionLevel, type FollowupRegistration, useSelfAssess } from './followup.api';
import { COMPLETION_LEVELS } from './followup-labels';

type Values = { selfLevel: CompletionLevel; selfExplanation: string; actions: Array<{ level: CompletionLevel; note?: string }> };

/** The year-end self-assessment: a level for each action, then the whole registration with an explanation. */
export function SelfAssessModal({ registration, onClose }: { registration: FollowupRegistration; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const selfAssess = useSelfAssess(registration.id);
  const levelOptions = COMPLETION_LEVELS.map((level) => ({ value: level, label: t(`followup.levels.${level}`) }));

  return (
    <FormModal
      open
      title={t('followup.selfAssess.title', { year: registration.year })}
      formId="self-assess-form"
      okText={t('followup.selfAssess.save')}
      pending={selfAssess.isPending}
      error={selfAssess.error}
      onCancel={onClose}
      width={760}
    >
      <Form<Values>
        id="self-assess-form"
        form={form}
        layout="vertical"
        initialValues={{ actions: registration.actions.map(() => ({ level: undefined, note: '' })) }}
        onFinish={(values) =>
          selfAssess.mutate(
            {
              version: registration.version,
              selfLevel: values.selfLevel,
              selfExplanation: values.selfExplanation,
              actions: registration.actions.map((action, index) => ({
                actionId: action.id,
                level: values.actions[index]!.level,
                note: values.actions[index]!.note || null,
              })),
            },
            {
              onSuccess: () => {
                void message.success(t('followup.selfAssess.saved'));
                onClose();
              },
            },
          )
        }
      >
        {registration.actions.map((action, index) => (
          <div key={action.id} className="followup-assess-action">
            <strong>
              {action.position}. {action.content}
            </strong>
            <div className="followup-assess-row">
              <Form.Item
                name={['actions', index, 'level']}
                label={t('followup.selfAssess.actionLevel')}
                rules={[{ required: true, message: t('followup.selfAssess.levelRequired') }]}
              >
                <Select options={levelOptions} className="followup-level-select" data-testid={`self-level-${index}`} />
              </Form.Item>
              <Form.Item name={['actions', index, 'note']} label={t('followup.selfAssess.actionNote')} className="followup-grow">
                <Input maxLength={2000} />
              </Form.Item>
            </div>
          </div>
        ))}
        <Form.Item
          name="selfLevel"
          label={t('followup.selfAssess.overall')}
          rules={[{ required: true, message: t('followup.selfAssess.levelRequired') }]}
        >
          <Select options={levelOptions} className="followup-level-select" data-testid="self-level-overall" />
        </Form.Item>
        <Form.Item
          name="selfExplanation"
          label={t('followup.selfAssess.explanation')}
          rules={[{ required: true, whitespace: true, message: t('followup.selfAssess.explanationRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={4000} showCount data-testid="self-explanation" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
