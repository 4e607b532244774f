import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { alertJson, listAlerts } from '../../kpi/alerts/alert-store.js';
import { checkAlerts } from '../../kpi/alerts/check.js';
import { DEFAULT_DELIVERY, deliveryLog } from '../../kpi/alerts/delivery.js';
import { alertCheckParams, alertListParams, instantOf } from '../../kpi/alerts/params.js';
import { webhookInput, webhookPatch } from '../../kpi/alerts/webhook-input.js';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listWebhooks,
  updateWebhook,
} from '../../kpi/alerts/webhooks.js';
import { orgTimeZone } from '../../kpi/org.js';
import type { Store } from '../../store/store.js';
import { HttpError } from '../errors.js';

const idParam = z.object({ id: z.string().min(1).max(100) });
const notFound = (id: string) => new HttpError(404, 'not_found', `no webhook ${id}`, { field: 'id' });

export function alertRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/v1/alerts', {
      schema: {
        summary: 'Stored alerts (escalation spikes, SLA breaches, abandonment), newest bucket first',
        description:
          '`from`/`to` choose alerts by the start of their bucket (dates are whole local days, `to` inclusive); `kind` is a comma-separated list.',
        tags: ['alerts'],
        querystring: alertListParams,
      },
      config: { permission: 'kpis:read' },
      handler: async (req) => {
        const tz = await orgTimeZone(store);
        const p = req.query;
        const { total, alerts } = await listAlerts(store, {
          ...(p.from ? { from: instantOf(p.from, tz, false) } : {}),
          ...(p.to ? { to: instantOf(p.to, tz, true) } : {}),
          ...(p.kind ? { kinds: p.kind } : {}),
          limit: p.limit,
          offset: p.offset,
        });
        return { total, offset: p.offset, limit: p.limit, alerts: alerts.map(alertJson) };
      },
    });
    app.post('/api/v1/alerts/check', {
      schema: {
        summary: 'Run the alert rules now over whole days and hours; store and deliver the new alerts',
        tags: ['alerts'],
        body: alertCheckParams.optional(),
      },
      config: { permission: 'settings:write' },
      handler: async (req) => {
        const tz = await orgTimeZone(store);
        const p = req.body ?? {};
        const now = Date.now();
        return checkAlerts(store, {
          now,
          ...(p.from ? { from: instantOf(p.from, tz, false) } : {}),
          ...(p.to ? { to: Math.min(now, instantOf(p.to, tz, true)) } : {}),
          ...(p.kind ? { kinds: p.kind } : {}),
          delivery: DEFAULT_DELIVERY,
        });
      },
    });
    app.get('/api/v1/webhooks', {
      schema: {
        summary: 'Webhooks alerts are delivered to (secrets are never shown again)',
        tags: ['alerts'],
      },
      config: { permission: 'settings:write' },
      handler: async () => listWebhooks(store),
    });
    app.post('/api/v1/webhooks', {
      schema: {
        summary: 'Add a webhook; the answer carries its signing secret, shown this once',
        description:
          'Alerts are POSTed as JSON `{ type: "alert", delivery_id, attempt, sent_at, alert }`; the header X-Firstline-Signature is `sha256=` and the hex HMAC-SHA256 of the exact body under the secret. Failed tries (5xx, 408, 429, no answer) are retried with exponential back-off.',
        tags: ['alerts'],
        body: webhookInput,
      },
      config: { permission: 'settings:write' },
      handler: async (req, reply) => {
        reply.code(201);
        return createWebhook(store, req.body, Date.now());
      },
    });
    app.get('/api/v1/webhooks/:id', {
      schema: { summary: 'One webhook', tags: ['alerts'], params: idParam },
      config: { permission: 'settings:write' },
      handler: async (req) =>
        (await getWebhook(store, req.params.id)) ?? Promise.reject(notFound(req.params.id)),
    });
    app.patch('/api/v1/webhooks/:id', {
      schema: {
        summary: 'Change a webhook (url, kinds, active, description, secret)',
        tags: ['alerts'],
        params: idParam,
        body: webhookPatch,
      },
      config: { permission: 'settings:write' },
      handler: async (req) =>
        (await updateWebhook(store, req.params.id, req.body, Date.now())) ??
        Promise.reject(notFound(req.params.id)),
    });
    app.delete('/api/v1/webhooks/:id', {
      schema: { summary: 'Remove a webhook and its delivery log', tags: ['alerts'], params: idParam },
      config: { permission: 'settings:write' },
      handler: async (req, reply) => {
        if (!(await deleteWebhook(store, req.params.id))) throw notFound(req.params.id);
        reply.code(204);
        return null;
      },
    });
    app.get('/api/v1/webhooks/:id/deliveries', {
      schema: {
        summary: "A webhook's delivery log, newest first: every try, its status and HTTP status",
        tags: ['alerts'],
        params: idParam,
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(100) }),
      },
      config: { permission: 'settings:write' },
      handler: async (req) => {
        if (!(await getWebhook(store, req.params.id))) throw notFound(req.params.id);
        return deliveryLog(store, req.params.id, req.query.limit);
      },
    });
  };
}
