import { App, Col, Form, Input, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { AttachmentsField } from './attachments-field';
import { yearOptions } from './list-filters';
import { type FileSummary, type Topic, useCreateTopic, useUpdateTopic } from './programme.api';

interface Values {
  title: string;
  description?: string;
  scope: 'annual' | 'wholeTerm';
  fromYear: number;
  toYear: number;
  files: FileSummary[];
}

interface TopicFormModalProps {
  unitId: number;
  unitName: string;
  topic?: Topic;
  onClose: () => void;
  onDone: (topic: Topic) => void;
}

/** An annual topic has one year; a whole-term topic (e.g. 2025–2030) spans the term. */
export function TopicFormModal({ unitId, unitName, topic, onClose, onDone }: TopicFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const create = useCreateTopic();
  const update = useUpdateTopic();
  const mutation = topic ? update : create;
  const [form] = Form.useForm<Values>();
  const scope = Form.useWatch('scope', form);
  const year = new Date().getFullYear();
  const years = yearOptions().map((value) => ({ value, label: value }));

  const submit = (values: Values) => {
    const body = {
      title: values.title.trim(),
      description: values.description?.trim() || null,
      fromYear: values.fromYear,
      toYear: values.scope === 'annual' ? values.fromYear : values.toYear,
      fileIds: values.files.map((file) => file.id),
    };
    const done = (saved: Topic) => {
      void message.success(t(topic ? 'programme.topics.updated' : 'programme.topics.created'));
      onDone(saved);
    };
    if (topic) update.mutate({ ...body, id: topic.id, version: topic.version }, { onSuccess: done });
    else create.mutate({ ...body, unitId }, { onSuccess: done });
  };

  const formId = topic ? 'topic-edit' : 'topic-create';
  const required = { required: true, message: t('programme.validation.required') };
  const initialValues: Partial<Values> = topic
    ? {
        title: topic.title,
        description: topic.description ?? undefined,
        scope: topic.isWholeTerm ? 'wholeTerm' : 'annual',
        fromYear: topic.fromYear,
        toYear: topic.toYear,
        files: topic.files,
      }
    : { scope: 'annual', fromYear: year, toYear: year, files: [] };

  return (
    <FormModal
      open
      title={topic ? t('programme.topics.editTitle') : t('programme.topics.createTitle', { unit: unitName })}
      formId={formId}
      okText={t('common.save')}
      pending={mutation.isPending}
      error={mutation.error}
      onCancel={onClose}
      width={760}
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
        <Form.Item name="title" label={t('programme.topics.fields.title')} rules={[required]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={400} data-testid="topic-title" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item name="scope" label={t('programme.topics.scopeLabel')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'annual', label: t('programme.topics.annual') },
                  { value: 'wholeTerm', label: t('programme.topics.wholeTerm') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={7}>
            <Form.Item
              name="fromYear"
              label={scope === 'wholeTerm' ? t('programme.fields.fromYear') : t('programme.fields.year')}
              rules={[required]}
            >
              <Select options={years} data-testid="topic-from-year" />
            </Form.Item>
          </Col>
          {scope === 'wholeTerm' ? (
            <Col xs={12} md={7}>
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
                <Select options={years} data-testid="topic-to-year" />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
        <Form.Item name="description" label={t('programme.topics.fields.description')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} />
        </Form.Item>
        <Form.Item name="files" label={t('programme.topics.materials')}>
          <AttachmentsField unitId={unitId} purpose="topic" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
