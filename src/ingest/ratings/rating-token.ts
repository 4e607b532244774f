import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a rating link says: this score, for this ticket, after this resolution, until then. */
export interface RatingClaim {
  /** ticket id */
  t: string;
  /** id of the `ticket.resolved` event the rating follows */
  r: string;
  /** score 1..5 */
  s: number;
  /** expiry, seconds since the epoch */
  e: number;
}

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');
const mac = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest();

/** `<claim as base64url JSON>.<HMAC-SHA256 of that text, base64url>` */
export function signRating(secret: string, claim: RatingClaim): string {
  const payload = b64(JSON.stringify(claim));
  return `${payload}.${b64(mac(secret, payload))}`;
}

export type Verified = { ok: true; claim: RatingClaim } | { ok: false };

/** The claim of a link whose signature holds; any change to it (score, ticket, expiry) breaks the signature. */
export function verifyRating(secret: string, token: string): Verified {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length) return { ok: false };
  const expected = mac(secret, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false };
  try {
    const c = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<RatingClaim>;
    if (typeof c.t !== 'string' || typeof c.r !== 'string' || typeof c.e !== 'number') return { ok: false };
    if (!Number.isInteger(c.s) || (c.s as number) < 1 || (c.s as number) > 5) return { ok: false };
    return { ok: true, claim: c as RatingClaim };
  } catch {
    return { ok: false };
  }
}
