import type { FastifyPluginAsync } from 'fastify';
import type { Store } from '../../store/store.js';
import { actionRoutes } from '../routes/actions.js';
import { assignmentRuleRoutes } from '../routes/assignment-rules.js';
import { auditRoutes } from '../routes/audit.js';
import { deskRoutes } from '../routes/desk.js';
import { streamRoutes } from '../routes/stream.js';
import type { DeskContext } from './apply.js';
import { TicketStreamHub } from './stream-hub.js';

/** The help desk's own API: ticket actions, queues, SLA clocks, live changes, assignment rules, audit. */
export function helpDeskRoutes(store: Store, now: () => number): FastifyPluginAsync {
  return async (app) => {
    const desk: DeskContext = { store, now, hub: new TicketStreamHub(store) };
    await app.register(actionRoutes(desk));
    await app.register(deskRoutes(desk));
    await app.register(streamRoutes(desk));
    await app.register(assignmentRuleRoutes(store));
    await app.register(auditRoutes(store));
  };
}
