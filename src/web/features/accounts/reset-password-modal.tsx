import { Alert, App, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/contracts/accounts';
import { FormModal } from '../../components/form-modal';
import { useResetPassword } from './accounts.api';
import { PasswordField } from './password-field';

export function ResetPasswordModal({ account, onClose }: { account: Account; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reset = useResetPassword();

  const close = () => {
    reset.reset();
    onClose();
  };

  return (
    <FormModal
      open
      title={t('accounts.actions.resetPassword')}
      formId="account-reset-password"
      okText={t('accounts.actions.resetPasswordOk')}
      pending={reset.isPending}
      error={reset.error}
      onCancel={close}
    >
      <Alert
        type="info"
        showIcon
        title={t('accounts.resetPasswordNotice', { name: account.displayName, username: account.username })}
        className="block-gap-bottom"
      />
      <Form<{ newPassword: string }>
        id="account-reset-password"
        layout="vertical"
        disabled={reset.isPending}
        onFinish={(values) =>
          reset.mutate(
            { id: account.id, newPassword: values.newPassword },
            {
              onSuccess: () => {
                void message.success(t('accounts.messages.passwordReset', { username: account.username }));
                close();
              },
            },
          )
        }
      >
        <PasswordField name="newPassword" label={t('accounts.fields.newPassword')} />
      </Form>
    </FormModal>
  );
}
