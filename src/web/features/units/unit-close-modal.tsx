import { Alert, App, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Unit, UnitDetail } from '../../../shared/contracts/units';
import { EffectiveDateField } from '../../components/form-bits';
import { FormModal } from '../../components/form-modal';
import { toApiDate } from '../../lib/format';
import { useCloseUnit } from './units.api';

interface Values {
  effectiveDate?: Dayjs;
}

interface UnitCloseModalProps {
  unit: UnitDetail;
  open: boolean;
  onClose: () => void;
  onDone: (unit: Unit) => void;
}

/** Ending a unit cannot be undone from the screen, so it asks twice. */
export function UnitCloseModal({ unit, open, onClose, onDone }: UnitCloseModalProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const closeUnit = useCloseUnit();

  const close = () => {
    closeUnit.reset();
    onClose();
  };

  const submit = (values: Values) => {
    modal.confirm({
      title: t('units.close.confirmTitle', { name: unit.name }),
      content: t('units.close.confirm'),
      okText: t('units.close.ok'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        closeUnit.mutateAsync({ id: unit.id, version: unit.version, effectiveDate: toApiDate(values.effectiveDate) }).then(
          (closed) => {
            void message.success(t('units.messages.closed', { name: closed.name }));
            closeUnit.reset();
            onDone(closed);
          },
          // The refusal is shown in the dialog below; only the confirmation closes.
          () => undefined,
        ),
    });
  };

  return (
    <FormModal
      open={open}
      title={t('units.actions.close')}
      formId="unit-close"
      okText={t('units.close.ok')}
      danger
      pending={closeUnit.isPending}
      error={closeUnit.error}
      onCancel={close}
    >
      <Alert
        type="warning"
        showIcon
        title={t('units.close.warningTitle')}
        description={t('units.close.warning')}
        className="block-gap-bottom"
      />
      <Form<Values> id="unit-close" layout="vertical" onFinish={submit} disabled={closeUnit.isPending}>
        <Form.Item label={t('units.fields.unit')}>
          <Input value={`${unit.name} (${unit.code})`} disabled />
        </Form.Item>
        <EffectiveDateField label={t('units.close.date')} />
      </Form>
    </FormModal>
  );
}
