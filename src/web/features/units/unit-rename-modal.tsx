import { App, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { UnitKind } from '../../../shared/contracts/domain';
import type { Unit, UnitDetail } from '../../../shared/contracts/units';
import { UnitKindSelect } from '../../components/enum-select';
import { EffectiveDateField } from '../../components/form-bits';
import { FormModal } from '../../components/form-modal';
import { toApiDate } from '../../lib/format';
import { unitCodeRules, unitNameRules } from './unit-rules';
import { useUpdateUnit } from './units.api';

interface Values {
  code: string;
  name: string;
  kind: UnitKind;
  effectiveDate?: Dayjs;
}

interface UnitRenameModalProps {
  unit: UnitDetail;
  open: boolean;
  onClose: () => void;
  onDone: (unit: Unit) => void;
}

/** Renaming keeps the unit and its history; the old name stays in the versions table. */
export function UnitRenameModal({ unit, open, onClose, onDone }: UnitRenameModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateUnit();

  const close = () => {
    update.reset();
    onClose();
  };

  const submit = (values: Values) => {
    const code = values.code.trim();
    const name = values.name.trim();
    // Only what changed is sent, so that an unchanged code never trips a uniqueness check.
    update.mutate(
      {
        id: unit.id,
        version: unit.version,
        name: name !== unit.name ? name : undefined,
        code: code !== unit.code ? code : undefined,
        kind: values.kind !== unit.kind ? values.kind : undefined,
        effectiveDate: toApiDate(values.effectiveDate),
      },
      {
        onSuccess: (updated) => {
          void message.success(t('units.messages.renamed', { name: updated.name }));
          update.reset();
          onDone(updated);
        },
      },
    );
  };

  return (
    <FormModal
      open={open}
      title={t('units.actions.rename')}
      formId="unit-rename"
      okText={t('common.save')}
      pending={update.isPending}
      error={update.error}
      onCancel={close}
    >
      <Form<Values>
        id="unit-rename"
        layout="vertical"
        onFinish={submit}
        initialValues={{ code: unit.code, name: unit.name, kind: unit.kind }}
        disabled={update.isPending}
      >
        <Form.Item name="name" label={t('units.fields.newName')} rules={unitNameRules(t)}>
          <Input autoFocus autoComplete="off" />
        </Form.Item>
        <Form.Item name="code" label={t('units.fields.code')} rules={unitCodeRules(t)}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="kind" label={t('units.fields.kind')} rules={[{ required: true, message: t('units.form.kindRequired') }]}>
          <UnitKindSelect />
        </Form.Item>
        <EffectiveDateField />
      </Form>
    </FormModal>
  );
}
