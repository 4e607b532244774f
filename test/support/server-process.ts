import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** the password of the administrator "admin" that a first start on an empty store creates */
  adminPassword: string;
  /** what the server wrote to stderr up to listening */
  log: string;
}

export const TEST_ADMIN_PASSWORD = 'server process admin';

/**
 * Starts `firstline serve` from the sources in a child process on a free port and waits until it listens.
 * On an empty store the server creates the administrator "admin" with TEST_ADMIN_PASSWORD.
 */
export function startServer(db: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const adminPassword = env.FIRSTLINE_ADMIN_PASSWORD ?? TEST_ADMIN_PASSWORD;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', '--db', db, 'serve', '--port', '0'],
    {
      cwd: root,
      env: {
        ...process.env,
        FIRSTLINE_LOG: 'off',
        FIRSTLINE_HOST: '127.0.0.1',
        FIRSTLINE_ADMIN_PASSWORD: adminPassword,
        ...env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 30_000);
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /listening on (http:\/\/localhost:\d+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!.replace('localhost', '127.0.0.1'), adminPassword, log: err });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${err}`));
    });
  });
}
