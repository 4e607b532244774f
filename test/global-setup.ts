// Vitest global setup: finds or starts a PostgreSQL server for the tests that need one and hands its
// URL to them through `provide`/`inject` (test/pg.ts wraps this). Order of preference:
//   1. FIRSTLINE_TEST_PG — a postgres:// URL whose role may CREATE DATABASE ('off' skips PG tests);
//   2. a throwaway cluster from the local PostgreSQL binaries (initdb into /tmp, Unix socket only,
//      stopped and removed in teardown);
//   3. nothing: PostgreSQL tests are skipped with a one-line warning saying why.
import type { TestProject } from 'vitest/node';
import { ENABLE_HINT, findBinaries, startCluster } from './support/pg-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of a server where the tests may create databases, or null when there is none. */
    pgUrl: string | null;
    /** Why PostgreSQL tests are skipped, or null when pgUrl is set. */
    pgSkipReason: string | null;
  }
}

function skip(project: TestProject, reason: string): void {
  console.warn(`[firstline] PostgreSQL tests are skipped: ${reason}; to run them, ${ENABLE_HINT}.`);
  project.provide('pgUrl', null);
  project.provide('pgSkipReason', reason);
}

export default function setup(project: TestProject): (() => void) | undefined {
  const fromEnv = process.env.FIRSTLINE_TEST_PG?.trim();
  if (fromEnv === 'off') {
    skip(project, 'FIRSTLINE_TEST_PG=off');
    return undefined;
  }
  if (fromEnv) {
    project.provide('pgUrl', fromEnv);
    project.provide('pgSkipReason', null);
    return undefined;
  }
  const bin = findBinaries();
  if (bin === null) {
    skip(project, 'FIRSTLINE_TEST_PG is not set and no PostgreSQL binaries (initdb, pg_ctl) were found');
    return undefined;
  }
  const cluster = startCluster(bin);
  if (typeof cluster === 'string') {
    skip(project, cluster);
    return undefined;
  }
  project.provide('pgUrl', cluster.url);
  project.provide('pgSkipReason', null);
  return () => {
    process.removeListener('exit', cluster.stop);
    cluster.stop();
  };
}
