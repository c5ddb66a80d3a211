import { DatePicker, Form, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { DATE_FORMAT, fromApiDate, toApiDate } from '../../lib/format';
import { useMakeUp } from './study.api';

interface MakeUpModalProps {
  sessionId: number;
  sessionTitle: string;
  heldOn?: string;
  person: { id: number; name: string; madeUpOn?: string | null };
  onClose: () => void;
}

const FORM_ID = 'make-up-form';

/** Records that someone who missed a study session studied it later; its date counts for the year. */
export function MakeUpModal({ sessionId, sessionTitle, heldOn, person, onClose }: MakeUpModalProps) {
  const { t } = useTranslation();
  const makeUp = useMakeUp();
  const [form] = Form.useForm<{ madeUpOn: Dayjs | null }>();
  return (
    <FormModal
      open
      title={t('study.makeUp.title')}
      formId={FORM_ID}
      okText={t('study.makeUp.ok')}
      pending={makeUp.isPending}
      error={makeUp.error}
      onCancel={onClose}
    >
      <Typography.Paragraph>{t('study.makeUp.intro', { name: person.name, title: sessionTitle })}</Typography.Paragraph>
      <Form
        id={FORM_ID}
        form={form}
        layout="vertical"
        initialValues={{ madeUpOn: fromApiDate(person.madeUpOn) ?? dayjs() }}
        onFinish={(values) =>
          // Shown by the dialog's alert when refused; closed once saved.
          void makeUp
            .mutateAsync({ sessionId, personId: person.id, madeUpOn: toApiDate(values.madeUpOn) ?? null })
            .then(onClose, () => undefined)
        }
      >
        <Form.Item name="madeUpOn" label={t('study.makeUp.date')} extra={t('study.makeUp.help')}>
          <DatePicker
            format={DATE_FORMAT}
            allowClear
            style={{ width: '100%' }}
            disabledDate={(date) => date.isAfter(dayjs(), 'day') || (heldOn ? date.isBefore(dayjs(heldOn), 'day') : false)}
            data-testid="make-up-date"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
