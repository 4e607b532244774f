import type { Store } from '../../store/store.js';
import { DEFAULT_PASSWORD_COST } from './passwords.js';

export interface ThrottleOptions {
  /** failures are counted over this trailing window */
  windowMs: number;
  /** failed sign-ins per login within the window before further attempts are refused */
  perLogin: number;
  /** failed sign-ins per client address within the window */
  perIp: number;
}

export interface AuthOptions {
  /** log2 of scrypt's N for new password hashes */
  passwordCost?: number;
  /** a session ends after this long without use */
  sessionIdleMs?: number;
  /** and in any case this long after sign-in */
  sessionMaxMs?: number;
  throttle?: Partial<ThrottleOptions>;
}

export interface AuthContext {
  store: Store;
  now: () => number;
  passwordCost: number;
  sessionIdleMs: number;
  sessionMaxMs: number;
  throttle: ThrottleOptions;
}

export const DEFAULT_THROTTLE: ThrottleOptions = { windowMs: 15 * 60_000, perLogin: 5, perIp: 30 };

export function authContext(store: Store, now: () => number, options: AuthOptions = {}): AuthContext {
  return {
    store,
    now,
    passwordCost: options.passwordCost ?? DEFAULT_PASSWORD_COST,
    sessionIdleMs: options.sessionIdleMs ?? 12 * 3600_000,
    sessionMaxMs: options.sessionMaxMs ?? 7 * 24 * 3600_000,
    throttle: { ...DEFAULT_THROTTLE, ...options.throttle },
  };
}
