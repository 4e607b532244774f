import type { FastifyReply, FastifyRequest } from 'fastify';
import { deleteSession, extendSession, findSession, insertSession } from '../../store/auth-sessions.js';
import { findUser } from '../../store/auth-users.js';
import type { AuthContext } from './context.js';
import { parseCookies, serializeCookie } from './cookies.js';
import { type Principal, rolePermissions, type UserRecord } from './permissions.js';
import { randomSecret, sha256 } from './secrets.js';

export const SESSION_COOKIE = 'firstline_session';
/** Readable by the page, which echoes it in X-CSRF-Token; the server compares it with the session's copy. */
export const CSRF_COOKIE = 'firstline_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Secure cookies whenever the client reached us over TLS (directly, or through a proxy we were told to trust). */
const isSecure = (req: FastifyRequest) => req.protocol === 'https';

function setCookies(
  req: FastifyRequest,
  reply: FastifyReply,
  session: string,
  csrf: string,
  maxAgeS: number,
) {
  const secure = isSecure(req);
  reply.header('set-cookie', [
    serializeCookie(SESSION_COOKIE, session, { httpOnly: true, secure, maxAge: maxAgeS }),
    serializeCookie(CSRF_COOKIE, csrf, { httpOnly: false, secure, maxAge: maxAgeS }),
  ]);
}

export function clearSessionCookies(req: FastifyRequest, reply: FastifyReply): void {
  setCookies(req, reply, '', '', 0);
}

export const sessionCookieOf = (req: FastifyRequest) => parseCookies(req.headers.cookie).get(SESSION_COOKIE);

/**
 * Starts a fresh session for a user who just proved who they are. The id is always new, and any session the
 * request arrived with is ended, so an id planted before sign-in (session fixation) is worth nothing after it.
 */
export async function startSession(
  ctx: AuthContext,
  req: FastifyRequest,
  reply: FastifyReply,
  user: UserRecord,
): Promise<{ csrfToken: string }> {
  const previous = sessionCookieOf(req);
  if (previous) await deleteSession(ctx.store.db, sha256(previous));
  const id = randomSecret();
  const csrfToken = randomSecret();
  const now = ctx.now();
  await insertSession(ctx.store.db, {
    session_hash: sha256(id),
    user_id: user.user_id,
    csrf_token: csrfToken,
    created_at: now,
    expires_at: now + ctx.sessionIdleMs,
    ip: req.ip ?? null,
    user_agent: String(req.headers['user-agent'] ?? '').slice(0, 300) || null,
  });
  setCookies(req, reply, id, csrfToken, Math.floor(ctx.sessionMaxMs / 1000));
  return { csrfToken };
}

/** The principal behind a session cookie, or null for a missing, unknown, expired or disabled one. */
export async function sessionPrincipal(ctx: AuthContext, cookie: string): Promise<Principal | null> {
  const hash = sha256(cookie);
  const session = await findSession(ctx.store.db, hash);
  const now = ctx.now();
  if (!session) return null;
  if (session.expires_at <= now || Number(session.created_at) + ctx.sessionMaxMs <= now) {
    await deleteSession(ctx.store.db, hash);
    return null;
  }
  const user = await findUser(ctx.store.db, session.user_id);
  if (!user || user.disabled) return null;
  // Slide the idle deadline, but write at most once per tenth of it.
  if (Number(session.expires_at) - now < ctx.sessionIdleMs * 0.9)
    await extendSession(ctx.store.db, hash, now + ctx.sessionIdleMs);
  return {
    kind: 'session',
    user,
    permissions: rolePermissions(user.role),
    csrfToken: session.csrf_token,
    sessionHash: hash,
  };
}
