import { App, Button, Form, Input, Modal, Switch, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MutationErrorAlert } from '../../components/form-bits';
import { QueryError } from '../../components/query-error';
import { describeError } from '../../lib/errors';
import { type CommendationForm, useCommendationForms, useCreateCommendationForm, useUpdateCommendationForm } from './commendations.api';

/** The forms of commendation the whole tree chooses from: a new form is added here, an old one switched off. */
export function CommendationFormsModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const forms = useCommendationForms(true);
  const create = useCreateCommendationForm();
  const update = useUpdateCommendationForm();
  const [form] = Form.useForm<{ name: string }>();
  const report = (error: unknown) => void message.error(describeError(error, t));

  const submit = ({ name }: { name: string }) => {
    create.mutate(
      { name: name.trim() },
      {
        onSuccess: (saved) => {
          void message.success(t('commendations.forms.added', { name: saved.name }));
          form.resetFields();
        },
      },
    );
  };

  return (
    <Modal open title={t('commendations.forms.title')} onCancel={onClose} footer={null} width={640} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('commendations.forms.help')}</Typography.Paragraph>
      {forms.isError ? <QueryError error={forms.error} compact /> : null}
      <Table<CommendationForm>
        rowKey="code"
        size="small"
        pagination={false}
        loading={forms.isFetching}
        dataSource={forms.data ?? []}
        data-testid="commendation-forms-table"
        columns={[
          {
            title: t('commendations.forms.name'),
            dataIndex: 'name',
            render: (name: string, row) => (
              <Typography.Text
                editable={{
                  onChange: (next) =>
                    next.trim() && next.trim() !== name && update.mutate({ code: row.code, name: next.trim() }, { onError: report }),
                }}
              >
                {name}
              </Typography.Text>
            ),
          },
          {
            title: t('commendations.forms.inUse'),
            key: 'active',
            width: 110,
            render: (_value, row) => (
              <Switch
                checked={row.active}
                loading={update.isPending && update.variables?.code === row.code}
                aria-label={t('commendations.forms.inUse')}
                onChange={(active) => update.mutate({ code: row.code, active }, { onError: report })}
              />
            ),
          },
        ]}
      />
      <Form<{ name: string }> form={form} layout="vertical" onFinish={submit} className="block-gap" disabled={create.isPending}>
        <MutationErrorAlert error={create.error} />
        <Form.Item
          name="name"
          label={t('commendations.forms.name')}
          rules={[{ required: true, whitespace: true, message: t('commendations.forms.nameRequired') }, { max: 100 }]}
        >
          <Input maxLength={100} placeholder={t('commendations.forms.namePlaceholder')} data-testid="commendation-form-name" />
        </Form.Item>
        <div className="modal-actions">
          <Button onClick={onClose}>{t('common.close')}</Button>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="commendation-form-add">
            {t('commendations.forms.add')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
