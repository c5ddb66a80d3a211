import { App, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/contracts/accounts';
import type { Role } from '../../../shared/contracts/domain';
import { RoleSelect } from '../../components/enum-select';
import { FormModal } from '../../components/form-modal';
import { type UnitChoice, UnitTreeSelect } from '../../components/unit-tree-select';
import { useAddGrant } from './accounts.api';

interface Values {
  unit: UnitChoice | null;
  role: Role;
}

export function AddGrantModal({ account, onClose }: { account: Account; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const addGrant = useAddGrant();

  const close = () => {
    addGrant.reset();
    onClose();
  };

  const submit = (values: Values) => {
    if (!values.unit) return;
    const unit = values.unit;
    addGrant.mutate(
      { accountId: account.id, unitId: unit.value, role: values.role },
      {
        onSuccess: () => {
          void message.success(t('accounts.messages.grantAdded', { role: t(`enums.role.${values.role}`), unit: unit.label }));
          close();
        },
      },
    );
  };

  return (
    <FormModal
      open
      title={t('accounts.addGrantTitle', { name: account.displayName })}
      formId="account-add-grant"
      okText={t('accounts.actions.addGrant')}
      pending={addGrant.isPending}
      error={addGrant.error}
      onCancel={close}
    >
      <Form<Values>
        id="account-add-grant"
        layout="vertical"
        onFinish={submit}
        disabled={addGrant.isPending}
        initialValues={{ role: 'member' }}
      >
        <Form.Item
          name="unit"
          label={t('accounts.fields.unit')}
          extra={t('accounts.grantHelp')}
          rules={[{ required: true, message: t('accounts.form.unitRequired') }]}
        >
          <UnitTreeSelect />
        </Form.Item>
        <Form.Item name="role" label={t('accounts.fields.role')} rules={[{ required: true, message: t('accounts.form.roleRequired') }]}>
          <RoleSelect />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
