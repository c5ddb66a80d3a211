import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LanguageSwitch } from '../../app/language-switch';
import { paths } from '../../app/paths';
import { useCurrentSession } from '../../app/session';
import { describeError } from '../../lib/errors';
import { PASSWORD_MIN_LENGTH } from '../../lib/password';
import { useChangePassword, useLogout } from './auth.api';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const session = useCurrentSession();
  const changePassword = useChangePassword();
  const logout = useLogout();
  const forced = session.user.mustChangePassword;

  const submit = (values: ChangePasswordValues) => {
    changePassword.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          void message.success(t('auth.changePassword.success'));
          void navigate(paths.home, { replace: true });
        },
      },
    );
  };

  return (
    <div className="login-page">
      <div className="login-language">
        <LanguageSwitch />
      </div>
      <main className="login-main" id="main-content">
        <div className="login-brand login-brand-small">
          <span className="brand-star" aria-hidden>
            ★
          </span>
          <span className="login-brand-name">{t('app.name')}</span>
        </div>
        <Card className="login-card">
          <Typography.Title level={1} className="login-card-title">
            {t('auth.changePassword.title')}
          </Typography.Title>
          {forced ? <Alert type="warning" showIcon title={t('auth.changePassword.forcedNotice')} className="block-gap-bottom" /> : null}
          {changePassword.isError ? (
            <Alert type="error" showIcon title={describeError(changePassword.error, t)} className="block-gap-bottom" role="alert" />
          ) : null}
          <Form<ChangePasswordValues> layout="vertical" onFinish={submit} requiredMark={false} disabled={changePassword.isPending}>
            <input type="text" name="username" autoComplete="username" value={session.user.username} readOnly hidden />
            <Form.Item
              label={t('auth.changePassword.current')}
              name="currentPassword"
              rules={[{ required: true, message: t('auth.changePassword.currentRequired') }]}
            >
              <Input.Password autoComplete="current-password" autoFocus data-testid="password-current" />
            </Form.Item>
            <Form.Item
              label={t('auth.changePassword.new')}
              name="newPassword"
              extra={t('auth.changePassword.rule', { count: PASSWORD_MIN_LENGTH })}
              rules={[
                { required: true, message: t('auth.changePassword.newRequired') },
                { min: PASSWORD_MIN_LENGTH, message: t('auth.changePassword.minLength', { count: PASSWORD_MIN_LENGTH }) },
                { pattern: /\D/, message: t('auth.changePassword.notOnlyDigits') },
                ({ getFieldValue }) => ({
                  validator: (_rule, value: unknown) =>
                    value && value === getFieldValue('currentPassword')
                      ? Promise.reject(new Error(t('auth.changePassword.sameAsOld')))
                      : Promise.resolve(),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" data-testid="password-new" />
            </Form.Item>
            <Form.Item
              label={t('auth.changePassword.confirm')}
              name="confirmPassword"
              dependencies={['newPassword']}
              rules={[
                { required: true, message: t('auth.changePassword.confirmRequired') },
                ({ getFieldValue }) => ({
                  validator: (_rule, value: unknown) =>
                    !value || value === getFieldValue('newPassword')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('auth.changePassword.mismatch'))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" data-testid="password-confirm" />
            </Form.Item>
            <div className="form-actions">
              {forced ? (
                <Button onClick={() => logout.mutate(undefined, { onSettled: () => void navigate(paths.login, { replace: true }) })}>
                  {t('header.logout')}
                </Button>
              ) : (
                <Button onClick={() => void navigate(-1)}>{t('common.back')}</Button>
              )}
              <Button type="primary" htmlType="submit" loading={changePassword.isPending} data-testid="password-submit">
                {t('auth.changePassword.submit')}
              </Button>
            </div>
          </Form>
        </Card>
      </main>
    </div>
  );
}
