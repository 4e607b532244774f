import { useSyncExternalStore } from 'react';

export interface SessionUser {
  user_id: string;
  login: string;
  name: string;
  role: 'admin' | 'supervisor' | 'agent' | 'viewer';
  line: number | null;
  team_id: string | null;
}

export interface Session {
  user: SessionUser;
  permissions: string[];
  csrf_token: string;
  must_change_password: boolean;
}

/** Where the page stands: still asking, signed out, or signed in (possibly with a password to change). */
export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; session: Session };

let state: SessionState = { status: 'loading' };
const listeners = new Set<() => void>();

function set(next: SessionState): void {
  state = next;
  for (const l of listeners) l();
}

export function useSession(): SessionState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

/** Any API answer of 401 means the session is gone (expired, signed out elsewhere): show the sign-in page. */
export function sessionEnded(): void {
  if (state.status !== 'signed-out') set({ status: 'signed-out' });
}

export class SignInError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryAfterS: number | null = null,
  ) {
    super(message);
  }
}

async function send(path: string, body: unknown, csrf?: string): Promise<Session> {
  const res = await fetch(path, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(csrf ? { 'x-csrf-token': csrf } : {}),
    },
    body: JSON.stringify(body),
  });
  const json = (await res.json().catch(() => null)) as
    | (Session & { error?: undefined })
    | { error: { code: string; message: string; details: { retry_after_s?: number } | null } }
    | null;
  if (!res.ok || !json || json.error) {
    const e = json?.error;
    throw new SignInError(
      e?.code ?? 'http_error',
      e?.message ?? `${res.status}`,
      e?.details?.retry_after_s ?? null,
    );
  }
  return json;
}

export async function loadSession(): Promise<void> {
  const res = await fetch('/api/v1/auth/session', { headers: { accept: 'application/json' } }).catch(
    () => null,
  );
  if (res?.ok) set({ status: 'signed-in', session: (await res.json()) as Session });
  else set({ status: 'signed-out' });
}

export async function signIn(login: string, password: string): Promise<void> {
  set({ status: 'signed-in', session: await send('/api/v1/auth/sign-in', { login, password }) });
}

export async function changePassword(current: string, next: string): Promise<void> {
  if (state.status !== 'signed-in') throw new SignInError('unauthenticated', 'not signed in');
  const session = await send(
    '/api/v1/auth/password',
    { current_password: current, new_password: next },
    state.session.csrf_token,
  );
  set({ status: 'signed-in', session });
}

export async function signOut(): Promise<void> {
  const csrf = state.status === 'signed-in' ? state.session.csrf_token : '';
  await fetch('/api/v1/auth/sign-out', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
    body: '{}',
  }).catch(() => null);
  set({ status: 'signed-out' });
}
