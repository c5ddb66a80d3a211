import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AttachmentsField } from '../../components/attachments-field';
import { FormModal } from '../../components/form-modal';
import { DATE_FORMAT, fromApiDate, toApiDate } from '../../lib/format';
import type { FileSummary } from '../../../shared/contracts/files';
import { type ModelAdoptionView, uploadAdoptionFile, useSaveAdoption } from './spread.api';

interface Values {
  adoptedOn: Dayjs;
  note: string;
}

const FORM_ID = 'model-adoption-form';

/** A unit records (or corrects) that it took a commended model up: when, how, and its evidence. */
export function ModelAdoptionModal({
  unit,
  nominationId,
  adoption,
  onClose,
}: {
  unit: { id: number; name: string };
  nominationId: number;
  adoption: ModelAdoptionView | null;
  onClose: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveAdoption();
  const [files, setFiles] = useState<FileSummary[]>(adoption?.files ?? []);
  const submit = (values: Values) =>
    save.mutate(
      {
        nominationId,
        adoption,
        unitId: unit.id,
        input: { adoptedOn: toApiDate(values.adoptedOn) ?? '', note: values.note.trim(), fileIds: files.map((file) => file.id) },
      },
      { onSuccess: () => onClose(true) },
    );
  return (
    <FormModal
      open
      title={adoption ? t('commendations.adoption.editTitle') : t('commendations.adoption.adoptTitle', { unit: unit.name })}
      formId={FORM_ID}
      okText={t('common.save')}
      pending={save.isPending}
      error={save.error}
      onCancel={() => onClose(false)}
    >
      <Form<Values>
        id={FORM_ID}
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ adoptedOn: fromApiDate(adoption?.adoptedOn) ?? dayjs(), note: adoption?.note ?? '' }}
      >
        <Form.Item
          name="adoptedOn"
          label={t('commendations.adoption.adoptedOn')}
          rules={[{ required: true, message: t('commendations.adoption.dateRequired') }]}
        >
          <DatePicker format={DATE_FORMAT} disabledDate={(day) => day.isAfter(dayjs(), 'day')} data-testid="adoption-date" />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('commendations.adoption.note')}
          extra={t('commendations.adoption.noteHelp')}
          rules={[{ required: true, whitespace: true, message: t('commendations.adoption.noteRequired') }, { max: 5000 }]}
        >
          <Input.TextArea rows={4} data-testid="adoption-note" />
        </Form.Item>
        <Form.Item label={t('commendations.adoption.files')}>
          <AttachmentsField
            value={files}
            onChange={setFiles}
            upload={(file) => uploadAdoptionFile(adoption?.unit.id ?? unit.id, file)}
            buttonLabel={t('commendations.adoption.upload')}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
