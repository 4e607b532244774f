import formbody from '@fastify/formbody';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FirstLineConfig } from '../../ingest/first-line-config.js';
import { ratingSecret } from '../../ingest/ratings/rating-secret.js';
import {
  addRatingComment,
  type RatingOutcome,
  ratingLinks,
  useRatingLink,
} from '../../ingest/ratings/ratings.js';
import type { Store } from '../../store/store.js';
import { HttpError } from '../errors.js';
import { ratingPage } from '../rating/rating-page.js';
import { languageOf } from '../rating/rating-texts.js';

const STATUS: Record<RatingOutcome, number> = {
  recorded: 200,
  replayed: 409,
  expired: 410,
  invalid: 400,
  stale: 409,
};
// Links are longer than a route parameter may be (100 characters): the token is the rest of the path.
const rest = z.object({ '*': z.string().min(1).max(2000) });

/** One-click rating links: made per resolution (agents, mail gateways) and followed by customers (public). */
export function ratingRoutes(
  store: Store,
  config: FirstLineConfig,
  now: () => number,
): FastifyPluginAsyncZod {
  let secret: Promise<string> | null = null;
  const key = () => {
    secret ??= ratingSecret(store, config.ratingSecret);
    return secret;
  };
  return async (app) => {
    await app.register(formbody, { bodyLimit: 32 * 1024 });
    app.get('/api/v1/tickets/:id/rating-links', {
      config: { permission: 'tickets:read' },
      schema: {
        summary: 'Signed one-click rating links (scores 1–5) for the resolution the ticket is in',
        description: `Each link is bound to the ticket and its current resolution, valid ${config.ratingTtlDays} days from it, and records one ticket.rated (via link) when followed.`,
        tags: ['ratings'],
        params: z.object({ id: z.string().min(1).max(200) }),
      },
      handler: async (req) => {
        const links = await ratingLinks(
          store,
          await key(),
          req.params.id,
          config.publicUrl,
          config.ratingTtlDays,
        );
        if (!links)
          throw new HttpError(
            404,
            'not_resolved',
            `ticket ${JSON.stringify(req.params.id)} is unknown or not resolved`,
          );
        return links;
      },
    });
    // A HEAD (link scanners, previews) must not rate: only a GET does.
    app.get('/r/*', {
      exposeHeadRoute: false,
      config: { permission: 'public' },
      schema: { hide: true, params: rest },
      handler: async (req, reply) => {
        const lang = languageOf(req.headers['accept-language']);
        const token = req.params['*'];
        const r = await useRatingLink(store, await key(), token, now());
        const page = ratingPage(lang, r.outcome, {
          score: r.score,
          commentAction: r.outcome === 'recorded' ? `/r/${token}/comment` : undefined,
        });
        return reply
          .code(STATUS[r.outcome])
          .header('cache-control', 'no-store')
          .type('text/html; charset=utf-8')
          .send(page);
      },
    });
    app.post('/r/*', {
      config: { permission: 'public' },
      schema: { hide: true, params: rest, body: z.object({ comment: z.string().max(5000).default('') }) },
      handler: async (req, reply) => {
        const lang = languageOf(req.headers['accept-language']);
        const token = req.params['*'].replace(/\/comment$/, '');
        const text = req.body.comment.trim();
        const r = text
          ? await addRatingComment(store, await key(), token, text, now())
          : ({ outcome: 'recorded' } as const);
        const page = ratingPage(lang, r.outcome === 'recorded' ? 'commented' : r.outcome);
        return reply
          .code(STATUS[r.outcome])
          .header('cache-control', 'no-store')
          .type('text/html; charset=utf-8')
          .send(page);
      },
    });
  };
}
