import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstLineApp } from '../../test/support/first-line-app.js';
import { ingest } from '../ingest/ingest.js';
import { signRating } from '../ingest/ratings/rating-token.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const MIN = 60_000;
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('one-click rating links', () => {
  let app: FastifyInstance;
  let store: Store;
  let clock = T0;
  beforeAll(async () => {
    store = await openStore('sqlite::memory:');
    app = await firstLineApp(store, { publicUrl: 'https://help.example.com' }, () => clock);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });
  /** A ticket created at T0 and resolved an hour later. */
  const resolvedTicket = async (id: string) => {
    await ingest(store, [
      { id: `${id}-c`, type: 'ticket.created', at: iso(T0), ticket_id: id, channel: 'email' },
      { id: `${id}-r`, type: 'ticket.resolved', at: iso(T0 + 60 * MIN), ticket_id: id, by: 'anna', line: 1 },
    ]);
    clock = T0 + 65 * MIN;
    const r = await app.inject({ method: 'GET', url: `/api/v1/tickets/${id}/rating-links` });
    expect(r.statusCode).toBe(200);
    return r.json() as { resolution_id: string; expires_at: string; links: { score: number; url: string }[] };
  };
  const tokenOf = (url: string) => url.slice(url.indexOf('/r/') + 3);
  const open = (token: string, lang?: string) =>
    app.inject({ method: 'GET', url: `/r/${token}`, headers: lang ? { 'accept-language': lang } : {} });
  const ratings = async (ticketId: string) =>
    (
      await store.db
        .selectFrom('events')
        .select('body')
        .where('stream', '=', `ticket:${ticketId}`)
        .where('type', '=', 'ticket.rated')
        .execute()
    ).map((r) => JSON.parse(r.body));
  const claimOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString());
  const withClaim = (token: string, claim: unknown) =>
    `${Buffer.from(JSON.stringify(claim)).toString('base64url')}.${token.split('.')[1]}`;

  it('a good link records exactly one ticket.rated and thanks the customer in their language', async () => {
    const l = await resolvedTicket('T-good');
    expect(l.links.map((x) => x.score)).toEqual([1, 2, 3, 4, 5]);
    expect(l.links[0]!.url.startsWith('https://help.example.com/r/')).toBe(true);
    expect(l.expires_at).toBe(iso(T0 + 60 * MIN + 14 * DAY));
    const res = await open(tokenOf(l.links[3]!.url), 'ru-RU,ru;q=0.9,en;q=0.8');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Спасибо за оценку');
    expect(res.body).toContain('data-outcome="recorded"');
    const rated = await ratings('T-good');
    expect(rated).toHaveLength(1);
    expect(rated[0]).toMatchObject({
      type: 'ticket.rated',
      ticket_id: 'T-good',
      score: 4,
      via: 'link',
      at: iso(clock),
    });
    expect((await store.getTicket('T-good'))!.facts).toMatchObject({ rating_score: 4, rating_via: 'link' });
  });

  it('replayed (the same link or another score of it) is refused and records nothing', async () => {
    const l = await resolvedTicket('T-replay');
    expect((await open(tokenOf(l.links[4]!.url))).statusCode).toBe(200);
    const again = await open(tokenOf(l.links[4]!.url), 'en');
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('already given');
    expect((await open(tokenOf(l.links[0]!.url))).statusCode).toBe(409);
    expect(await ratings('T-replay')).toHaveLength(1);
  });

  it('the customer may add one comment after the click; the score stays', async () => {
    const l = await resolvedTicket('T-comment');
    const token = tokenOf(l.links[1]!.url);
    expect((await open(token)).body).toContain('action="/r/');
    const post = (comment: string) =>
      app.inject({
        method: 'POST',
        url: `/r/${token}/comment`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' },
        payload: new URLSearchParams({ comment }).toString(),
      });
    const c = await post('Slow, but solved');
    expect(c.statusCode).toBe(200);
    expect(c.body).toContain('Thank you for your comment');
    expect((await post('again')).statusCode).toBe(409);
    const rated = await ratings('T-comment');
    expect(rated.map((r) => [r.score, r.comment ?? null, r.at])).toEqual([
      [2, null, rated[0].at],
      [2, 'Slow, but solved', rated[0].at],
    ]);
    expect((await store.getTicket('T-comment'))!.facts).toMatchObject({ rating_score: 2 });
  });

  it('forged, altered score, other ticket: refused with a clear page, nothing recorded', async () => {
    const l = await resolvedTicket('T-forge');
    await resolvedTicket('T-other');
    const token = tokenOf(l.links[0]!.url);
    const claim = claimOf(token);
    const forged = signRating('not-our-secret', claim);
    const altered = withClaim(token, { ...claim, s: 5 });
    const otherTicket = withClaim(token, { ...claim, t: 'T-other' });
    for (const bad of [forged, altered, otherTicket, 'abc', 'abc.def', `${token}x`]) {
      const res = await open(bad, 'ru');
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Ссылка недействительна');
    }
    // signed with our key, but for a resolution that is not the other ticket's
    const secret = (await store.getSetting('ratings.secret')) as string;
    const mismatched = signRating(secret, { ...claim, t: 'T-other' });
    expect((await open(mismatched)).statusCode).toBe(409);
    expect(await ratings('T-forge')).toEqual([]);
    expect(await ratings('T-other')).toEqual([]);
  });

  it('expired: refused after the link time, nothing recorded', async () => {
    const l = await resolvedTicket('T-expired');
    clock = T0 + 60 * MIN + 14 * DAY + 1000;
    const res = await open(tokenOf(l.links[2]!.url));
    expect(res.statusCode).toBe(410);
    expect(res.body).toContain('expired');
    expect(await ratings('T-expired')).toEqual([]);
  });

  it('bound to the resolution it follows: after a reopen the old links are stale, new ones work', async () => {
    const l = await resolvedTicket('T-reopen');
    await ingest(store, [
      { id: 'T-reopen-o', type: 'ticket.reopened', at: iso(T0 + 2 * 60 * MIN), ticket_id: 'T-reopen' },
    ]);
    clock = T0 + 2 * 60 * MIN + MIN;
    expect((await open(tokenOf(l.links[4]!.url))).statusCode).toBe(409);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/tickets/T-reopen/rating-links' })).statusCode,
    ).toBe(404);
    await ingest(store, [
      {
        id: 'T-reopen-r2',
        type: 'ticket.resolved',
        at: iso(T0 + 3 * 60 * MIN),
        ticket_id: 'T-reopen',
        by: 'anna',
      },
    ]);
    clock = T0 + 3 * 60 * MIN + MIN;
    expect((await open(tokenOf(l.links[4]!.url))).statusCode).toBe(409);
    const fresh = (await app.inject({ method: 'GET', url: '/api/v1/tickets/T-reopen/rating-links' })).json();
    expect(fresh.resolution_id).toBe('T-reopen-r2');
    expect((await open(tokenOf(fresh.links[4].url))).statusCode).toBe(200);
    expect((await ratings('T-reopen')).map((r) => r.score)).toEqual([5]);
  });

  it('a HEAD request (link scanners) records nothing; the generated secret outlives the server', async () => {
    const l = await resolvedTicket('T-head');
    const token = tokenOf(l.links[3]!.url);
    expect((await app.inject({ method: 'HEAD', url: `/r/${token}` })).statusCode).toBe(404);
    expect(await ratings('T-head')).toEqual([]);
    const restarted = await firstLineApp(store, {}, () => clock);
    expect((await restarted.inject({ method: 'GET', url: `/r/${token}` })).statusCode).toBe(200);
    await restarted.close();
    expect(await ratings('T-head')).toHaveLength(1);
  });
});
