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
}

export const DEFAULT_DB = 'sqlite:./data/firstline.db';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    db: env.FIRSTLINE_DB || DEFAULT_DB,
    port: Number(env.PORT || env.FIRSTLINE_PORT || 3000),
    host: env.FIRSTLINE_HOST || '0.0.0.0',
    maxBatch: 10_000,
    bodyLimit: Number(env.FIRSTLINE_BODY_LIMIT || 32 * 1024 * 1024),
    logRequests: env.FIRSTLINE_LOG !== 'off',
  };
}
