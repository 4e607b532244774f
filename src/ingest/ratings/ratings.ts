import { createHash } from 'node:crypto';
import type { DomainEvent } from '../../domain/events.js';
import type { Store } from '../../store/store.js';
import { ingest } from '../ingest.js';
import { type RatingClaim, signRating, verifyRating } from './rating-token.js';

export type RatingOutcome =
  | 'recorded'
  /** the link was used already, or the ticket was rated after this resolution */
  | 'replayed'
  | 'expired'
  /** not a link we signed: forged, or altered (score, ticket, expiry) */
  | 'invalid'
  /** the ticket was reopened or resolved again since the link was made */
  | 'stale';

export interface RatingResult {
  outcome: RatingOutcome;
  score?: number;
  ticketId?: string;
}

interface Resolution {
  id: string;
  at: number;
}

/** The resolution a rating would follow now: the ticket's latest `ticket.resolved`, unless reopened since. */
export async function currentResolution(store: Store, ticketId: string): Promise<Resolution | null> {
  const rows = await store.db
    .selectFrom('events')
    .select(['id', 'type', 'at', 'seq'])
    .where('stream', '=', `ticket:${ticketId}`)
    .where('type', 'in', ['ticket.resolved', 'ticket.reopened'])
    .orderBy('at')
    .orderBy('seq')
    .execute();
  const last = rows.at(-1);
  return last?.type === 'ticket.resolved' ? { id: last.id, at: Number(last.at) } : null;
}

/** One rating per resolution: the id of its `ticket.rated` follows from the ticket and the resolution. */
export const ratedEventId = (claim: Pick<RatingClaim, 't' | 'r'>) =>
  `rating:${createHash('sha256').update(`${claim.t}\n${claim.r}`).digest('hex').slice(0, 40)}`;

export interface RatingLinks {
  ticket_id: string;
  resolution_id: string;
  expires_at: string;
  links: { score: number; url: string }[];
}

/** Links for scores 1..5 after the ticket's current resolution, valid `ttlDays` from that resolution. */
export async function ratingLinks(
  store: Store,
  secret: string,
  ticketId: string,
  baseUrl: string,
  ttlDays: number,
): Promise<RatingLinks | null> {
  const resolution = await currentResolution(store, ticketId);
  if (!resolution) return null;
  const e = Math.floor((resolution.at + ttlDays * 86_400_000) / 1000);
  return {
    ticket_id: ticketId,
    resolution_id: resolution.id,
    expires_at: new Date(e * 1000).toISOString(),
    links: [1, 2, 3, 4, 5].map((s) => ({
      score: s,
      url: `${baseUrl}/r/${signRating(secret, { t: ticketId, r: resolution.id, s, e })}`,
    })),
  };
}

async function check(store: Store, secret: string, token: string, nowMs: number) {
  const v = verifyRating(secret, token);
  if (!v.ok) return { outcome: 'invalid' as const };
  const c = v.claim;
  if (nowMs > c.e * 1000) return { outcome: 'expired' as const, claim: c };
  const resolution = await currentResolution(store, c.t);
  if (!resolution || resolution.id !== c.r) return { outcome: 'stale' as const, claim: c };
  return { outcome: 'ok' as const, claim: c, resolution };
}

/** A click on a rating link: records one `ticket.rated` (via link), or says why it does not. */
export async function useRatingLink(
  store: Store,
  secret: string,
  token: string,
  nowMs: number,
): Promise<RatingResult> {
  const r = await check(store, secret, token, nowMs);
  if (r.outcome !== 'ok') return { outcome: r.outcome, ...(r.claim ? { ticketId: r.claim.t } : {}) };
  const { claim, resolution } = r;
  const facts = await store.db
    .selectFrom('ticket_facts')
    .select('rated_at')
    .where('ticket_id', '=', claim.t)
    .executeTakeFirst();
  const ratedAfter = facts?.rated_at != null && Number(facts.rated_at) >= resolution.at;
  const id = ratedEventId(claim);
  const used = await store.db.selectFrom('events').select('id').where('id', '=', id).executeTakeFirst();
  if (used || ratedAfter) return { outcome: 'replayed', ticketId: claim.t };
  const at = new Date(Math.max(nowMs, resolution.at)).toISOString();
  try {
    await ingest(store, [{ id, type: 'ticket.rated', at, ticket_id: claim.t, score: claim.s, via: 'link' }]);
  } catch {
    // a second click racing the first: the first one's rating stands
    return { outcome: 'replayed', ticketId: claim.t };
  }
  return { outcome: 'recorded', score: claim.s, ticketId: claim.t };
}

/**
 * A comment after the click. The rating event cannot change, so the comment restates it: a second
 * `ticket.rated` with the same score and instant (facts keep the latest rating, so no KPI moves). Once only.
 */
export async function addRatingComment(
  store: Store,
  secret: string,
  token: string,
  comment: string,
  nowMs: number,
): Promise<RatingResult> {
  const r = await check(store, secret, token, nowMs);
  if (r.outcome !== 'ok') return { outcome: r.outcome };
  const id = ratedEventId(r.claim);
  const row = await store.db.selectFrom('events').select(['body']).where('id', '=', id).executeTakeFirst();
  const rated = row ? (JSON.parse(row.body) as DomainEvent) : null;
  if (rated?.type !== 'ticket.rated' || rated.score !== r.claim.s) return { outcome: 'stale' };
  const commentId = `${id}:comment`;
  if (await store.db.selectFrom('events').select('id').where('id', '=', commentId).executeTakeFirst())
    return { outcome: 'replayed' };
  await ingest(store, [{ ...rated, id: commentId, comment: comment.slice(0, 5000) }]);
  return { outcome: 'recorded', score: r.claim.s, ticketId: r.claim.t };
}
