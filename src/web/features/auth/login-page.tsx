import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { FullPageLoading } from '../../app/full-page-loading';
import { LanguageSwitch } from '../../app/language-switch';
import { paths } from '../../app/paths';
import { loadSignedInRoutes } from '../../app/signed-in-loader';
import { describeError } from '../../lib/errors';
import { useLogin, useSession } from './auth.api';
import { LoginField } from './login-field';
import { takeSessionExpired } from './session-expiry';

/** Only addresses inside the app are followed after signing in, never another site. */
function safeReturnPath(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state) {
    const from = (state as { from: unknown }).from;
    if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== paths.login) return from;
  }
  return paths.home;
}

type FieldErrors = { username: string | null; password: string | null };

/**
 * Plain HTML and CSS, without the component library: on a weak mobile link this is the page that
 * must appear quickly. The signed-in pages start loading as soon as the user begins typing.
 */
export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const returnPath = safeReturnPath(location.state);
  const [expired] = useState(takeSessionExpired);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({ username: null, password: null });

  if (session.isPending) return <FullPageLoading />;
  if (session.data && !login.isPending) {
    return <Navigate to={session.data.user.mustChangePassword ? paths.changePassword : returnPath} replace />;
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: FieldErrors = {
      username: username.trim() === '' ? t('auth.login.usernameRequired') : null,
      password: password === '' ? t('auth.login.passwordRequired') : null,
    };
    setErrors(found);
    if (found.username || found.password) return;
    login.mutate({ username: username.trim(), password }, { onSuccess: () => void navigate(returnPath, { replace: true }) });
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
          <h1 className="login-title">{t('app.name')}</h1>
          <p className="login-campaign">{t('app.campaign')}</p>
        </div>
        <section className="login-card plain-card">
          <h2 className="login-card-title">{t('auth.login.title')}</h2>
          {expired && !login.isError ? <div className="plain-alert plain-alert-info">{t('auth.login.sessionExpired')}</div> : null}
          {login.isError ? (
            <div className="plain-alert plain-alert-error" role="alert">
              {describeError(login.error, t)}
            </div>
          ) : null}
          <form onSubmit={submit} onInput={() => void loadSignedInRoutes()} noValidate>
            <fieldset className="plain-fieldset" disabled={login.isPending}>
              <LoginField
                id="login-username"
                label={t('auth.login.username')}
                error={errors.username}
                value={username}
                onChange={(event) => setUsername(event.target.value)}
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                autoFocus
                data-testid="login-username"
              />
              <LoginField
                id="login-password"
                label={t('auth.login.password')}
                error={errors.password}
                type={showPassword ? 'text' : 'password'}
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                autoComplete="current-password"
                data-testid="login-password"
                after={
                  <button
                    type="button"
                    className="plain-input-action"
                    aria-controls="login-password"
                    onClick={() => setShowPassword((shown) => !shown)}
                  >
                    {showPassword ? t('auth.login.hidePassword') : t('auth.login.showPassword')}
                  </button>
                }
              />
              <button
                type="submit"
                className="plain-button plain-button-primary plain-button-block"
                data-testid="login-submit"
                aria-busy={login.isPending}
              >
                {login.isPending ? <span className="plain-spinner plain-spinner-small" aria-hidden /> : null}
                {t('auth.login.submit')}
              </button>
            </fieldset>
          </form>
          <p className="login-help">{t('auth.login.help')}</p>
        </section>
      </main>
    </div>
  );
}
