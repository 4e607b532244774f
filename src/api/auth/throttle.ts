import { clearFailures, failuresSince, pruneFailures, recordFailure } from '../../store/auth-log.js';
import type { AuthContext } from './context.js';

const loginKey = (login: string) => `login:${login}`;
const ipKey = (ip: string) => `ip:${ip}`;

/**
 * Seconds until a sign-in may be tried again for this login or from this address, or 0 when it may be tried
 * now. Checked before the password, so guessing goes no faster once the limit is reached, right or wrong.
 */
export async function signInRetryAfter(ctx: AuthContext, login: string, ip: string): Promise<number> {
  const { windowMs, perLogin, perIp } = ctx.throttle;
  const now = ctx.now();
  const failures = await failuresSince(ctx.store.db, [loginKey(login), ipKey(ip)], now - windowMs);
  let until = 0;
  for (const [key, limit] of [
    [loginKey(login), perLogin],
    [ipKey(ip), perIp],
  ] as const) {
    const list = failures.get(key) ?? [];
    // Blocked until the oldest failure that keeps the count at the limit leaves the window.
    if (list.length >= limit) until = Math.max(until, list[list.length - limit]! + windowMs);
  }
  return until > now ? Math.ceil((until - now) / 1000) : 0;
}

export async function signInFailed(ctx: AuthContext, login: string, ip: string): Promise<void> {
  const now = ctx.now();
  await recordFailure(ctx.store.db, [loginKey(login), ipKey(ip)], now);
  // Old rows are useless; dropping them here keeps the table as small as the window.
  if (Math.random() < 0.05) await pruneFailures(ctx.store.db, now - ctx.throttle.windowMs);
}

/** A correct password clears its login's count; the address keeps its record (it may be guessing many logins). */
export async function signInSucceeded(ctx: AuthContext, login: string): Promise<void> {
  await clearFailures(ctx.store.db, loginKey(login));
}
