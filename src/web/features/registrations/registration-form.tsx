import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, DatePicker, Form, Input, Segmented, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { MutationErrorAlert } from '../../components/form-bits';
import { DATE_FORMAT, fromApiDate, toApiDate } from '../../lib/format';
import { ACTION_AREAS } from '../../../shared/contracts/registration-status';
import { MAX_ACTIONS } from '../../../shared/contracts/registrations';
import { useFormDraft } from '../programme/use-form-draft';
import { decodeLink, encodeLink, linkSelectOptions } from './link-options';
import type { ContentInput, LinkOptions, RegistrationDetail } from './registrations.api';

interface ActionValues {
  area: (typeof ACTION_AREAS)[number];
  content: string;
  measurableResult?: string;
  deadline?: Dayjs;
  link?: string;
}
interface FormValues {
  shortcomings?: string;
  actions: ActionValues[];
}

interface RegistrationFormProps {
  kind: 'individual' | 'collective';
  options: LinkOptions;
  initial?: RegistrationDetail | null;
  guidance?: string | null;
  pending: boolean;
  error: unknown;
  /** Resolves once saved (the local draft is then dropped); rejects when the server refused. */
  onSave: (content: ContentInput, submit: boolean) => Promise<unknown>;
  onCancel?: () => void;
  /** Where the typed text is kept in this browser until it is saved. */
  draftKey?: string;
}

const EMPTY_ACTION: ActionValues = { area: 'ethics', content: '' };

function toValues(initial: Pick<RegistrationDetail, 'shortcomings' | 'actions'> | ContentInput | null | undefined): FormValues {
  if (!initial) return { shortcomings: '', actions: [EMPTY_ACTION] };
  return {
    shortcomings: initial.shortcomings,
    actions: (initial.actions as ContentInput['actions']).map((action) => ({
      area: action.area,
      content: action.content,
      measurableResult: action.measurableResult,
      deadline: fromApiDate(action.deadline),
      link: encodeLink(action),
    })),
  };
}

function toContent(values: FormValues): ContentInput {
  return {
    shortcomings: values.shortcomings?.trim() ?? '',
    actions: values.actions.map((action) => ({
      area: action.area,
      content: action.content.trim(),
      measurableResult: action.measurableResult?.trim() ?? '',
      deadline: toApiDate(action.deadline) ?? null,
      ...decodeLink(action.link),
    })),
  };
}

/**
 * The registration form, made for a phone first: one column, large fields, the area as a
 * segmented switch. A missing measurable result or deadline is a warning, never a block.
 */
export function RegistrationForm({ kind, options, initial, guidance, pending, error, onSave, onCancel, draftKey }: RegistrationFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const drafts = useFormDraft<ContentInput>(draftKey ?? null);
  const actions = Form.useWatch('actions', form) ?? [];
  const save = (submit: boolean) => {
    void form.validateFields().then(
      (values) =>
        onSave(toContent(values), submit).then(
          () => drafts.clear(),
          () => undefined,
        ),
      () => undefined,
    );
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={toValues(drafts.draft ?? initial)}
      onValuesChange={(_changed, values: FormValues) => drafts.save(toContent({ ...values, actions: values.actions ?? [] }))}
      className="registration-form"
      data-testid="registration-form"
      size="large"
    >
      <Collapse
        className="block-gap-bottom"
        items={[
          {
            key: 'guidance',
            label: t('registrations.form.guidanceTitle'),
            children: (
              <>
                <Typography.Paragraph>{guidance || t('registrations.form.guidance')}</Typography.Paragraph>
                <Typography.Text strong>{t('registrations.form.examplesTitle')}</Typography.Text>
                <ul>
                  <li>{t('registrations.form.example1')}</li>
                  <li>{t('registrations.form.example2')}</li>
                </ul>
              </>
            ),
          },
        ]}
      />
      <Form.Item
        name="shortcomings"
        label={kind === 'individual' ? t('registrations.form.shortcomings') : t('registrations.form.shortcomingsCollective')}
        rules={kind === 'individual' ? [{ required: true, whitespace: true, message: t('registrations.form.shortcomingsRequired') }] : []}
      >
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={3000}
          placeholder={t('registrations.form.shortcomingsPlaceholder')}
          data-testid="registration-shortcomings"
        />
      </Form.Item>
      <Typography.Title level={4}>{t('registrations.form.actionsTitle', { count: actions.length })}</Typography.Title>
      <Form.List name="actions">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                className="block-gap-bottom"
                title={t('registrations.form.action', { index: index + 1 })}
                data-testid={`registration-action-${index}`}
                extra={
                  fields.length > 1 ? (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('registrations.form.removeAction')}
                      onClick={() => remove(field.name)}
                    />
                  ) : null
                }
              >
                <Form.Item name={[field.name, 'area']} label={t('registrations.form.area')}>
                  <Segmented block options={ACTION_AREAS.map((area) => ({ value: area, label: t(`registrations.areas.${area}`) }))} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'content']}
                  label={t('registrations.form.content')}
                  rules={[{ required: true, whitespace: true, message: t('registrations.form.contentRequired') }]}
                >
                  <Input.TextArea
                    autoSize={{ minRows: 2, maxRows: 6 }}
                    maxLength={1000}
                    placeholder={t('registrations.form.contentPlaceholder')}
                    data-testid={`action-content-${index}`}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'measurableResult']}
                  label={t('registrations.form.measurableResult')}
                  rules={[
                    {
                      warningOnly: true,
                      validator: (_rule, value?: string) =>
                        value?.trim() ? Promise.resolve() : Promise.reject(new Error(t('registrations.form.warnNoResult'))),
                    },
                  ]}
                >
                  <Input
                    maxLength={1000}
                    placeholder={t('registrations.form.measurablePlaceholder')}
                    data-testid={`action-result-${index}`}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'deadline']}
                  label={t('registrations.form.deadline')}
                  rules={[
                    {
                      warningOnly: true,
                      validator: (_rule, value?: Dayjs) =>
                        value ? Promise.resolve() : Promise.reject(new Error(t('registrations.form.warnNoDeadline'))),
                    },
                  ]}
                >
                  <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} inputReadOnly data-testid={`action-deadline-${index}`} />
                </Form.Item>
                <Form.Item name={[field.name, 'link']} label={t('registrations.form.link')}>
                  <Select
                    allowClear
                    options={linkSelectOptions(options, t)}
                    placeholder={t('registrations.form.linkPlaceholder')}
                    data-testid={`action-link-${index}`}
                  />
                </Form.Item>
              </Card>
            ))}
            {fields.length < MAX_ACTIONS ? (
              <Button
                block
                icon={<PlusOutlined />}
                onClick={() => add(EMPTY_ACTION)}
                className="block-gap-bottom"
                data-testid="registration-add-action"
              >
                {t('registrations.form.addAction')}
              </Button>
            ) : null}
          </>
        )}
      </Form.List>
      <MutationErrorAlert error={error} />
      <Space wrap className="registration-form-buttons">
        <Button size="large" onClick={() => save(false)} loading={pending} data-testid="registration-save-draft">
          {t('registrations.form.saveDraft')}
        </Button>
        <Button size="large" type="primary" onClick={() => save(true)} loading={pending} data-testid="registration-save-submit">
          {t('registrations.form.saveAndSubmit')}
        </Button>
        {onCancel ? (
          <Button size="large" type="text" onClick={onCancel} disabled={pending}>
            {t('registrations.form.cancel')}
          </Button>
        ) : null}
      </Space>
    </Form>
  );
}
