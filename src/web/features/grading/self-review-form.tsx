import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, type ButtonProps, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { MutationErrorAlert } from '../../components/form-bits';
import { useIsPhone } from '../../lib/use-is-phone';
import { type Grade, type GradingView, useSaveSelfReview } from './grading.api';
import { useGradingLabels } from './grading-labels';
import { fromSheet, SheetFields, type SheetValues, toSheet } from './sheet-fields';

type Values = SheetValues & { strengths: string; shortcomings: string; remedies: string; selfGrade?: Grade };

/**
 * The self-review (bản tự kiểm điểm) of a member or of a collective: strengths, shortcomings and
 * remedies, the self-scored sheet and the grade one claims. "Lưu nháp" keeps it; sending saves and
 * sends it to the grading level in one call, after a confirmation. One column on a phone.
 */
export function SelfReviewForm({ grading, onSaved }: { grading: GradingView; onSaved?: (view: GradingView, submitted: boolean) => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const labels = useGradingLabels();
  const isPhone = useIsPhone();
  const save = useSaveSelfReview();
  const [form] = Form.useForm<Values>();
  const { rule, subject, selfReview } = grading;
  const confirmButton: ButtonProps & { 'data-testid': string } = { 'data-testid': 'self-review-confirm' };
  const sendLabel = subject === 'member' ? t('grading.self.sendToCell') : t('grading.self.sendToLevel');

  const run = (values: Values, submit: boolean) =>
    save
      .mutateAsync({
        id: grading.id,
        version: grading.version,
        strengths: values.strengths ?? '',
        shortcomings: values.shortcomings ?? '',
        remedies: values.remedies ?? '',
        ...toSheet(values, rule, subject),
        selfGrade: values.selfGrade!,
        submit,
      })
      .then(
        (view) => {
          void message.success(submit ? t('grading.self.sent') : t('grading.self.saved'));
          onSaved?.(view, submit);
        },
        // The refusal is shown above the buttons, the form keeps what was typed.
        () => undefined,
      );

  const start = (submit: boolean) =>
    form.validateFields().then(
      (values) => {
        if (!submit) return run(values, false);
        if (!values.strengths?.trim()) {
          form.setFields([{ name: 'strengths', errors: [t('grading.self.strengthsRequired')] }]);
          return undefined;
        }
        modal.confirm({
          title: t('grading.self.confirmTitle'),
          content: t('grading.self.confirmContent', {
            grade: labels.grade(values.selfGrade!),
            to: grading.decidingUnitName ?? grading.unit.name,
          }),
          okText: sendLabel,
          cancelText: t('common.cancel'),
          okButtonProps: confirmButton,
          onOk: () => run(values, true),
        });
        return undefined;
      },
      // Field errors are shown beside the fields.
      () => undefined,
    );

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      className="grading-self-form"
      data-testid="self-review-form"
      initialValues={{
        strengths: selfReview.strengths,
        shortcomings: selfReview.shortcomings,
        remedies: selfReview.remedies,
        selfGrade: selfReview.grade ?? undefined,
        ...fromSheet(selfReview.scores, selfReview.conditions, rule, subject),
      }}
    >
      <Form.Item name="strengths" label={t('grading.fields.strengths')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={8000} showCount data-testid="self-strengths" />
      </Form.Item>
      <Form.Item name="shortcomings" label={t('grading.fields.shortcomings')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={8000} showCount data-testid="self-shortcomings" />
      </Form.Item>
      <Form.Item name="remedies" label={t('grading.fields.remedies')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={8000} showCount data-testid="self-remedies" />
      </Form.Item>
      <SheetFields rule={rule} subject={subject} campaign={grading.campaign} testIdPrefix="self" title={t('grading.sheet.criteria')} />
      <Form.Item
        name="selfGrade"
        label={t('grading.fields.selfGrade')}
        rules={[{ required: true, message: t('grading.self.gradeRequired') }]}
      >
        <Select<Grade>
          options={labels.gradeOptions()}
          style={{ width: '100%', maxWidth: isPhone ? undefined : 420 }}
          data-testid="self-grade-select"
        />
      </Form.Item>
      <MutationErrorAlert error={save.error} />
      <Space direction={isPhone ? 'vertical' : 'horizontal'} style={isPhone ? { width: '100%' } : undefined} wrap>
        <Button
          icon={<SaveOutlined />}
          block={isPhone}
          loading={save.isPending}
          onClick={() => void start(false)}
          data-testid="self-review-save"
        >
          {t('grading.self.saveDraft')}
        </Button>
        <Button
          type="primary"
          icon={<SendOutlined />}
          block={isPhone}
          loading={save.isPending}
          onClick={() => void start(true)}
          data-testid="self-review-submit"
        >
          {sendLabel}
        </Button>
      </Space>
    </Form>
  );
}
