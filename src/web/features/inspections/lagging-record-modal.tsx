import { App, Checkbox, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { LAGGING_ACTION_LABELS, LAGGING_ACTIONS, type LaggingAction } from '../../../shared/contracts/inspections';
import { type LaggingReasonCode, type LaggingUnit, useRecordLaggingAction } from './lagging.api';

type Values = { action: LaggingAction; note: string; reasons: LaggingReasonCode[] };

/** Putting a unit into the inspection plan has its own button (and records itself); the other handlings are written here. */
const RECORDED_HERE = LAGGING_ACTIONS.filter((action) => action !== 'inspection');

/** What the level did about a lagging unit below it: how, what exactly, and about which of its reasons (all ticked at first). */
export function LaggingRecordModal({
  byUnitId,
  year,
  item,
  onClose,
}: {
  byUnitId: number;
  year: number;
  item: LaggingUnit;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mutation = useRecordLaggingAction();
  const [form] = Form.useForm<Values>();
  return (
    <FormModal
      open
      title={t('lagging.record.title', { unit: item.unit.name })}
      formId="lagging-record-form"
      okText={t('lagging.record.submit')}
      pending={mutation.isPending}
      error={mutation.error}
      onCancel={onClose}
    >
      <Form<Values>
        id="lagging-record-form"
        form={form}
        layout="vertical"
        initialValues={{ reasons: item.reasons.map((reason) => reason.code) }}
        onFinish={(values) =>
          mutation.mutate(
            { unitId: item.unit.id, byUnitId, year, action: values.action, note: values.note.trim(), reasons: values.reasons ?? [] },
            {
              onSuccess: () => {
                void message.success(t('lagging.record.saved', { unit: item.unit.name }));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="action"
          label={t('lagging.record.action')}
          rules={[{ required: true, message: t('lagging.record.actionRequired') }]}
        >
          <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }} data-testid="lagging-record-kind">
            {RECORDED_HERE.map((action) => (
              <Radio key={action} value={action} data-testid={`lagging-record-kind-${action}`}>
                {LAGGING_ACTION_LABELS[action]}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="note"
          label={t('lagging.record.note')}
          extra={t('lagging.record.noteHelp')}
          rules={[{ required: true, whitespace: true, message: t('lagging.record.noteRequired') }, { max: 2000 }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} data-testid="lagging-record-note" />
        </Form.Item>
        {item.reasons.length ? (
          <Form.Item name="reasons" label={t('lagging.record.reasons')}>
            <Checkbox.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
              options={item.reasons.map((reason) => ({ value: reason.code, label: reason.text }))}
              data-testid="lagging-record-reasons"
            />
          </Form.Item>
        ) : null}
      </Form>
    </FormModal>
  );
}
