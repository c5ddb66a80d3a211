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
import { useCreateUnit } from './units.api';

interface Values {
  code: string;
  name: string;
  kind: UnitKind;
  validFrom?: Dayjs;
}

/** The kind a new child usually has, so the common case needs no choice. */
function suggestedChildKind(parent: UnitKind): UnitKind | undefined {
  switch (parent) {
    case 'grassroots_committee':
    case 'grassroots_cell':
      return 'cell';
    case 'cell':
      return 'party_group';
    case 'commune_committee':
    case 'bloc_committee':
      return 'grassroots_cell';
    case 'province_committee':
    case 'district_committee':
      return 'commune_committee';
    default:
      return undefined;
  }
}

interface UnitCreateModalProps {
  parent: UnitDetail;
  open: boolean;
  onClose: () => void;
  onDone: (unit: Unit) => void;
}

export function UnitCreateModal({ parent, open, onClose, onDone }: UnitCreateModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const create = useCreateUnit();

  const close = () => {
    create.reset();
    onClose();
  };

  const submit = (values: Values) => {
    create.mutate(
      {
        code: values.code.trim(),
        name: values.name.trim(),
        kind: values.kind,
        parentId: parent.id,
        validFrom: toApiDate(values.validFrom),
      },
      {
        onSuccess: (unit) => {
          void message.success(t('units.messages.created', { name: unit.name }));
          create.reset();
          onDone(unit);
        },
      },
    );
  };

  return (
    <FormModal
      open={open}
      title={t('units.actions.addChild')}
      formId="unit-create"
      okText={t('units.actions.addChildOk')}
      pending={create.isPending}
      error={create.error}
      onCancel={close}
    >
      <Form<Values>
        id="unit-create"
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: suggestedChildKind(parent.kind) }}
        disabled={create.isPending}
      >
        <Form.Item label={t('units.fields.parent')}>
          <Input value={parent.name} disabled />
        </Form.Item>
        <Form.Item name="code" label={t('units.fields.code')} rules={unitCodeRules(t)}>
          <Input autoFocus autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={t('units.fields.name')} rules={unitNameRules(t)}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="kind" label={t('units.fields.kind')} rules={[{ required: true, message: t('units.form.kindRequired') }]}>
          <UnitKindSelect dateField="validFrom" />
        </Form.Item>
        <EffectiveDateField name="validFrom" label={t('units.fields.validFrom')} />
      </Form>
    </FormModal>
  );
}
