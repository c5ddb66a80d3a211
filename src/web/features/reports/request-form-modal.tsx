import { DeleteOutlined, InfoCircleOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  Popconfirm,
  Radio,
  Row,
  Select,
  Space,
  Spin,
  Tooltip,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ActingUnit } from '../../app/acting-unit';
import { FormModal } from '../../components/form-modal';
import { DATE_FORMAT, toApiDate } from '../../lib/format';
import { describeError } from '../../lib/errors';
import { REPORT_KINDS, type ReportAudience } from '../../../shared/contracts/reports';
import {
  type ReportContentInput,
  type ReportKind,
  type ReportTemplate,
  useCatalogue,
  useCreateRequest,
  useDeleteTemplate,
  useSaveTemplate,
  useTemplates,
} from './reports.api';

interface Values {
  kind: ReportKind;
  title: string;
  period: [Dayjs, Dayjs];
  deadline: Dayjs;
  audience: ReportAudience;
  metrics: string[];
  manualItems: Array<{ key?: string; label: string; type: 'number' | 'text' }>;
  sections: Array<{ key?: string; title: string }>;
  guidance?: string;
  templateName?: string;
}

/** Keys name the parts of a report: kept from the template or the defaults, numbered for new ones. */
function contentOf(values: Values): ReportContentInput {
  const used = new Set<string>();
  const keyed = <T extends { key?: string }>(items: T[], prefix: string) =>
    items.map((item, index) => {
      let key = item.key && !used.has(item.key) ? item.key : `${prefix}_${index + 1}`;
      while (used.has(key)) key = `${key}_x`;
      used.add(key);
      return { ...item, key };
    });
  return {
    metrics: values.metrics ?? [],
    manualItems: keyed(values.manualItems ?? [], 'manual'),
    sections: keyed(values.sections ?? [], 'section'),
  };
}

