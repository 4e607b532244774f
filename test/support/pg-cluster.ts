// Finds PostgreSQL server binaries and starts a throwaway cluster (tests and benchmarks share this).
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const ENABLE_HINT =
  'set FIRSTLINE_TEST_PG=postgres://user@host/db (a role that may CREATE DATABASE) or install PostgreSQL (apt-get install postgresql)';

export interface PgBinaries {
  initdb: string;
  pgCtl: string;
}

export interface Cluster {
  url: string;
  stop(): void;
}

/** The newest /usr/lib/postgresql/<version>/bin first, then initdb and pg_ctl on PATH. */
export function findBinaries(): PgBinaries | null {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+(\.\d+)?$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const dirs = [
    ...versions.map((v) => join(root, v, 'bin')),
    ...(process.env.PATH ?? '').split(delimiter).filter(Boolean),
  ];
  for (const dir of dirs) {
    const initdb = join(dir, 'initdb');
    const pgCtl = join(dir, 'pg_ctl');
    if (existsSync(initdb) && existsSync(pgCtl)) return { initdb, pgCtl };
  }
  return null;
}

/** uid and gid of a system user, or null when it does not exist. */
function userIds(name: string): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/** The environment for PostgreSQL's tools, without PG* variables that could point them elsewhere. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('PG')));
}

/** `durable`: keep fsync on (benchmarks measure what production pays); tests turn it off for speed. */
export function startCluster(bin: PgBinaries, durable = false): Cluster | string {
  const asRoot = process.getuid?.() === 0;
  // initdb refuses to run as root: the cluster then belongs to the postgres user.
  const owner = asRoot ? userIds('postgres') : null;
  if (asRoot && owner === null) return "running as root and there is no 'postgres' user to own the cluster";

  // Unix socket paths are limited to ~107 bytes: keep the folder short and in /tmp.
  const dir = mkdtempSync('/tmp/fl-pg-');
  chmodSync(dir, 0o755);
  if (owner !== null) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  const run = (file: string, args: string[]): void => {
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
    // cwd: the tools chdir/getcwd and must be able to read it as the postgres user.
    execFileSync(cmd, argv, { cwd: dir, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  };

  let started = false;
  const stop = (): void => {
    if (started) {
      started = false;
      try {
        run(bin.pgCtl, ['-D', data, 'stop', '-m', 'immediate', '-w']);
      } catch {
        // already gone: nothing to stop
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    // C locale and UTF8: independent of the machine's LANG, and of locales that may not be generated.
    run(bin.initdb, ['-D', data, '-A', 'trust', '-U', 'firstline', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const options = `-k ${dir} -c listen_addresses='' -c fsync=${durable ? 'on' : 'off'} -c max_connections=200`;
    // -l: the server must not inherit our stdout pipe, or execFileSync would wait for it forever.
    started = true; // set first: a start that times out may still leave a server to stop
    run(bin.pgCtl, ['-D', data, '-l', log, '-o', options, '-w', '-t', '60', 'start']);
  } catch (error) {
    const serverLog = existsSync(log) ? readFileSync(log, 'utf8') : '';
    stop();
    throw new Error(
      `could not start a throwaway PostgreSQL cluster with ${bin.initdb} (${ENABLE_HINT} to use another server)\n` +
        `${errorText(error)}\n${serverLog}`,
    );
  }
  // Ctrl-C or a crash may skip vitest's teardown: still stop the server when this process exits.
  process.once('exit', stop);
  return { url: `postgres://firstline@localhost/postgres?host=${dir}`, stop };
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const stderr = (error as { stderr?: unknown }).stderr;
    return `${error.message}${stderr instanceof Buffer ? `\n${stderr.toString('utf8')}` : ''}`;
  }
  return String(error);
}
