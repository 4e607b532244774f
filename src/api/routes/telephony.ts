import { createHash, timingSafeEqual } from 'node:crypto';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { lookupCaller } from '../../ingest/customers/lookup.js';
import type { FirstLineConfig } from '../../ingest/first-line-config.js';
import { parsePush } from '../../ingest/telephony/parse-push.js';
import { recordCall } from '../../ingest/telephony/record-call.js';
import type { Store } from '../../store/store.js';
import { HttpError } from '../errors.js';

const digest = (s: string) => createHash('sha256').update(s).digest();
const sameSecret = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

/** A PBX authenticates by the secret in its URL (as PBXs are configured with one URL and nothing else). */
function checkToken(config: FirstLineConfig, given: string | undefined): void {
  if (!config.telephonyToken)
    throw new HttpError(
      401,
      'unauthenticated',
      'no telephony token is configured: set FIRSTLINE_TELEPHONY_TOKEN and put it in the PBX URL',
    );
  if (!given || !sameSecret(given, config.telephonyToken))
    throw new HttpError(401, 'unauthenticated', 'wrong or missing telephony token');
}

const pushResponse = z.object({
  call_id: z.string(),
  contact_id: z.string(),
  appended: z.number().int(),
  duplicates: z.number().int(),
  ignored: z.string().optional(),
  caller: z.unknown().describe('the caller: number (E.164), customer, company and open tickets'),
});

export function telephonyRoutes(
  store: Store,
  config: FirstLineConfig,
  now: () => number,
): FastifyPluginAsyncZod {
  return async (app) => {
    // PBX scripts post form fields (urlencoded or multipart, as Zammad's examples do); only these routes take them.
    await app.register(formbody, { bodyLimit: 64 * 1024 });
    await app.register(multipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fields: 50, fieldSize: 4096, files: 0 },
    });
    const push = async (req: FastifyRequest, token: string | undefined) => {
      checkToken(config, token);
      const parsed = parsePush(req.body, new Date(now()).toISOString());
      if (!parsed.ok) {
        const first = parsed.issues[0]!;
        throw new HttpError(
          400,
          'invalid_call_event',
          `invalid ${parsed.format ?? 'call'} event: ${first.field}: ${first.message}`,
          parsed.issues,
        );
      }
      return recordCall(store, parsed.signals, config.defaultCountry);
    };
    const description =
      "One call event from a PBX, as JSON, form-encoded or multipart: Firstline's own ({ call_id, event: ringing|queued|answered|abandoned|ended, at?, from, to, direction, queue, agent_id, talk_s, hold_s, wrap_s }) or Zammad's Generic CTI push (event newCall|answer|hangup, from, to, direction, callId, user[], queue, cause, answeringNumber). Repeated and out-of-order events are recorded once. The answer names the caller: customer, company and open tickets.";
    app.post('/api/v1/telephony/calls', {
      schema: {
        summary: 'Record a call event from a PBX (token in ?token=)',
        description,
        tags: ['telephony'],
        querystring: z.object({ token: z.string().max(500).optional() }),
        response: { 200: pushResponse },
      },
      // The schemas document; the handler reads the body in either format and names the failing field itself.
      validatorCompiler: () => (data: unknown) => ({ value: data }),
      handler: async (req) => push(req, (req.query as { token?: string }).token),
    });
    for (const url of ['/api/v1/telephony/calls/:token', '/api/v1/cti/:token']) {
      app.post(url, {
        schema: {
          summary:
            url === '/api/v1/cti/:token'
              ? "Record a call event at Zammad's CTI path (token in the path)"
              : 'Record a call event from a PBX (token in the path)',
          description,
          tags: ['telephony'],
          params: z.object({ token: z.string().max(500) }),
          response: { 200: pushResponse },
        },
        validatorCompiler: () => (data: unknown) => ({ value: data }),
        handler: async (req) => push(req, (req.params as { token: string }).token),
      });
    }
    app.get('/api/v1/telephony/lookup', {
      schema: {
        summary: 'Look a caller up by number: customer, company, open tickets',
        tags: ['telephony'],
        querystring: z.object({ number: z.string().min(1).max(100) }),
      },
      handler: async (req) => lookupCaller(store.db, req.query.number, config.defaultCountry),
    });
  };
}
