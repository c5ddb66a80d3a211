import { App, type ButtonProps, DatePicker, Form, Input, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { DATE_FORMAT, toApiDate } from '../../lib/format';
import { type InspectionDetail, type Seriousness, useCancelInspection, useConcludeInspection, useStartInspection } from './inspections.api';
import { formatPeriod, useInspectionLabels } from './inspection-labels';

/**
 * Starts carrying the inspection out. The team may first ask the unit for its self-report: the
 * unit then finds a report to send by that day on its "Báo cáo định kỳ" page.
 */
export function StartModal({ inspection, onClose }: { inspection: InspectionDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const start = useStartInspection();
  const [form] = Form.useForm<{ selfReportDeadline?: Dayjs | null }>();
  const verb = inspection.kind === 'inspection' ? t('inspections.verbs.inspection') : t('inspections.verbs.supervision');
  return (
    <FormModal
      open
      title={t('inspections.start.title', { title: inspection.title })}
      formId="inspection-start-form"
      okText={t('inspections.actions.start')}
      pending={start.isPending}
      error={start.error}
      onCancel={onClose}
    >
      <Typography.Paragraph>
        {t('inspections.start.intro', {
          verb,
          unit: inspection.unit.name,
          period: formatPeriod(inspection.startsOn, inspection.endsOn),
        })}
      </Typography.Paragraph>
      <Form
        id="inspection-start-form"
        form={form}
        layout="vertical"
        onFinish={({ selfReportDeadline }) =>
          start.mutate(
            { id: inspection.id, version: inspection.version, selfReportDeadline: toApiDate(selfReportDeadline) ?? null },
            {
              onSuccess: () => {
                void message.success(t('inspections.start.done'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item name="selfReportDeadline" label={t('inspections.start.selfReport')} extra={t('inspections.start.selfReportHelp')}>
          <DatePicker
            format={DATE_FORMAT}
            placeholder={t('common.datePlaceholder')}
            disabledDate={(day) => day.isBefore(dayjs(), 'day')}
            style={{ width: '100%' }}
            data-testid="inspection-self-report-deadline"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

type ConcludeValues = { conclusion: string; seriousness: Seriousness; number?: string };

/** The conclusion: what the level concludes, how serious, and the notice's number; each shortcoming becomes a remedy. */
export function ConcludeModal({ inspection, onClose }: { inspection: InspectionDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useInspectionLabels();
  const conclude = useConcludeInspection();
  const [form] = Form.useForm<ConcludeValues>();
  const shortcomings = inspection.findingItems.filter((finding) => finding.kind === 'shortcoming').length;
  return (
    <FormModal
      open
      title={t('inspections.conclude.title', { title: inspection.title })}
      formId="inspection-conclude-form"
      okText={t('inspections.actions.conclude')}
      pending={conclude.isPending}
      error={conclude.error}
      onCancel={onClose}
      width={720}
    >
      <Typography.Paragraph>
        {shortcomings > 0
          ? t('inspections.conclude.remediesWillOpen', { count: shortcomings, unit: inspection.unit.name })
          : t('inspections.conclude.noShortcomings')}
      </Typography.Paragraph>
      <Form<ConcludeValues>
        id="inspection-conclude-form"
        form={form}
        layout="vertical"
        initialValues={{ seriousness: shortcomings > 0 ? undefined : 'good' }}
        onFinish={(values) =>
          conclude.mutate(
            {
              id: inspection.id,
              version: inspection.version,
              conclusion: values.conclusion.trim(),
              seriousness: values.seriousness,
              number: values.number?.trim() || null,
            },
            {
              onSuccess: () => {
                void message.success(t('inspections.conclude.done'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="conclusion"
          label={t('inspections.fields.conclusion')}
          extra={t('inspections.conclude.conclusionHelp')}
          rules={[{ required: true, whitespace: true, message: t('inspections.conclude.conclusionRequired') }, { max: 8000 }]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} data-testid="inspection-conclusion" />
        </Form.Item>
        <Form.Item
          name="seriousness"
          label={t('inspections.fields.seriousness')}
          rules={[{ required: true, message: t('inspections.conclude.seriousnessRequired') }]}
        >
          <Radio.Group className="inspection-radios" options={labels.seriousnessOptions()} data-testid="inspection-seriousness" />
        </Form.Item>
        <Form.Item name="number" label={t('inspections.fields.number')} extra={t('inspections.conclude.numberHelp')} rules={[{ max: 40 }]}>
          <Input placeholder="12-TB/UBKT" data-testid="inspection-number" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** Cancels an inspection that will not be carried out: the reason is kept in its history. */
export function CancelModal({ inspection, onClose }: { inspection: InspectionDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const cancel = useCancelInspection();
  const [form] = Form.useForm<{ reason: string }>();
  const confirmButton: ButtonProps & { 'data-testid': string } = { danger: true, 'data-testid': 'inspection-cancel-confirm' };
  const submit = ({ reason }: { reason: string }) =>
    modal.confirm({
      title: t('inspections.cancel.confirmTitle'),
      content: t('inspections.cancel.confirmContent', { title: inspection.title }),
      okText: t('inspections.cancel.confirm'),
      cancelText: t('inspections.cancel.keep'),
      okButtonProps: confirmButton,
      onOk: () =>
        cancel.mutateAsync({ id: inspection.id, version: inspection.version, reason: reason.trim() }).then(
          () => {
            void message.success(t('inspections.cancel.done'));
            onClose();
          },
          // Shown in the dialog, which stays open.
          () => undefined,
        ),
    });
  return (
    <FormModal
      open
      title={t('inspections.cancel.title', { title: inspection.title })}
      formId="inspection-cancel-form"
      okText={t('inspections.actions.cancel')}
      pending={cancel.isPending}
      error={cancel.error}
      onCancel={onClose}
      danger
    >
      <Form id="inspection-cancel-form" form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('inspections.fields.cancelReason')}
          rules={[{ required: true, whitespace: true, message: t('inspections.cancel.reasonRequired') }, { max: 1000 }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} data-testid="inspection-cancel-reason" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
