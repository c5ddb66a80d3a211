import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { FullPageLoading } from '../../app/full-page-loading';
import { LanguageSwitch } from '../../app/language-switch';
import { paths } from '../../app/paths';
import { describeError } from '../../lib/errors';
import { type LoginInput, useLogin, useSession } from './auth.api';
import { takeSessionExpired } from './session-expiry';

/** Only addresses inside the app are followed after signing in, never another site. */
function safeReturnPath(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state) {
    const from = (state as { from: unknown }).from;
    if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== paths.login) return from;
  }
  return paths.home;
}

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const returnPath = safeReturnPath(location.state);
  const [expired] = useState(takeSessionExpired);

  if (session.isPending) return <FullPageLoading />;
  if (session.data && !login.isPending) {
    return <Navigate to={session.data.user.mustChangePassword ? paths.changePassword : returnPath} replace />;
  }

  const submit = (values: LoginInput) => {
    login.mutate(
      { username: values.username.trim(), password: values.password },
      { onSuccess: () => void navigate(returnPath, { replace: true }) },
    );
  };

  return (
    <div className="login-page">
      <div className="login-language">
        <LanguageSwitch />
      </div>
      <main className="login-main">
        <div className="login-brand">
          <span className="brand-star brand-star-large" aria-hidden>
            ★
          </span>
          <Typography.Title level={1} className="login-title">
            {t('app.name')}
          </Typography.Title>
          <Typography.Paragraph className="login-campaign">{t('app.campaign')}</Typography.Paragraph>
        </div>
        <Card className="login-card">
          <Typography.Title level={2} className="login-card-title">
            {t('auth.login.title')}
          </Typography.Title>
          {expired && !login.isError ? (
            <Alert type="info" showIcon title={t('auth.login.sessionExpired')} className="block-gap-bottom" />
          ) : null}
          {login.isError ? (
            <Alert type="error" showIcon title={describeError(login.error, t)} className="block-gap-bottom" role="alert" />
          ) : null}
          <Form<LoginInput> layout="vertical" onFinish={submit} requiredMark={false} size="large" disabled={login.isPending}>
            <Form.Item
              label={t('auth.login.username')}
              name="username"
              rules={[{ required: true, whitespace: true, message: t('auth.login.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined />}
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                autoFocus
                data-testid="login-username"
              />
            </Form.Item>
            <Form.Item
              label={t('auth.login.password')}
              name="password"
              rules={[{ required: true, message: t('auth.login.passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
              {t('auth.login.submit')}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" className="login-help">
            {t('auth.login.help')}
          </Typography.Paragraph>
        </Card>
      </main>
    </div>
  );
}
