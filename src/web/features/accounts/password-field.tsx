import { ThunderboltOutlined } from '@ant-design/icons';
import { Button, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { generatePassword, PASSWORD_MIN_LENGTH } from '../../lib/password';

interface PasswordInputProps {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
}

function PasswordInput({ value, onChange, id }: PasswordInputProps) {
  const { t } = useTranslation();
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input.Password id={id} value={value} onChange={(event) => onChange?.(event.target.value)} autoComplete="new-password" />
      <Button icon={<ThunderboltOutlined />} onClick={() => onChange?.(generatePassword())}>
        {t('accounts.generatePassword')}
      </Button>
    </Space.Compact>
  );
}

/** An initial or reset password, which the user will be asked to change at the next sign-in. */
export function PasswordField({ name, label }: { name: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={name}
      label={label}
      extra={t('accounts.passwordHelp')}
      rules={[
        { required: true, message: t('accounts.form.passwordRequired') },
        { min: PASSWORD_MIN_LENGTH, message: t('auth.changePassword.minLength', { count: PASSWORD_MIN_LENGTH }) },
        { pattern: /\D/, message: t('auth.changePassword.notOnlyDigits') },
      ]}
    >
      <PasswordInput />
    </Form.Item>
  );
}
