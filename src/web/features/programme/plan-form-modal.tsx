import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { DATE_FORMAT, fromApiDate, toApiDate } from '../../lib/format';
import { AttachmentsField } from './attachments-field';
import { yearOptions } from './list-filters';
import { type FileSummary, type Plan, type TaskGroup, useCreatePlan, useLegalBases, useUpdatePlan } from './programme.api';
import { useFormDraft } from './use-form-draft';

interface Values {
  numberSymbol: string;
  title: string;
  issuedOn?: Dayjs;
  fromYear: number;
  toYear: number;
  legalBasisIds: number[];
  taskGroups: Array<{ title: string; contents: string[] }>;
  files: FileSummary[];
}

type DraftValues = Omit<Values, 'issuedOn'> & { issuedOn?: string };

interface PlanFormModalProps {
  /** The unit the plan is issued by: the acting unit for a new plan, the plan's own when editing. */
  unitId: number;
  unitName: string;
  plan?: Plan;
  onClose: () => void;
  onDone: (plan: Plan) => void;
}

function initialValues(plan: Plan | undefined): Partial<Values> {
  const year = new Date().getFullYear();
  if (!plan) {
    return { fromYear: year, toYear: year, legalBasisIds: [], files: [], taskGroups: [{ title: '', contents: [''] }] };
  }
  return {
    numberSymbol: plan.numberSymbol,
    title: plan.title,
    issuedOn: fromApiDate(plan.issuedOn),
    fromYear: plan.fromYear,
    toYear: plan.toYear,
    legalBasisIds: plan.legalBases.map((basis) => basis.id),
    taskGroups: plan.taskGroups,
    files: plan.files,
  };
}

