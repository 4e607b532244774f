import { type FormEvent, useState } from 'react';
import { Logo } from '../components/icons.js';
import { LanguageSwitch } from '../components/language-switch.js';
import { useI18n } from '../i18n/i18n.js';
import { changePassword, SignInError, signIn } from './session.js';
import './auth.css';

function useSubmit(run: () => Promise<void>) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await run();
    } catch (err) {
      const code = err instanceof SignInError ? err.code : 'http_error';
      const known = ['invalid_credentials', 'too_many_attempts', 'invalid_request'];
      setError(
        t(`auth.errors.${known.includes(code) ? code : 'other'}`, {
          seconds: err instanceof SignInError ? (err.retryAfterS ?? 0) : 0,
          message: err instanceof Error ? err.message : String(err),
        }),
      );
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit };
}

function Shell({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="auth-page" id="main">
      <div className="auth-card panel">
        <div className="auth-brand">
          <Logo />
          <span className="brand-name">Firstline</span>
          <LanguageSwitch />
        </div>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}

/** Shown instead of the app to anyone not signed in; the address stays, so the page asked for opens after. */
export function SignInPage() {
  const { t } = useI18n();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useSubmit(() => signIn(login.trim(), password));
  return (
    <Shell title={t('auth.title')}>
      <form className="auth-form" onSubmit={submit} data-testid="sign-in">
        <label>
          {t('auth.login')}
          <input
            name="login"
            autoComplete="username"
            value={login}
            onChange={(e) => setLogin(e.target.value)}
            required
            data-testid="sign-in-login"
          />
        </label>
        <label>
          {t('auth.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
            data-testid="sign-in-password"
          />
        </label>
        {error && (
          <p className="banner banner-error" role="alert" data-testid="sign-in-error">
            {error}
          </p>
        )}
        <button type="submit" className="button auth-submit" disabled={busy} data-testid="sign-in-submit">
          {busy ? t('auth.signingIn') : t('auth.signIn')}
        </button>
        <p className="auth-hint">{t('auth.firstTime')}</p>
      </form>
    </Shell>
  );
}

/** A one-time password (first start, or reset by an administrator) must be replaced before anything else. */
export function ChangePasswordPage() {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const mismatch = repeat.length > 0 && next !== repeat;
  const { busy, error, submit } = useSubmit(() => changePassword(current, next));
  return (
    <Shell title={t('auth.changeTitle')}>
      <form
        className="auth-form"
        onSubmit={(e) => (mismatch ? e.preventDefault() : submit(e))}
        data-testid="change-password"
      >
        <p>{t('auth.changeWhy')}</p>
        <label>
          {t('auth.currentPassword')}
          <input
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            required
            data-testid="current-password"
          />
        </label>
        <label>
          {t('auth.newPassword')}
          <input
            type="password"
            autoComplete="new-password"
            minLength={10}
            value={next}
            onChange={(e) => setNext(e.target.value)}
            required
            data-testid="new-password"
          />
        </label>
        <label>
          {t('auth.repeatPassword')}
          <input
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
            required
            data-testid="repeat-password"
            aria-invalid={mismatch}
          />
        </label>
        {mismatch && <p className="field-error">{t('auth.mismatch')}</p>}
        {error && (
          <p className="banner banner-error" role="alert">
            {error}
          </p>
        )}
        <button
          type="submit"
          className="button auth-submit"
          disabled={busy || mismatch}
          data-testid="change-password-submit"
        >
          {t('auth.savePassword')}
        </button>
      </form>
    </Shell>
  );
}