export function RequestFormModal({ actingUnit, onClose }: { actingUnit: ActingUnit; onClose: (createdId?: number) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const catalogue = useCatalogue();
  const templates = useTemplates(actingUnit.id, true);
  const create = useCreateRequest();
  const saveTemplate = useSaveTemplate();
  const deleteTemplate = useDeleteTemplate();

  const applyTemplate = (template: ReportTemplate) => {
    form.setFieldsValue({
      kind: template.kind,
      metrics: template.content.metrics,
      manualItems: template.content.manualItems,
      sections: template.content.sections,
    });
  };

  const submit = async (values: Values) => {
    const content = contentOf(values);
    const created = await create.mutateAsync({
      unitId: actingUnit.id,
      kind: values.kind,
      title: values.title,
      periodFrom: toApiDate(values.period[0])!,
      periodTo: toApiDate(values.period[1])!,
      deadline: toApiDate(values.deadline)!,
      audience: values.audience,
      content,
      guidance: values.guidance?.trim() || null,
    });
    if (values.templateName?.trim()) {
      try {
        await saveTemplate.mutateAsync({ unitId: actingUnit.id, name: values.templateName.trim(), kind: values.kind, content });
      } catch (error) {
        void message.error(describeError(error, t));
      }
    }
    void message.success(t('reports.requests.created', { count: created.answers.length }));
    onClose(created.id);
  };

  return (
    <FormModal
      open
      title={t('reports.requests.create')}
      formId="report-request-form"
      okText={t('reports.requests.issue')}
      pending={create.isPending}
      error={create.error}
      onCancel={() => onClose()}
      width={860}
    >
      {!catalogue.data ? (
        <Spin />
      ) : (
        <Form<Values>
          id="report-request-form"
          form={form}
          layout="vertical"
          onFinish={(values) => void submit(values).catch(() => undefined)}
          initialValues={{
            kind: 'quarterly',
            audience: 'children',
            metrics: ['members', 'study_rate', 'standards_rate'],
            manualItems: [],
            sections: catalogue.data.defaultSections,
          }}
        >
          {(templates.data?.length ?? 0) > 0 && (
            <Form.Item label={t('reports.templates.use')}>
              <Space.Compact style={{ width: '100%' }}>
                <Select
                  placeholder={t('reports.templates.pick')}
                  onChange={(id: number) => applyTemplate(templates.data!.find((template) => template.id === id)!)}
                  options={templates.data!.map((template) => ({ value: template.id, label: `${template.name} (${template.unit.name})` }))}
                  data-testid="report-template-select"
                />
              </Space.Compact>
              <Space wrap style={{ marginTop: 4 }}>
                {templates
                  .data!.filter((template) => template.canDelete)
                  .map((template) => (
                    <Popconfirm
                      key={template.id}
                      title={t('reports.templates.confirmDelete', { name: template.name })}
                      onConfirm={() => deleteTemplate.mutate(template.id)}
                      okText={t('reports.templates.delete')}
                      cancelText={t('common.cancel')}
                    >
                      <Button size="small" type="text" icon={<DeleteOutlined />}>
                        {template.name}
                      </Button>
                    </Popconfirm>
                  ))}
              </Space>
            </Form.Item>
          )}
          <Row gutter={16}>
            <Col xs={24} md={10}>
              <Form.Item name="kind" label={t('reports.fields.kind')} rules={[{ required: true }]}>
                <Select options={REPORT_KINDS.map((value) => ({ value, label: t(`reports.kinds.${value}`) }))} data-testid="report-kind" />
              </Form.Item>
            </Col>
            <Col xs={24} md={14}>
              <Form.Item
                name="title"
                label={t('reports.fields.title')}
                rules={[{ required: true, whitespace: true, message: t('reports.requests.titleRequired') }, { max: 300 }]}
              >
                <Input placeholder={t('reports.requests.titlePlaceholder')} data-testid="report-title" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="period"
                label={t('reports.fields.period')}
                rules={[{ required: true, message: t('reports.requests.periodRequired') }]}
              >
                <DatePicker.RangePicker format={DATE_FORMAT} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="deadline"
                label={t('reports.fields.deadline')}
                rules={[{ required: true, message: t('reports.requests.deadlineRequired') }]}
              >
                <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="audience" label={t('reports.fields.audience')}>
            <Radio.Group>
              <Radio value="children">{t('reports.audience.children')}</Radio>
              <Radio value="communes">{t('reports.audience.communes')}</Radio>
              <Radio value="grassroots">{t('reports.audience.grassroots')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="metrics" label={t('reports.fields.metrics')} extra={t('reports.requests.metricsHelp')}>
            <Checkbox.Group style={{ width: '100%' }}>
              <Row gutter={[8, 4]}>
                {catalogue.data.metrics.map((entry) => (
                  <Col xs={24} md={12} key={entry.key}>
                    <Checkbox value={entry.key} data-testid={`report-metric-${entry.key}`}>
                      {entry.label}{' '}
                      <Tooltip title={`${entry.definition} ${entry.computation}`}>
                        <InfoCircleOutlined style={{ color: '#888' }} />
                      </Tooltip>
                    </Checkbox>
                  </Col>
                ))}
              </Row>
            </Checkbox.Group>
          </Form.Item>
          <Typography.Text strong>{t('reports.fields.manualItems')}</Typography.Text>
          <Form.List name="manualItems">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[field.name, 'key']} hidden>
                      <Input />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'label']}
                      rules={[{ required: true, whitespace: true, message: t('reports.requests.labelRequired') }]}
                      style={{ width: 480 }}
                    >
                      <Input placeholder={t('reports.requests.manualPlaceholder')} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'type']} initialValue="number">
                      <Select
                        style={{ width: 120 }}
                        options={[
                          { value: 'number', label: t('reports.manualType.number') },
                          { value: 'text', label: t('reports.manualType.text') },
                        ]}
                      />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('reports.remove')} />
                  </Space>
                ))}
                <Button
                  type="dashed"
                  onClick={() => add({ label: '', type: 'number' })}
                  icon={<PlusOutlined />}
                  style={{ marginBottom: 16, marginTop: 4 }}
                >
                  {t('reports.requests.addManual')}
                </Button>
              </>
            )}
          </Form.List>
          <div />
          <Typography.Text strong>{t('reports.fields.sections')}</Typography.Text>
          <Form.List
            name="sections"
            rules={[
              {
                validator: async (_, value: unknown[]) => {
                  if (!value?.length) throw new Error(t('reports.requests.sectionsRequired'));
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((field, index) => (
                  <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                    <span>{index + 1}.</span>
                    {/* The key travels with the item: a hidden field keeps it in the submitted values. */}
                    <Form.Item name={[field.name, 'key']} hidden>
                      <Input />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'title']}
                      rules={[{ required: true, whitespace: true, message: t('reports.requests.labelRequired') }]}
                      style={{ width: 600 }}
                    >
                      <Input />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('reports.remove')} />
                  </Space>
                ))}
                <Form.ErrorList errors={errors} />
                <Button type="dashed" onClick={() => add({ title: '' })} icon={<PlusOutlined />} style={{ marginBottom: 16, marginTop: 4 }}>
                  {t('reports.requests.addSection')}
                </Button>
              </>
            )}
          </Form.List>
          <Form.Item name="guidance" label={t('reports.fields.guidance')}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
          <Form.Item name="templateName" label={t('reports.templates.saveAs')} extra={t('reports.templates.saveHelp')}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      )}
    </FormModal>
  );
}