/** A plan with its task groups, each a title and a list of contents, edited in place (Form.List). */
export function PlanFormModal({ unitId, unitName, plan, onClose, onDone }: PlanFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const create = useCreatePlan();
  const update = useUpdatePlan();
  const mutation = plan ? update : create;
  const bases = useLegalBases(true);
  const [form] = Form.useForm<Values>();
  // Only a new plan keeps a draft: an edit starts from the saved plan, which is the better source.
  const drafts = useFormDraft<DraftValues>(plan ? null : `plan.${unitId}`);
  const [draftRestored, setDraftRestored] = useState(drafts.draft !== null);
  const cited = new Set(plan?.legalBases.map((basis) => basis.id) ?? []);
  // A deactivated basis is offered only to a plan that already cites it.
  const baseOptions = (bases.data ?? [])
    .filter((basis) => basis.isActive || cited.has(basis.id))
    .map((basis) => ({ value: basis.id, label: `${basis.symbol} — ${basis.title}` }));

  // A new plan usually cites every document in force (Chỉ thị 05, Kết luận 01): start from them.
  useEffect(() => {
    if (plan || drafts.draft || !bases.data || form.isFieldTouched('legalBasisIds')) return;
    form.setFieldValue(
      'legalBasisIds',
      bases.data.filter((basis) => basis.isActive).map((basis) => basis.id),
    );
  }, [plan, drafts.draft, bases.data, form]);

  const submit = (values: Values) => {
    const taskGroups: TaskGroup[] = values.taskGroups.map((group) => ({
      title: group.title.trim(),
      contents: group.contents.map((content) => content.trim()).filter(Boolean),
    }));
    const body = {
      numberSymbol: values.numberSymbol.trim(),
      title: values.title.trim(),
      issuedOn: toApiDate(values.issuedOn) ?? '',
      fromYear: values.fromYear,
      toYear: values.toYear,
      legalBasisIds: values.legalBasisIds,
      taskGroups,
      fileIds: values.files.map((file) => file.id),
    };
    const done = (saved: Plan) => {
      drafts.clear();
      void message.success(t(plan ? 'programme.plans.updated' : 'programme.plans.created', { number: saved.numberSymbol }));
      onDone(saved);
    };
    if (plan) update.mutate({ ...body, id: plan.id, version: plan.version }, { onSuccess: done });
    else create.mutate({ ...body, unitId }, { onSuccess: done });
  };

  const formId = plan ? 'plan-edit' : 'plan-create';
  const required = { required: true, message: t('programme.validation.required') };

  return (
    <FormModal
      open
      title={plan ? t('programme.plans.editTitle', { number: plan.numberSymbol }) : t('programme.plans.createTitle', { unit: unitName })}
      formId={formId}
      okText={t('common.save')}
      pending={mutation.isPending}
      error={mutation.error}
      onCancel={onClose}
      width={900}
    >
      {draftRestored ? (
        <Alert
          type="info"
          showIcon
          title={t('programme.drafts.restored')}
          action={
            <Button
              size="small"
              onClick={() => {
                drafts.clear();
                form.setFieldsValue(initialValues(undefined) as Values);
                setDraftRestored(false);
              }}
            >
              {t('programme.drafts.discard')}
            </Button>
          }
          className="block-gap-bottom"
        />
      ) : null}
      <Form<Values>
        id={formId}
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={drafts.draft ? { ...drafts.draft, issuedOn: fromApiDate(drafts.draft.issuedOn) } : initialValues(plan)}
        onValuesChange={(_changed, all) => drafts.save({ ...all, issuedOn: toApiDate(all.issuedOn) })}
        disabled={mutation.isPending}
        scrollToFirstError
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="numberSymbol"
              label={t('programme.plans.fields.numberSymbol')}
              rules={[required]}
              extra={t('programme.plans.numberHelp')}
            >
              <Input maxLength={40} placeholder="23-KH/TU" data-testid="plan-number" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="issuedOn" label={t('programme.plans.fields.issuedOn')} rules={[required]}>
              <DatePicker
                format={DATE_FORMAT}
                placeholder={t('common.datePlaceholder')}
                style={{ width: '100%' }}
                data-testid="plan-issued-on"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="fromYear" label={t('programme.fields.fromYear')} rules={[required]}>
              <Select options={yearOptions().map((year) => ({ value: year, label: year }))} data-testid="plan-from-year" />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item
              name="toYear"
              label={t('programme.fields.toYear')}
              dependencies={['fromYear']}
              rules={[
                required,
                ({ getFieldValue }) => ({
                  validator: (_rule, value: number) =>
                    value >= Number(getFieldValue('fromYear'))
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('programme.validation.yearOrder'))),
                }),
              ]}
            >
              <Select options={yearOptions().map((year) => ({ value: year, label: year }))} data-testid="plan-to-year" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label={t('programme.plans.fields.title')} rules={[required]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={400} data-testid="plan-title" />
        </Form.Item>
        <Form.Item name="legalBasisIds" label={t('programme.plans.fields.legalBases')}>
          <Select
            mode="multiple"
            options={baseOptions}
            loading={bases.isLoading}
            placeholder={t('programme.plans.legalBasesPlaceholder')}
            data-testid="plan-legal-bases"
          />
        </Form.Item>
        <Form.List
          name="taskGroups"
          rules={[
            {
              validator: (_rule, groups: unknown[]) =>
                groups?.length ? Promise.resolve() : Promise.reject(new Error(t('programme.plans.needGroup'))),
            },
          ]}
        >
          {(groups, { add, remove }, { errors }) => (
            <div className="task-groups">
              <div className="ant-form-item-label">
                <label>{t('programme.plans.fields.taskGroups')}</label>
              </div>
              {groups.map((group, index) => (
                <Card
                  key={group.key}
                  size="small"
                  className="block-gap-bottom"
                  title={t('programme.plans.groupNumber', { number: index + 1 })}
                  extra={
                    groups.length > 1 ? (
                      <Button
                        type="text"
                        danger
                        icon={<MinusCircleOutlined />}
                        onClick={() => remove(group.name)}
                        aria-label={t('programme.plans.removeGroup')}
                      />
                    ) : null
                  }
                >
                  <Form.Item name={[group.name, 'title']} label={t('programme.plans.groupTitle')} rules={[required]}>
                    <Input maxLength={300} data-testid={`plan-group-${index}-title`} />
                  </Form.Item>
                  <Form.List name={[group.name, 'contents']}>
                    {(contents, contentOps) => (
                      <>
                        <div className="ant-form-item-label">
                          <label>{t('programme.plans.contents')}</label>
                        </div>
                        {contents.map((content, contentIndex) => (
                          <div key={content.key} className="content-row">
                            <Form.Item name={content.name} rules={[required]} className="grow-field">
                              <Input.TextArea
                                aria-label={t('programme.plans.contentNumber', { number: contentIndex + 1 })}
                                autoSize={{ minRows: 1, maxRows: 4 }}
                                maxLength={1000}
                                placeholder={t('programme.plans.contentPlaceholder', { number: contentIndex + 1 })}
                                data-testid={`plan-group-${index}-content-${contentIndex}`}
                              />
                            </Form.Item>
                            {contents.length > 1 ? (
                              <Button
                                type="text"
                                icon={<MinusCircleOutlined />}
                                onClick={() => contentOps.remove(content.name)}
                                aria-label={t('programme.plans.removeContent')}
                              />
                            ) : null}
                          </div>
                        ))}
                        <Button
                          type="dashed"
                          icon={<PlusOutlined />}
                          onClick={() => contentOps.add('')}
                          data-testid={`plan-group-${index}-add-content`}
                        >
                          {t('programme.plans.addContent')}
                        </Button>
                      </>
                    )}
                  </Form.List>
                </Card>
              ))}
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => add({ title: '', contents: [''] })}
                data-testid="plan-add-group"
              >
                {t('programme.plans.addGroup')}
              </Button>
              <Form.ErrorList errors={errors} />
            </div>
          )}
        </Form.List>
        <Form.Item name="files" label={t('programme.files.label')} className="block-gap">
          <AttachmentsField unitId={unitId} purpose="plan" data-testid="plan-files" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
