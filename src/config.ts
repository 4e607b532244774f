import type { FirstLineConfig } from './ingest/first-line-config.js';

/** The only module that reads the environment; everything else receives its settings. */
export interface Config {
  db: string;
  port: number;
  host: string;
  /** most events one POST may carry */
  maxBatch: number;
  /** largest request body, bytes */
  bodyLimit: number;
  /** log every request (JSON lines on stdout) */
  logRequests: boolean;
  /** the first administrator's password; without it, first start prints a one-time password */
  adminPassword: string | undefined;
  /** believe X-Forwarded-For/-Proto (and so mark cookies Secure) from: true (any proxy), or addresses/CIDRs */
  trustProxy: boolean | string;
  /** telephony, caller lookup, rating links, call-backs */
  firstLine: FirstLineConfig;
  /** alert rules run by `serve`, and webhook delivery */
  alerts: AlertsConfig;
}

export interface AlertsConfig {
  /** seconds between two rounds of the alert rules in `serve` (0: never) */
  intervalS: number;
  /** tries per alert and webhook, and the wait before the second (doubling after) */
  webhookAttempts: number;
  webhookBackoffMs: number;
  webhookTimeoutMs: number;
}

function positive(value: string | undefined, fallback: number, min = 0): number {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) && n >= min ? n : fallback;
}

function alerts(env: NodeJS.ProcessEnv): AlertsConfig {
  return {
    intervalS: positive(env.FIRSTLINE_ALERTS_INTERVAL_S, 300),
    webhookAttempts: Math.floor(positive(env.FIRSTLINE_WEBHOOK_ATTEMPTS, 5, 1)),
    webhookBackoffMs: positive(env.FIRSTLINE_WEBHOOK_BACKOFF_MS, 5000),
    webhookTimeoutMs: positive(env.FIRSTLINE_WEBHOOK_TIMEOUT_MS, 10_000, 1),
  };
}

export const DEFAULT_DB = 'sqlite:./data/firstline.db';

function trustProxy(value: string | undefined): boolean | string {
  if (!value || value === 'false' || value === '0') return false;
  return value === 'true' || value === '1' ? true : value;
}

function firstLine(env: NodeJS.ProcessEnv): FirstLineConfig {
  const share = Number(env.FIRSTLINE_CALLBACK_SHARE ?? 0.2);
  const ttl = Number(env.FIRSTLINE_RATING_TTL_DAYS ?? 14);
  const port = env.PORT || env.FIRSTLINE_PORT || 3000;
  return {
    telephonyToken: env.FIRSTLINE_TELEPHONY_TOKEN || null,
    defaultCountry: (env.FIRSTLINE_DEFAULT_COUNTRY || 'RU').toUpperCase(),
    ratingSecret: env.FIRSTLINE_RATING_SECRET || null,
    ratingTtlDays: Number.isFinite(ttl) && ttl > 0 ? ttl : 14,
    publicUrl: (env.FIRSTLINE_PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, ''),
    callbackShare: Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0.2,
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    db: env.FIRSTLINE_DB || DEFAULT_DB,
    port: Number(env.PORT || env.FIRSTLINE_PORT || 3000),
    host: env.FIRSTLINE_HOST || '0.0.0.0',
    maxBatch: 10_000,
    bodyLimit: Number(env.FIRSTLINE_BODY_LIMIT || 32 * 1024 * 1024),
    logRequests: env.FIRSTLINE_LOG !== 'off',
    adminPassword: env.FIRSTLINE_ADMIN_PASSWORD || undefined,
    trustProxy: trustProxy(env.FIRSTLINE_TRUST_PROXY),
    firstLine: firstLine(env),
    alerts: alerts(env),
  };
}
