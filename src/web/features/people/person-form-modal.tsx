import { App, Checkbox, Col, DatePicker, Form, Input, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { PersonCategory, Position, Sex } from '../../../shared/contracts/domain';
import type { Person, PersonDetail } from '../../../shared/contracts/people';
import { CategorySelect, PositionSelect, SexSelect } from '../../components/enum-select';
import { FormModal } from '../../components/form-modal';
import { type UnitChoice, UnitTreeSelect } from '../../components/unit-tree-select';
import { DATE_FORMAT, fromApiDate, toApiDate } from '../../lib/format';
import { type PersonFields, useCreatePerson, useUpdatePerson } from './people.api';

interface Values {
  fullName: string;
  sex: Sex;
  birthDate?: Dayjs | null;
  category: PersonCategory;
  cardNumber?: string;
  idNumber?: string;
  admissionDate?: Dayjs | null;
  phone?: string;
  email?: string;
  address?: string;
  unit?: UnitChoice | null;
  position?: Position;
  isHead?: boolean;
  fromDate?: Dayjs | null;
}

interface PersonFormModalProps {
  open: boolean;
  /**
   * Absent when adding a person. Editing needs the personal fields visible: the server replaces the
   * whole record, so a withheld field would otherwise be wiped.
   */
  person?: PersonDetail;
  defaultUnit?: UnitChoice;
  onClose: () => void;
  onDone: (person: Person) => void;
}

function trimOrNull(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function toFields(values: Values): PersonFields {
  return {
    fullName: values.fullName.trim().replace(/\s+/g, ' '),
    sex: values.sex,
    birthDate: toApiDate(values.birthDate) ?? null,
    category: values.category,
    cardNumber: trimOrNull(values.cardNumber),
    idNumber: trimOrNull(values.idNumber),
    admissionDate: toApiDate(values.admissionDate) ?? null,
    phone: trimOrNull(values.phone),
    email: trimOrNull(values.email),
    address: trimOrNull(values.address),
  };
}

function initialValues(person: PersonDetail | undefined, defaultUnit: UnitChoice | undefined): Partial<Values> {
  if (!person) return { unit: defaultUnit ?? null, isHead: false, category: 'party_member', position: 'party_member' };
  return {
    fullName: person.fullName,
    sex: person.sex,
    birthDate: fromApiDate(person.birthDate) ?? null,
    category: person.category,
    cardNumber: person.cardNumber ?? undefined,
    idNumber: person.idNumber ?? undefined,
    admissionDate: fromApiDate(person.admissionDate) ?? null,
    phone: person.phone ?? undefined,
    email: person.email ?? undefined,
    address: person.address ?? undefined,
  };
}

export function PersonFormModal({ open, person, defaultUnit, onClose, onDone }: PersonFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const create = useCreatePerson();
  const update = useUpdatePerson();
  const mutation = person ? update : create;
  const [form] = Form.useForm<Values>();
  const category = Form.useWatch('category', form);

  const close = () => {
    create.reset();
    update.reset();
    onClose();
  };

  const done = (saved: Person) => {
    void message.success(
      person ? t('people.messages.updated', { name: saved.fullName }) : t('people.messages.created', { name: saved.fullName }),
    );
    create.reset();
    update.reset();
    onDone(saved);
  };

  const submit = (values: Values) => {
    const fields = toFields(values);
    if (!person) {
      if (!values.unit) return;
      create.mutate(
        {
          ...fields,
          unitId: values.unit.value,
          position: values.position ?? 'party_member',
          isHead: values.isHead ?? false,
          fromDate: toApiDate(values.fromDate),
        },
        { onSuccess: done },
      );
      return;
    }
    update.mutate({ ...fields, id: person.id, version: person.version }, { onSuccess: done });
  };

  // A person is recognised by the Party card number or the citizen ID; at least one is needed.
  const identityRule = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: () => {
      const card = String(getFieldValue('cardNumber') ?? '').trim();
      const id = String(getFieldValue('idNumber') ?? '').trim();
      return card || id ? Promise.resolve() : Promise.reject(new Error(t('people.form.identityRequired')));
    },
  });

  const formId = person ? 'person-edit' : 'person-create';

  return (
    <FormModal
      open={open}
      title={person ? t('people.form.editTitle', { name: person.fullName }) : t('people.form.createTitle')}
      formId={formId}
      okText={t('common.save')}
      pending={mutation.isPending}
      error={mutation.error}
      onCancel={close}
      width={820}
    >
      <Form<Values>
        id={formId}
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={initialValues(person, defaultUnit)}
        disabled={mutation.isPending}
        scrollToFirstError
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="fullName"
              label={t('people.fields.fullName')}
              rules={[
                { required: true, whitespace: true, message: t('people.form.fullNameRequired') },
                { max: 120, message: t('people.form.tooLong', { count: 120 }) },
              ]}
            >
              <Input autoFocus autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="sex" label={t('people.fields.sex')} rules={[{ required: true, message: t('people.form.sexRequired') }]}>
              <SexSelect />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="birthDate" label={t('people.fields.birthDate')}>
              <DatePicker
                format={DATE_FORMAT}
                placeholder={t('common.datePlaceholder')}
                style={{ width: '100%' }}
                disabledDate={(date) => date.isAfter(dayjs())}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="category"
              label={t('people.fields.category')}
              rules={[{ required: true, message: t('people.form.categoryRequired') }]}
            >
              <CategorySelect />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              name="cardNumber"
              label={t('people.fields.cardNumber')}
              dependencies={['idNumber']}
              rules={[{ pattern: /^\d{6,12}$/, message: t('people.form.cardNumberInvalid') }, identityRule]}
            >
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              name="admissionDate"
              label={t('people.fields.admissionDate')}
              dependencies={['birthDate']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_rule, value: Dayjs | null | undefined) => {
                    const birth = getFieldValue('birthDate') as Dayjs | null | undefined;
                    return value && birth && !value.isAfter(birth)
                      ? Promise.reject(new Error(t('people.form.admissionBeforeBirth')))
                      : Promise.resolve();
                  },
                }),
              ]}
            >
              <DatePicker
                format={DATE_FORMAT}
                placeholder={t('common.datePlaceholder')}
                style={{ width: '100%' }}
                disabledDate={(date) => date.isAfter(dayjs())}
                disabled={category !== undefined && category !== 'party_member'}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="idNumber"
              label={t('people.fields.idNumber')}
              dependencies={['cardNumber']}
              rules={[{ pattern: /^\d{12}$/, message: t('people.form.idNumberInvalid') }, identityRule]}
            >
              <Input inputMode="numeric" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="phone"
              label={t('people.fields.phone')}
              rules={[{ pattern: /^\+?[\d ]{8,15}$/, message: t('people.form.phoneInvalid') }]}
            >
              <Input inputMode="tel" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="email" label={t('people.fields.email')} rules={[{ type: 'email', message: t('people.form.emailInvalid') }]}>
              <Input inputMode="email" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="address"
              label={t('people.fields.address')}
              rules={[{ max: 300, message: t('people.form.tooLong', { count: 300 }) }]}
            >
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          {person ? null : (
            <Col xs={24} md={12}>
              <Form.Item name="unit" label={t('people.fields.unit')} rules={[{ required: true, message: t('people.form.unitRequired') }]}>
                <UnitTreeSelect />
              </Form.Item>
            </Col>
          )}
          {person ? null : (
            <>
              <Col xs={24} md={6}>
                <Form.Item
                  name="position"
                  label={t('people.fields.position')}
                  rules={[{ required: true, message: t('people.form.positionRequired') }]}
                >
                  <PositionSelect />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item name="fromDate" label={t('people.fields.fromDate')} extra={t('common.effectiveDateHelp')}>
                  <DatePicker format={DATE_FORMAT} placeholder={t('common.datePlaceholder')} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item name="isHead" valuePropName="checked">
                  <Checkbox>{t('people.fields.isHeadLong')}</Checkbox>
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
      </Form>
    </FormModal>
  );
}
