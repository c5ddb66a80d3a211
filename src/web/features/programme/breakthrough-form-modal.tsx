import { App, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { type UnitChoice, UnitTreeSelect } from '../../components/unit-tree-select';
import { DATE_FORMAT, fromApiDate, toApiDate } from '../../lib/format';
import { useUnit } from '../units/units.api';
import { yearOptions } from './list-filters';
import { type Breakthrough, type BreakthroughDetail, useCreateBreakthrough, useUpdateBreakthrough } from './programme.api';

interface Values {
  year: number;
  title: string;
  description?: string;
  owner?: UnitChoice | null;
  target: string;
  deadline?: Dayjs;
}

interface BreakthroughFormModalProps {
  unitId: number;
  unitName: string;
  content?: Breakthrough;
  defaultYear?: number;
  onClose: () => void;
  onDone: (content: BreakthroughDetail) => void;
}

/** The unit in charge is the choosing unit or one below it, so the picker starts from that unit. */
export function BreakthroughFormModal({ unitId, unitName, content, defaultYear, onClose, onDone }: BreakthroughFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const create = useCreateBreakthrough();
  const update = useUpdateBreakthrough();
  const mutation = content ? update : create;
  const unit = useUnit(unitId);
  const [form] = Form.useForm<Values>();

  const submit = (values: Values) => {
    if (!values.owner) return;
    const body = {
      title: values.title.trim(),
      description: values.description?.trim() || null,
      ownerUnitId: values.owner.value,
      target: values.target.trim(),
      deadline: toApiDate(values.deadline) ?? '',
    };
    const done = (saved: BreakthroughDetail) => {
      void message.success(t(content ? 'programme.breakthroughs.updated' : 'programme.breakthroughs.created'));
      onDone(saved);
    };
    if (content) update.mutate({ ...body, id: content.id, version: content.version }, { onSuccess: done });
    else create.mutate({ ...body, unitId, year: values.year }, { onSuccess: done });
  };

  const year = defaultYear ?? new Date().getFullYear();
  const initialValues: Partial<Values> = content
    ? {
        year: content.year,
        title: content.title,
        description: content.description ?? undefined,
        owner: { value: content.ownerUnit.id, label: content.ownerUnit.name },
        target: content.target,
        deadline: fromApiDate(content.deadline),
      }
    : { year, owner: { value: unitId, label: unitName } };
  const formId = content ? 'breakthrough-edit' : 'breakthrough-create';
  const required = { required: true, message: t('programme.validation.required') };

  return (
    <FormModal
      open
      title={content ? t('programme.breakthroughs.editTitle') : t('programme.breakthroughs.createTitle', { unit: unitName })}
      formId={formId}
      okText={t('common.save')}
      pending={mutation.isPending}
      error={mutation.error}
      onCancel={onClose}
      width={800}
    >
      <Form<Values>
        id={formId}
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={initialValues}
        disabled={mutation.isPending}
        scrollToFirstError
      >
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name="year" label={t('programme.fields.year')} rules={[required]}>
              <Select
                options={yearOptions().map((value) => ({ value, label: value }))}
                disabled={Boolean(content)}
                data-testid="breakthrough-year"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={18}>
            <Form.Item name="title" label={t('programme.breakthroughs.fields.title')} rules={[required]}>
              <Input maxLength={400} data-testid="breakthrough-title" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('programme.breakthroughs.fields.description')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
        </Form.Item>
        <Form.Item name="target" label={t('programme.breakthroughs.fields.target')} rules={[required]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={1000} data-testid="breakthrough-target" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item name="owner" label={t('programme.breakthroughs.fields.ownerUnit')} rules={[required]}>
              <UnitTreeSelect roots={unit.data ? [unit.data] : []} data-testid="breakthrough-owner" />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="deadline" label={t('programme.breakthroughs.fields.deadline')} rules={[required]}>
              <DatePicker
                format={DATE_FORMAT}
                placeholder={t('common.datePlaceholder')}
                style={{ width: '100%' }}
                data-testid="breakthrough-deadline"
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormModal>
  );
}
