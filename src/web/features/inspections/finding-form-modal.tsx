import { App, DatePicker, Form, Input, Radio } from 'antd';
import { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AttachmentsField } from '../../components/attachments-field';
import { FormModal } from '../../components/form-modal';
import { DATE_FORMAT, fromApiDate, toApiDate } from '../../lib/format';
import type { FileSummary } from '../../../shared/contracts/files';
import { FINDING_KINDS, type FindingKind } from '../../../shared/contracts/inspections';
import { type FindingItem, type InspectionContent, type InspectionDetail, uploadInspectionFile, useSaveFinding } from './inspections.api';
import { useInspectionLabels } from './inspection-labels';

interface Values {
  content: InspectionContent;
  kind: FindingKind;
  text: string;
  remedy?: string;
  dueOn?: Dayjs | null;
}

const FORM_ID = 'finding-form';

/**
 * One result of the inspection on one content: a strength, or a shortcoming with what the unit must
 * fix and by when (it becomes a remedy the unit owes once the inspection is concluded). Evidence is
 * filed on the inspected unit.
 */
export function FindingFormModal({
  inspection,
  finding,
  onClose,
}: {
  inspection: InspectionDetail;
  finding: FindingItem | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useInspectionLabels();
  const save = useSaveFinding();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<FileSummary[]>(finding?.files ?? []);
  const kind = Form.useWatch('kind', form) ?? finding?.kind;
  const contents = inspection.contents;

  const submit = (values: Values) => {
    const shortcoming = values.kind === 'shortcoming';
    save.mutate(
      {
        id: inspection.id,
        findingId: finding?.id ?? null,
        version: inspection.version,
        finding: {
          content: values.content,
          kind: values.kind,
          text: values.text.trim(),
          remedy: shortcoming ? (values.remedy?.trim() ?? null) : null,
          dueOn: shortcoming ? (toApiDate(values.dueOn) ?? null) : null,
          fileIds: files.map((file) => file.id),
        },
      },
      {
        onSuccess: () => {
          void message.success(finding ? t('inspections.findings.saved') : t('inspections.findings.added'));
          onClose();
        },
      },
    );
  };

  return (
    <FormModal
      open
      title={finding ? t('inspections.findings.editTitle') : t('inspections.findings.addTitle', { unit: inspection.unit.name })}
      formId={FORM_ID}
      okText={finding ? t('common.save') : t('inspections.findings.add')}
      pending={save.isPending}
      error={save.error}
      onCancel={onClose}
      width={720}
    >
      <Form<Values>
        id={FORM_ID}
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          content: finding?.content ?? (contents.length === 1 ? contents[0] : undefined),
          kind: finding?.kind,
          text: finding?.text ?? '',
          remedy: finding?.remedy ?? '',
          dueOn: fromApiDate(finding?.dueOn) ?? null,
        }}
        data-testid="finding-form"
      >
        <Form.Item
          name="content"
          label={t('inspections.fields.findingContent')}
          rules={[{ required: true, message: t('inspections.findings.contentRequired') }]}
        >
          <Radio.Group
            className="inspection-radios"
            options={labels.contentOptions(finding && !contents.includes(finding.content) ? [...contents, finding.content] : contents)}
            data-testid="finding-content"
          />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('inspections.fields.findingKind')}
          rules={[{ required: true, message: t('inspections.findings.kindRequired') }]}
        >
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            size="large"
            options={FINDING_KINDS.map((value) => ({ value, label: labels.findingKind(value) }))}
            data-testid="finding-kind"
          />
        </Form.Item>
        <Form.Item
          name="text"
          label={kind === 'shortcoming' ? t('inspections.findings.textShortcoming') : t('inspections.findings.text')}
          rules={[{ required: true, whitespace: true, message: t('inspections.findings.textRequired') }, { max: 4000 }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} data-testid="finding-text" />
        </Form.Item>
        {kind === 'shortcoming' ? (
          <>
            <Form.Item
              name="remedy"
              label={t('inspections.fields.remedy')}
              extra={t('inspections.findings.remedyHelp')}
              rules={[{ required: true, whitespace: true, message: t('inspections.findings.remedyRequired') }, { max: 2000 }]}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} data-testid="finding-remedy" />
            </Form.Item>
            <Form.Item
              name="dueOn"
              label={t('inspections.fields.dueOn')}
              rules={[{ required: true, message: t('inspections.findings.dueRequired') }]}
            >
              <DatePicker
                format={DATE_FORMAT}
                placeholder={t('common.datePlaceholder')}
                style={{ width: '100%' }}
                data-testid="finding-due-on"
              />
            </Form.Item>
          </>
        ) : null}
        <Form.Item label={t('inspections.fields.evidence')} extra={t('inspections.findings.evidenceHelp')}>
          <AttachmentsField
            value={files}
            onChange={setFiles}
            upload={(file) => uploadInspectionFile(inspection.unit.id, 'inspection_finding', file)}
            buttonLabel={t('inspections.files.upload')}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
