import { App, Checkbox, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Position } from '../../../shared/contracts/domain';
import type { Person, PersonDetail } from '../../../shared/contracts/people';
import { PositionSelect } from '../../components/enum-select';
import { EffectiveDateField } from '../../components/form-bits';
import { FormModal } from '../../components/form-modal';
import { type UnitChoice, UnitTreeSelect } from '../../components/unit-tree-select';
import { toApiDate } from '../../lib/format';
import { useMovePerson } from './people.api';

interface Values {
  unit: UnitChoice | null;
  position: Position;
  isHead: boolean;
  effectiveDate?: Dayjs;
}

interface PersonMoveModalProps {
  person: PersonDetail;
  open: boolean;
  onClose: () => void;
  onDone: (person: Person) => void;
}

/** "Chuyển sinh hoạt": the old membership ends on the date and a new one starts in the other unit. */
export function PersonMoveModal({ person, open, onClose, onDone }: PersonMoveModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const move = useMovePerson();

  const close = () => {
    move.reset();
    onClose();
  };

  const submit = (values: Values) => {
    if (!values.unit) return;
    const target = values.unit;
    move.mutate(
      {
        id: person.id,
        unitId: target.value,
        position: values.position,
        isHead: values.isHead,
        effectiveDate: toApiDate(values.effectiveDate),
        version: person.version,
      },
      {
        onSuccess: (moved) => {
          void message.success(t('people.messages.moved', { name: moved.fullName, unit: target.label }));
          move.reset();
          onDone(moved);
        },
      },
    );
  };

  return (
    <FormModal
      open={open}
      title={t('people.actions.move')}
      formId="person-move"
      okText={t('people.actions.moveOk')}
      pending={move.isPending}
      error={move.error}
      onCancel={close}
    >
      <Form<Values>
        id="person-move"
        layout="vertical"
        onFinish={submit}
        disabled={move.isPending}
        initialValues={{ position: person.position ?? 'staff', isHead: false }}
      >
        <Form.Item label={t('people.fields.fullName')}>
          <Input value={person.fullName} disabled />
        </Form.Item>
        <Form.Item label={t('people.fields.currentUnit')}>
          <Input value={person.unit?.name ?? '—'} disabled />
        </Form.Item>
        <Form.Item
          name="unit"
          label={t('people.fields.newUnit')}
          extra={t('people.form.moveHelp')}
          rules={[{ required: true, message: t('people.form.unitRequired') }]}
        >
          <UnitTreeSelect />
        </Form.Item>
        <Form.Item
          name="position"
          label={t('people.fields.position')}
          rules={[{ required: true, message: t('people.form.positionRequired') }]}
        >
          <PositionSelect />
        </Form.Item>
        <Form.Item name="isHead" valuePropName="checked">
          <Checkbox>{t('people.fields.isHeadLong')}</Checkbox>
        </Form.Item>
        <EffectiveDateField />
      </Form>
    </FormModal>
  );
}
