// Builds the web app (web/ → dist/web) when it is missing or older than its sources, so the browser tests
// always drive the current code. Used as a vitest globalSetup and called by test/e2e/dashboard.test.ts.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WEB = join(ROOT, 'web');
const BUILT = join(ROOT, 'dist', 'web', 'index.html');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** True when dist/web is missing or a file under web/ changed after it was built. */
export function webBuildIsStale(): boolean {
  return !existsSync(BUILT) || newestSource(WEB) > statSync(BUILT).mtimeMs;
}

export function ensureWebBuilt(): void {
  if (!webBuildIsStale()) return;
  const started = Date.now();
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'web/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    {
      cwd: ROOT,
      // vitest sets NODE_ENV=test, which would make Vite bundle React's development build
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  console.info(
    `[firstline] built the web app into dist/web in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

export default function setup(): void {
  ensureWebBuilt();
}
