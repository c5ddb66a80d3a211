import { App, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AttachmentsField } from '../../components/attachments-field';
import { FormModal } from '../../components/form-modal';
import { formatDate } from '../../lib/format';
import type { FileSummary } from '../../../shared/contracts/files';
import { type RemedyItem, uploadInspectionFile, useRemedyStep } from './inspections.api';

export type RemedyAction = 'report' | 'accept' | 'return';

/** The dialog of one step on a remedy. */
export function RemedyActionModal({ remedy, action, onClose }: { remedy: RemedyItem; action: RemedyAction; onClose: () => void }) {
  switch (action) {
    case 'report':
      return <ReportModal remedy={remedy} onClose={onClose} />;
    case 'accept':
    case 'return':
      return <ReviewModal remedy={remedy} step={action} onClose={onClose} />;
  }
}

/** What the remedy asks for, above each of its dialogs. */
function RemedyAsked({ remedy }: { remedy: RemedyItem }) {
  const { t } = useTranslation();
  return (
    <div className="inspection-remedy-box block-gap-bottom">
      <div>
        <Typography.Text strong>{t('inspections.fields.remedy')}: </Typography.Text>
        {remedy.what}
      </div>
      <div>
        <Typography.Text strong>{t('inspections.fields.dueOn')}: </Typography.Text>
        {formatDate(remedy.dueOn)}
      </div>
      <div className="inspection-secondary">{t('inspections.remedies.finding', { text: remedy.finding })}</div>
    </div>
  );
}

/** The inspected unit reports what it did, with its evidence (filed on that unit). */
function ReportModal({ remedy, onClose }: { remedy: RemedyItem; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const step = useRemedyStep();
  const [form] = Form.useForm<{ report: string }>();
  const [files, setFiles] = useState<FileSummary[]>(remedy.files);
  return (
    <FormModal
      open
      title={t('inspections.remedies.reportTitle')}
      formId="remedy-report-form"
      okText={t('inspections.remedies.sendReport')}
      pending={step.isPending}
      error={step.error}
      onCancel={onClose}
      width={680}
    >
      <RemedyAsked remedy={remedy} />
      <Form
        id="remedy-report-form"
        form={form}
        layout="vertical"
        initialValues={{ report: remedy.report ?? '' }}
        onFinish={({ report }) =>
          step.mutate(
            { step: 'report', id: remedy.id, version: remedy.version, report: report.trim(), fileIds: files.map((file) => file.id) },
            {
              onSuccess: () => {
                void message.success(t('inspections.remedies.reported'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="report"
          label={t('inspections.remedies.whatWasDone')}
          extra={t('inspections.remedies.whatWasDoneHelp')}
          rules={[{ required: true, whitespace: true, message: t('inspections.remedies.reportRequired') }, { max: 4000 }]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} data-testid="remedy-report-text" />
        </Form.Item>
        <Form.Item label={t('inspections.fields.evidence')} extra={t('inspections.remedies.evidenceHelp')}>
          <AttachmentsField
            value={files}
            onChange={setFiles}
            upload={(file) => uploadInspectionFile(remedy.unit.id, 'remedy', file)}
            buttonLabel={t('inspections.files.upload')}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** The inspecting level accepts the remedy as done (a note is optional) or returns it (the reason is required). */
function ReviewModal({ remedy, step: kind, onClose }: { remedy: RemedyItem; step: 'accept' | 'return'; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const step = useRemedyStep();
  const [form] = Form.useForm<{ text?: string }>();
  const accepting = kind === 'accept';
  const formId = `remedy-${kind}-form`;
  return (
    <FormModal
      open
      title={accepting ? t('inspections.remedies.acceptTitle') : t('inspections.remedies.returnTitle')}
      formId={formId}
      okText={accepting ? t('inspections.remedies.actions.accept') : t('inspections.remedies.actions.return')}
      pending={step.isPending}
      error={step.error}
      onCancel={onClose}
      danger={!accepting}
    >
      <RemedyAsked remedy={remedy} />
      {remedy.report ? (
        <div className="block-gap-bottom">
          <Typography.Text strong>{t('inspections.remedies.unitReported', { unit: remedy.unit.name })}</Typography.Text>
          <Typography.Paragraph className="inspection-text">{remedy.report}</Typography.Paragraph>
        </div>
      ) : null}
      <Form
        id={formId}
        form={form}
        layout="vertical"
        onFinish={({ text }) =>
          step.mutate(
            accepting
              ? { step: 'accept', id: remedy.id, version: remedy.version, note: text?.trim() || null }
              : { step: 'return', id: remedy.id, version: remedy.version, reason: text?.trim() ?? '' },
            {
              onSuccess: () => {
                void message.success(accepting ? t('inspections.remedies.accepted') : t('inspections.remedies.returned'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="text"
          label={accepting ? t('inspections.remedies.acceptNote') : t('inspections.fields.reason')}
          extra={accepting ? undefined : t('inspections.remedies.returnHelp')}
          rules={
            accepting
              ? [{ max: 1000 }]
              : [{ required: true, whitespace: true, message: t('inspections.remedies.reasonRequired') }, { max: 1000 }]
          }
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid={`remedy-${kind}-text`} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
