import { randomBytes, type ScryptOptions, scrypt } from 'node:crypto';
import { safeEqual } from './secrets.js';

/** log2 of scrypt's N. 2^16 with r=8, p=1 costs 64 MiB and ~0.1–0.5 s per sign-in. */
export const DEFAULT_PASSWORD_COST = 16;
export const MIN_PASSWORD_LENGTH = 10;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

const optionsFor = (logN: number, r: number, p: number): ScryptOptions => ({
  N: 2 ** logN,
  r,
  p,
  // scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is below what a sound N takes.
  maxmem: 256 * 2 ** logN * r,
});

/** "scrypt$<logN>$<r>$<p>$<salt>$<key>": the parameters travel with the hash, so the cost can change later. */
export async function hashPassword(password: string, logN = DEFAULT_PASSWORD_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, optionsFor(logN, 8, 1));
  return ['scrypt', logN, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const derived = await derive(
    password,
    Buffer.from(salt, 'base64url'),
    optionsFor(Number(logN), Number(r), Number(p)),
  );
  return safeEqual(derived.toString('base64url'), key);
}

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > 1000) return 'must be at most 1000 characters';
  return null;
}
