import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/contracts/domain';
import { useActingUnit } from '../../app/acting-unit';
import { RoleSelect } from '../../components/enum-select';
import { FormModal } from '../../components/form-modal';
import { type UnitChoice, UnitTreeSelect } from '../../components/unit-tree-select';
import { useCreateAccount } from './accounts.api';
import { PasswordField } from './password-field';

interface GrantValues {
  unit: UnitChoice | null;
  role: Role;
}

interface Values {
  username: string;
  displayName: string;
  password: string;
  grants: GrantValues[];
}

export function CreateAccountModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { actingUnit } = useActingUnit();
  const create = useCreateAccount();

  const close = () => {
    create.reset();
    onClose();
  };

  const submit = (values: Values) => {
    create.mutate(
      {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        password: values.password,
        grants: values.grants.flatMap((grant) => (grant.unit ? [{ unitId: grant.unit.value, role: grant.role }] : [])),
      },
      {
        onSuccess: (account) => {
          void message.success(t('accounts.messages.created', { username: account.username }));
          close();
        },
      },
    );
  };

  const firstGrant: GrantValues = { unit: actingUnit ? { value: actingUnit.id, label: actingUnit.name } : null, role: 'member' };

  return (
    <FormModal
      open={open}
      title={t('accounts.actions.create')}
      formId="account-create"
      okText={t('accounts.actions.createOk')}
      pending={create.isPending}
      error={create.error}
      onCancel={close}
      width={760}
    >
      <Form<Values>
        id="account-create"
        layout="vertical"
        onFinish={submit}
        disabled={create.isPending}
        initialValues={{ grants: [firstGrant] }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="username"
              label={t('accounts.fields.username')}
              extra={t('accounts.form.usernameHelp')}
              rules={[
                { required: true, message: t('accounts.form.usernameRequired') },
                { pattern: /^[a-zA-Z0-9._-]{3,64}$/, message: t('accounts.form.usernameInvalid') },
              ]}
            >
              <Input autoFocus autoComplete="off" autoCapitalize="none" spellCheck={false} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="displayName"
              label={t('accounts.fields.displayName')}
              rules={[{ required: true, whitespace: true, message: t('accounts.form.displayNameRequired') }]}
            >
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <PasswordField name="password" label={t('accounts.fields.initialPassword')} />
          </Col>
        </Row>
        <Form.List
          name="grants"
          rules={[
            {
              validator: (_rule, grants: GrantValues[] | undefined) =>
                grants?.length ? Promise.resolve() : Promise.reject(new Error(t('accounts.form.grantsMin'))),
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <fieldset className="grants-fieldset">
              <legend>{t('accounts.fields.grants')}</legend>
              {fields.map((field, index) => (
                <Row gutter={8} key={field.key} align="top">
                  <Col xs={24} md={14}>
                    <Form.Item
                      name={[field.name, 'unit']}
                      label={index === 0 ? t('accounts.fields.unit') : undefined}
                      rules={[{ required: true, message: t('accounts.form.unitRequired') }]}
                    >
                      <UnitTreeSelect aria-label={t('accounts.fields.unit')} />
                    </Form.Item>
                  </Col>
                  <Col xs={20} md={8}>
                    <Form.Item
                      name={[field.name, 'role']}
                      label={index === 0 ? t('accounts.fields.role') : undefined}
                      rules={[{ required: true, message: t('accounts.form.roleRequired') }]}
                    >
                      <RoleSelect aria-label={t('accounts.fields.role')} />
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={2} className={index === 0 ? 'grant-remove-first' : undefined}>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t('accounts.actions.removeGrantRow')}
                      disabled={fields.length === 1}
                    />
                  </Col>
                </Row>
              ))}
              <Form.ErrorList errors={errors} />
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ unit: null, role: 'member' })}>
                {t('accounts.actions.addGrantRow')}
              </Button>
            </fieldset>
          )}
        </Form.List>
      </Form>
    </FormModal>
  );
}
