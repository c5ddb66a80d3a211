import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { UnitKind } from '../../../shared/contracts/domain';
import type { Unit, UnitDetail } from '../../../shared/contracts/units';
import { UnitKindSelect } from '../../components/enum-select';
import { EffectiveDateField } from '../../components/form-bits';
import { FormModal } from '../../components/form-modal';
import { type PersonChoice, PersonSelect } from '../../components/person-select';
import { toApiDate } from '../../lib/format';
import { unitCodeRules, unitNameRules } from './unit-rules';
import { unitChildrenQuery, useSplitUnit } from './units.api';

interface PartValues {
  code: string;
  name: string;
  kind: UnitKind;
  childIds?: number[];
  people?: PersonChoice[];
}

interface Values {
  parts: PartValues[];
  effectiveDate?: Dayjs;
}

interface UnitSplitModalProps {
  unit: UnitDetail;
  open: boolean;
  onClose: () => void;
  onDone: (units: Unit[]) => void;
}

const MIN_PARTS = 2;

/** Finds ids given to more than one part; each child unit and each person goes to one part only. */
function findRepeats(parts: PartValues[], pick: (part: PartValues) => number[]): Set<number> {
  const seen = new Set<number>();
  const repeated = new Set<number>();
  for (const part of parts) {
    for (const id of pick(part)) {
      if (seen.has(id)) repeated.add(id);
      seen.add(id);
    }
  }
  return repeated;
}

export function UnitSplitModal({ unit, open, onClose, onDone }: UnitSplitModalProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const split = useSplitUnit();
  const [form] = Form.useForm<Values>();
  const children = useQuery({ ...unitChildrenQuery(unit.id), enabled: open });
  const childOptions = (children.data ?? [])
    .filter((child) => !child.validTo)
    .map((child) => ({ value: child.id, label: `${child.name} (${child.code})` }));

  const close = () => {
    split.reset();
    onClose();
  };

  const submit = (values: Values) => {
    const parts = values.parts.map((part) => ({
      code: part.code.trim(),
      name: part.name.trim(),
      kind: part.kind,
      childIds: part.childIds ?? [],
      personIds: (part.people ?? []).map((person) => person.value),
    }));
    modal.confirm({
      title: t('units.split.confirmTitle', { name: unit.name }),
      content: t('units.split.confirm', { count: parts.length, names: parts.map((part) => part.name).join(', ') }),
      okText: t('units.split.ok'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        split.mutateAsync({ id: unit.id, effectiveDate: toApiDate(values.effectiveDate), parts }).then(
          (created) => {
            void message.success(t('units.messages.split', { name: unit.name, count: created.length }));
            split.reset();
            onDone(created);
          },
          () => undefined,
        ),
    });
  };

  const uniqueAcrossParts = (pick: (part: PartValues) => number[], errorKey: 'units.split.childTwice' | 'units.split.personTwice') => ({
    validator: () => {
      const parts = (form.getFieldValue('parts') as PartValues[] | undefined) ?? [];
      return findRepeats(parts, pick).size > 0 ? Promise.reject(new Error(t(errorKey))) : Promise.resolve();
    },
  });

  const emptyPart: Partial<PartValues> = { kind: unit.kind, childIds: [], people: [] };

  return (
    <FormModal
      open={open}
      title={t('units.actions.split')}
      formId="unit-split"
      okText={t('units.split.ok')}
      pending={split.isPending}
      error={split.error}
      onCancel={close}
      width={900}
    >
      <Alert type="info" showIcon title={t('units.split.help', { name: unit.name })} className="block-gap-bottom" />
      <Form<Values>
        id="unit-split"
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={split.isPending}
        initialValues={{ parts: [emptyPart, emptyPart] }}
      >
        <Form.List
          name="parts"
          rules={[
            {
              validator: (_rule, parts: PartValues[] | undefined) =>
                (parts?.length ?? 0) >= MIN_PARTS ? Promise.resolve() : Promise.reject(new Error(t('units.split.partsMin'))),
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  className="split-part"
                  title={t('units.split.part', { number: index + 1 })}
                  extra={
                    fields.length > MIN_PARTS ? (
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label={t('units.split.removePart', { number: index + 1 })}
                      />
                    ) : null
                  }
                >
                  <Row gutter={12}>
                    <Col xs={24} md={8}>
                      <Form.Item name={[field.name, 'code']} label={t('units.fields.code')} rules={unitCodeRules(t)}>
                        <Input autoComplete="off" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={16}>
                      <Form.Item name={[field.name, 'name']} label={t('units.fields.name')} rules={unitNameRules(t)}>
                        <Input autoComplete="off" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item
                        name={[field.name, 'kind']}
                        label={t('units.fields.kind')}
                        rules={[{ required: true, message: t('units.form.kindRequired') }]}
                      >
                        <UnitKindSelect />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={16}>
                      <Form.Item
                        name={[field.name, 'childIds']}
                        label={t('units.split.children')}
                        rules={[uniqueAcrossParts((part) => part.childIds ?? [], 'units.split.childTwice')]}
                      >
                        <Select<number[]>
                          mode="multiple"
                          options={childOptions}
                          loading={children.isLoading}
                          placeholder={childOptions.length ? t('units.split.childrenPlaceholder') : t('units.split.noChildren')}
                          showSearch={{ optionFilterProp: 'label' }}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24}>
                      <Form.Item
                        name={[field.name, 'people']}
                        label={t('units.split.people')}
                        rules={[uniqueAcrossParts((part) => (part.people ?? []).map((person) => person.value), 'units.split.personTwice')]}
                      >
                        <PersonSelect unitId={unit.id} />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
              <Form.ErrorList errors={errors} />
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(emptyPart)} className="block-gap-bottom">
                {t('units.split.addPart')}
              </Button>
            </>
          )}
        </Form.List>
        <EffectiveDateField />
      </Form>
    </FormModal>
  );
}
