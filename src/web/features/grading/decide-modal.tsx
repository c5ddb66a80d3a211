import { App, type ButtonProps, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { type Grade, type GradingView, useDecide } from './grading.api';
import { useGradingLabels } from './grading-labels';

type Values = { grade?: Grade; note?: string };

/** The deciding level's decision on one grading: the grade proposed unless it chooses another, after a confirmation. */
export function DecideModal({ grading, onClose }: { grading: GradingView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const labels = useGradingLabels();
  const decide = useDecide();
  const [form] = Form.useForm<Values>();
  const proposed = grading.assessment.grade ?? grading.assessment.proposedGrade;
  const name = grading.person?.name ?? grading.unit.name;
  const confirmButton: ButtonProps & { 'data-testid': string } = { 'data-testid': 'decide-confirm' };

  const submit = (values: Values) =>
    modal.confirm({
      title: t('grading.decide.confirmTitle'),
      content: t('grading.decide.confirmContent', { name, grade: labels.grade(values.grade!) }),
      okText: t('grading.actions.decide'),
      cancelText: t('common.cancel'),
      okButtonProps: confirmButton,
      onOk: () =>
        decide.mutateAsync({ id: grading.id, version: grading.version, grade: values.grade!, note: values.note?.trim() || null }).then(
          () => {
            void message.success(t('grading.decide.done'));
            onClose();
          },
          // Shown in the dialog, which stays open.
          () => undefined,
        ),
    });

  return (
    <FormModal
      open
      title={t('grading.decide.title', { name })}
      formId="decide-form"
      okText={t('grading.actions.decide')}
      pending={decide.isPending}
      error={decide.error}
      onCancel={onClose}
    >
      <div data-testid="decide-modal">
        {proposed ? (
          <Typography.Paragraph type="secondary">{t('grading.decide.proposed', { grade: labels.grade(proposed) })}</Typography.Paragraph>
        ) : null}
        <Form<Values> id="decide-form" form={form} layout="vertical" onFinish={submit} initialValues={{ grade: proposed ?? undefined }}>
          <Form.Item
            name="grade"
            label={t('grading.fields.decidedGrade')}
            rules={[{ required: true, message: t('grading.self.gradeRequired') }]}
          >
            <Select<Grade> options={labels.gradeOptions()} data-testid="decide-grade-select" />
          </Form.Item>
          <Form.Item name="note" label={t('grading.fields.note')} rules={[{ max: 2000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="decide-note" />
          </Form.Item>
        </Form>
      </div>
    </FormModal>
  );
}
