import { App, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Unit, UnitDetail } from '../../../shared/contracts/units';
import { EffectiveDateField } from '../../components/form-bits';
import { FormModal } from '../../components/form-modal';
import { type UnitChoice, UnitTreeSelect } from '../../components/unit-tree-select';
import { toApiDate } from '../../lib/format';
import { useMoveUnit } from './units.api';

interface Values {
  parent: UnitChoice | null;
  effectiveDate?: Dayjs;
}

interface UnitMoveModalProps {
  unit: UnitDetail;
  open: boolean;
  onClose: () => void;
  onDone: (unit: Unit) => void;
}

export function UnitMoveModal({ unit, open, onClose, onDone }: UnitMoveModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const move = useMoveUnit();

  const close = () => {
    move.reset();
    onClose();
  };

  const submit = (values: Values) => {
    if (!values.parent) return;
    move.mutate(
      { id: unit.id, parentId: values.parent.value, version: unit.version, effectiveDate: toApiDate(values.effectiveDate) },
      {
        onSuccess: (moved) => {
          void message.success(t('units.messages.moved', { name: moved.name, parent: values.parent?.label ?? '' }));
          move.reset();
          onDone(moved);
        },
      },
    );
  };

  return (
    <FormModal
      open={open}
      title={t('units.actions.move')}
      formId="unit-move"
      okText={t('units.actions.moveOk')}
      pending={move.isPending}
      error={move.error}
      onCancel={close}
    >
      <Form<Values> id="unit-move" layout="vertical" onFinish={submit} disabled={move.isPending}>
        <Form.Item label={t('units.fields.unit')}>
          <Input value={unit.name} disabled />
        </Form.Item>
        <Form.Item label={t('units.fields.currentParent')}>
          <Input value={unit.parentName ?? '—'} disabled />
        </Form.Item>
        <Form.Item
          name="parent"
          label={t('units.fields.newParent')}
          extra={t('units.form.newParentHelp')}
          rules={[
            { required: true, message: t('units.form.newParentRequired') },
            {
              validator: (_rule, value: UnitChoice | null) =>
                value && value.value === unit.parentId ? Promise.reject(new Error(t('units.form.sameParent'))) : Promise.resolve(),
            },
          ]}
        >
          <UnitTreeSelect excludePaths={[unit.path]} />
        </Form.Item>
        <EffectiveDateField />
      </Form>
    </FormModal>
  );
}
