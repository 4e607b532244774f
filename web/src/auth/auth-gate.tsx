import { type ReactNode, useEffect } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { loadSession, signOut, useSession } from './session.js';
import { ChangePasswordPage, SignInPage } from './sign-in-page.js';

/** The app for a signed-in user; the sign-in page (or the password change a one-time password needs) otherwise. */
export function AuthGate({ children }: { children: ReactNode }) {
  const session = useSession();
  useEffect(() => {
    void loadSession();
  }, []);
  if (session.status === 'loading')
    return <div className="page panel skeleton skeleton-tall" aria-busy="true" />;
  if (session.status === 'signed-out') return <SignInPage />;
  if (session.session.must_change_password) return <ChangePasswordPage />;
  return <>{children}</>;
}

/** Who is signed in, and the way out (in the top bar). */
export function UserMenu() {
  const { t } = useI18n();
  const session = useSession();
  if (session.status !== 'signed-in') return null;
  const { user } = session.session;
  return (
    <div className="user-menu" data-testid="user-menu">
      <span className="user-name" title={t(`auth.roles.${user.role}`)} data-testid="user-name">
        {user.name}
      </span>
      <button type="button" className="button" onClick={() => void signOut()} data-testid="sign-out">
        {t('auth.signOut')}
      </button>
    </div>
  );
}
