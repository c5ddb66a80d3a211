import { App, DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { DATE_FORMAT, toApiDate } from '../../lib/format';
import { type StandardVersion, useAdoptDraft } from './standards.api';

interface AdoptModalProps {
  draft: StandardVersion;
  /** The version in force, which the adoption supersedes. */
  current: StandardVersion | null;
  onClose: () => void;
}

/** Adoption cannot be undone, so it asks for the date, then for a confirmation. */
export function AdoptModal({ draft, current, onClose }: AdoptModalProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const adopt = useAdoptDraft();

  const submit = (values: { adoptedOn: Dayjs }) => {
    modal.confirm({
      title: t('standards.adopt.confirmTitle', { number: draft.versionNumber }),
      content: current ? t('standards.adopt.confirmReplace', { previous: current.versionNumber }) : t('standards.adopt.confirm'),
      okText: t('standards.adopt.ok'),
      cancelText: t('common.cancel'),
      onOk: () =>
        adopt.mutateAsync({ id: draft.id, version: draft.version, adoptedOn: toApiDate(values.adoptedOn)! }).then(
          (adopted) => {
            void message.success(t('standards.adopt.done', { number: adopted.versionNumber }));
            onClose();
          },
          // The refusal shows in the dialog; only the confirmation closes.
          () => undefined,
        ),
    });
  };

  return (
    <FormModal
      open
      title={t('standards.adopt.title', { number: draft.versionNumber })}
      formId="standards-adopt"
      okText={t('standards.adopt.ok')}
      pending={adopt.isPending}
      error={adopt.error}
      onCancel={onClose}
    >
      <Form<{ adoptedOn: Dayjs }> id="standards-adopt" layout="vertical" onFinish={submit} initialValues={{ adoptedOn: dayjs() }}>
        <Form.Item
          name="adoptedOn"
          label={t('standards.adopt.date')}
          extra={t('standards.adopt.dateHelp')}
          rules={[{ required: true, message: t('standards.adopt.dateRequired') }]}
        >
          <DatePicker
            format={DATE_FORMAT}
            placeholder={t('common.datePlaceholder')}
            style={{ width: '100%' }}
            disabledDate={(date) =>
              date.isAfter(dayjs(), 'day') || (current?.adoptedOn ? date.isBefore(dayjs(current.adoptedOn), 'day') : false)
            }
            data-testid="standards-adopt-date"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
