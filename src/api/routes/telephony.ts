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
import type { AuthContext } from '../auth/context.js';
import { safeEqual, sha256 } from '../auth/secrets.js';
import { tokenPrincipal } from '../auth/tokens.js';
import { HttpError } from '../errors.js';

/**
 * A PBX authenticates by the secret in its URL (PBXs are configured with one URL and nothing else), or,
 * like any integration, by an API token (Authorization: Bearer) with the events:write scope.
 */
async function authorise(
  config: FirstLineConfig,
  auth: AuthContext | undefined,
  req: FastifyRequest,
  given: string | undefined,
): Promise<void> {
  if (given) {
    // Hashed first: the comparison then takes the same time whatever the length of the guess.
    if (config.telephonyToken && safeEqual(sha256(given), sha256(config.telephonyToken))) return;
    throw new HttpError(401, 'unauthenticated', 'wrong telephony token');
  }
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
  if (bearer && auth) {
    const principal = await tokenPrincipal(auth, bearer);
    if (!principal) throw new HttpError(401, 'invalid_token', 'the API token is unknown, revoked or expired');
    if (!principal.permissions.has('events:write'))
      throw new HttpError(403, 'forbidden', 'this needs the events:write permission', {
        required: 'events:write',
      });
    return;
  }
  throw new HttpError(
    401,
    'unauthenticated',
    config.telephonyToken
      ? 'put the telephony token in the URL (?token=…) or send an API token (Authorization: Bearer …)'
      : 'no telephony token is configured (FIRSTLINE_TELEPHONY_TOKEN): send an API token (Authorization: Bearer …)',
  );
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
  auth?: AuthContext,
): FastifyPluginAsyncZod {
  return async (app) => {
    // PBX scripts post form fields (urlencoded or multipart, as Zammad's examples do); only these routes take them.
    await app.register(formbody, { bodyLimit: 64 * 1024 });
    await app.register(multipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fields: 50, fieldSize: 4096, files: 0 },
    });
    const push = async (req: FastifyRequest, token: string | undefined) => {
      await authorise(config, auth, req, token);
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
      // The guard lets the push through: it is authorised here, by the URL's token or an API token.
      config: { permission: 'public' },
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
        config: { permission: 'public' },
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
      config: { permission: 'tickets:read' },
      schema: {
        summary: 'Look a caller up by number: customer, company, open tickets',
        tags: ['telephony'],
        querystring: z.object({ number: z.string().min(1).max(100) }),
      },
      handler: async (req) => lookupCaller(store.db, req.query.number, config.defaultCountry),
    });
  };
}
