import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MutationErrorAlert } from '../../components/form-bits';
import { MAX_CRITERIA } from '../../../shared/contracts/standards';
import { AdoptModal } from './adopt-modal';
import { type Criterion, type StandardVersion, useCreateDraft, useDeleteDraft, useUpdateDraft } from './standards.api';

interface Values {
  title: string;
  criteria: Criterion[];
}

interface DraftEditorProps {
  unitId: number;
  /** The saved draft, or null while a first draft is typed and not yet saved. */
  draft: StandardVersion | null;
  current: StandardVersion | null;
  defaultTitle: string;
  onCancelNew: () => void;
}

/** The draft's criteria as an editable list; adopting saves what is on screen first. */
export function DraftEditor({ unitId, draft, current, defaultTitle, onCancelNew }: DraftEditorProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateDraft();
  const update = useUpdateDraft();
  const remove = useDeleteDraft();
  const [adopting, setAdopting] = useState<StandardVersion | null>(null);
  // The answer of the last save may be newer than the page's copy until the page reloads it.
  const [lastSaved, setLastSaved] = useState<StandardVersion | null>(null);
  const latest = lastSaved && (!draft || (lastSaved.id === draft.id && lastSaved.version > draft.version)) ? lastSaved : draft;
  const pending = create.isPending || update.isPending || remove.isPending;
  const error = create.error ?? update.error ?? remove.error;

  const save = async (values: Values): Promise<StandardVersion> => {
    const criteria = values.criteria.map((criterion) => ({ text: criterion.text.trim() }));
    if (latest) return update.mutateAsync({ id: latest.id, version: latest.version, title: values.title.trim(), criteria });
    return create.mutateAsync({ unitId, title: values.title.trim(), criteria });
  };

  /** What is on screen is now what the server holds: nothing left to save before adopting. */
  const markSaved = (saved: StandardVersion) => {
    setLastSaved(saved);
    form.resetFields();
    form.setFieldsValue({ title: saved.title, criteria: saved.criteria });
  };

  const onSave = async () => {
    const values = await form.validateFields();
    const saved = await save(values).catch(() => null);
    if (!saved) return;
    markSaved(saved);
    void message.success(t('standards.draft.saved'));
  };

  const onAdopt = async () => {
    const values = await form.validateFields();
    // An untouched saved draft is adopted as it is; anything typed is saved first.
    if (latest && !form.isFieldsTouched()) {
      setAdopting(latest);
      return;
    }
    const saved = await save(values).catch(() => null);
    if (saved) {
      markSaved(saved);
      setAdopting(saved);
    }
  };

  return (
    <Card
      title={draft ? t('standards.draft.title', { number: draft.versionNumber }) : t('standards.draft.titleNew')}
      className="block-gap-bottom"
      data-testid="standards-draft"
    >
      <Typography.Paragraph type="secondary">{t('standards.draft.help', { max: MAX_CRITERIA })}</Typography.Paragraph>
      <MutationErrorAlert error={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={pending}
        initialValues={{ title: draft?.title ?? defaultTitle, criteria: draft?.criteria ?? [{ text: '' }] }}
        onFinish={() => void onSave()}
      >
        <Form.Item
          name="title"
          label={t('standards.draft.fieldTitle')}
          rules={[{ required: true, whitespace: true, message: t('standards.draft.fieldTitleRequired') }]}
        >
          <Input maxLength={200} data-testid="standards-draft-title" />
        </Form.Item>
        <Form.List name="criteria">
          {(fields, { add, remove: removeField }) => (
            <>
              {fields.map((field, index) => (
                <div key={field.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                  <Form.Item
                    name={[field.name, 'text']}
                    label={t('standards.draft.criterion', { number: index + 1 })}
                    style={{ flex: 1, minWidth: 0 }}
                    rules={[
                      { required: true, whitespace: true, message: t('standards.draft.criterionRequired') },
                      { min: 3, message: t('standards.draft.criterionShort') },
                    ]}
                  >
                    <Input.TextArea
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      maxLength={300}
                      showCount
                      placeholder={t('standards.draft.criterionPlaceholder')}
                      data-testid={`standards-criterion-${index}`}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => removeField(field.name)}
                    disabled={fields.length <= 1}
                    aria-label={t('standards.draft.removeCriterion', { number: index + 1 })}
                    style={{ marginTop: 30 }}
                  />
                </div>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ text: '' })}
                disabled={fields.length >= MAX_CRITERIA}
                block
                type="dashed"
                data-testid="standards-add-criterion"
              >
                {t('standards.draft.addCriterion')}
              </Button>
            </>
          )}
        </Form.List>
        <Space wrap style={{ marginTop: 16 }}>
          <Button htmlType="submit" loading={create.isPending || update.isPending} data-testid="standards-save-draft">
            {t('standards.draft.save')}
          </Button>
          <Button type="primary" onClick={() => void onAdopt()} disabled={pending} data-testid="standards-adopt">
            {t('standards.draft.adopt')}
          </Button>
          {draft ? (
            <Popconfirm
              title={t('standards.draft.discardConfirm')}
              okText={t('standards.draft.discard')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() =>
                remove.mutateAsync({ id: draft.id, version: (latest ?? draft).version }).then(
                  () => {
                    setLastSaved(null);
                    onCancelNew();
                    void message.success(t('standards.draft.discarded'));
                  },
                  () => undefined,
                )
              }
            >
              <Button danger type="text" data-testid="standards-discard-draft">
                {t('standards.draft.discard')}
              </Button>
            </Popconfirm>
          ) : (
            <Button type="text" onClick={onCancelNew}>
              {t('standards.draft.cancelNew')}
            </Button>
          )}
        </Space>
      </Form>
      {adopting ? <AdoptModal draft={adopting} current={current} onClose={() => setAdopting(null)} /> : null}
    </Card>
  );
}
