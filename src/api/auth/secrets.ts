import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret, URL-safe: 32 bytes (256 bits) unless asked otherwise. */
export const randomSecret = (bytes = 32) => randomBytes(bytes).toString('base64url');

/** Session ids and API tokens are high-entropy, so one fast hash suffices to keep them unusable at rest. */
export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const READABLE = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A password a person can type from a terminal: no look-alike characters, ~113 bits. */
export function readablePassword(length = 20): string {
  const bytes = randomBytes(length * 2);
  let out = '';
  // Rejection sampling keeps every character equally likely.
  for (const b of bytes) {
    if (b < 256 - (256 % READABLE.length)) out += READABLE[b % READABLE.length];
    if (out.length === length) return out;
  }
  return out + readablePassword(length - out.length);
}
