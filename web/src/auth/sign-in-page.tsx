import { type FormEvent, type InputHTMLAttributes, useState } from 'react';
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

/** A required field with its label; `onValue` receives the text as typed. */
function Field({
  label,
  onValue,
  ...input
}: { label: string; onValue: (v: string) => void } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label>
      {label}
      <input {...input} onChange={(e) => onValue(e.target.value)} required />
    </label>
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
        <Field
          label={t('auth.login')}
          name="login"
          autoComplete="username"
          value={login}
          onValue={setLogin}
          data-testid="sign-in-login"
        />
        <Field
          label={t('auth.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onValue={setPassword}
          data-testid="sign-in-password"
        />
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
        <Field
          label={t('auth.currentPassword')}
          type="password"
          autoComplete="current-password"
          value={current}
          onValue={setCurrent}
          data-testid="current-password"
        />
        <Field
          label={t('auth.newPassword')}
          type="password"
          autoComplete="new-password"
          minLength={10}
          value={next}
          onValue={setNext}
          data-testid="new-password"
        />
        <Field
          label={t('auth.repeatPassword')}
          type="password"
          autoComplete="new-password"
          value={repeat}
          onValue={setRepeat}
          data-testid="repeat-password"
          aria-invalid={mismatch}
        />
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
