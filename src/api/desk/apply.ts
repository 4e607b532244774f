import { randomBytes, randomUUID } from 'node:crypto';
import type { DomainEvent } from '../../domain/events.js';
import { ingestWithin } from '../../ingest/ingest.js';
import type { Store } from '../../store/store.js';
import type { TicketView } from '../../store/ticket-view.js';
import { HttpError } from '../errors.js';
import { autoAssignment } from './assignment-pick.js';
import { loadRules } from './assignment-rules.js';
import { actionEvents, type RawEvent } from './build-events.js';
import type { ActionBody, ActionName, CreateBody } from './commands.js';
import { type SlaClocks, ticketSla } from './sla.js';
import type { TicketStreamHub } from './stream-hub.js';
import { type Actor, loadTicketState } from './ticket-state.js';

export interface DeskContext {
  store: Store;
  now: () => number;
  hub: TicketStreamHub;
}

export interface ActionResult extends TicketView {
  /** the events this action appended, in order */
  events: DomainEvent[];
  sla: SlaClocks;
}

/** Thrown inside the transaction (which it rolls back); answered as 409 with the fresh ticket. */
class StaleVersion extends Error {}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** T- and 8 characters: 40 random bits, short enough to read out on the phone. */
export function newTicketId(): string {
  return `T-${[...randomBytes(8)].map((b) => CROCKFORD[b & 31]).join('')}`;
}

function stamp(raw: readonly RawEvent[], ticketId: string, at: string): RawEvent[] {
  return raw.map((e) => ({ id: `act-${randomUUID()}`, at, ticket_id: ticketId, ...e }));
}

async function answer(ctx: DeskContext, ticketId: string, events: DomainEvent[]): Promise<ActionResult> {
  void ctx.hub.nudge();
  const view = (await ctx.store.getTicket(ticketId))!;
  return { ...view, events, sla: await ticketSla(ctx.store, view.facts, ctx.now()) };
}

/** Runs one action on a ticket: state, version and rules checked and events appended in one transaction. */
export async function runAction<A extends ActionName>(
  ctx: DeskContext,
  ticketId: string,
  action: A,
  body: ActionBody<A>,
  actor: Actor,
): Promise<ActionResult> {
  const now = ctx.now();
  const at = new Date(now).toISOString();
  const rules = action === 'classify' ? await loadRules(ctx.store) : [];
  try {
    const { events } = await ingestWithin(
      ctx.store,
      [`ticket:${ticketId}`],
      async (trx) => {
        const state = await loadTicketState(trx, ticketId);
        if (!state) throw new HttpError(404, 'not_found', `no ticket ${JSON.stringify(ticketId)}`);
        if (body.version !== undefined && body.version !== state.version) throw new StaleVersion();
        const raw = await actionEvents(trx, action, body, state, actor);
        // A classification may route an unassigned ticket (automatic assignment rules by category).
        if (action === 'classify' && state.assignee_id === null && state.status === 'open') {
          const category = (body as ActionBody<'classify'>).category;
          const lock = (keys: readonly string[]) => ctx.store.helpers.lockKeys(trx, keys);
          const auto = await autoAssignment(trx, lock, rules, { ...state, category });
          if (auto) raw.push(auto);
        }
        return { events: stamp(raw, ticketId, at), result: null };
      },
      now,
    );
    return await answer(ctx, ticketId, events);
  } catch (err) {
    if (!(err instanceof StaleVersion)) throw err;
    const fresh = await ctx.store.getTicket(ticketId);
    throw new HttpError(
      409,
      'stale',
      `the ticket changed since version ${body.version} was loaded (now ${fresh?.ticket.version}); review it and try again`,
      { version: fresh?.ticket.version ?? null, ticket: fresh },
    );
  }
}

/** Registers a ticket (by the actor) and routes it by the automatic assignment rules. */
export async function runCreate(ctx: DeskContext, body: CreateBody, actor: Actor): Promise<ActionResult> {
  const ticketId = body.ticket_id ?? newTicketId();
  const now = ctx.now();
  const rules = await loadRules(ctx.store);
  const { events } = await ingestWithin(
    ctx.store,
    [`ticket:${ticketId}`],
    async (trx) => {
      if (await loadTicketState(trx, ticketId))
        throw new HttpError(409, 'conflict', `a ticket ${JSON.stringify(ticketId)} exists already`, [
          { field: 'ticket_id', message: 'taken' },
        ]);
      const { ticket_id: _t, ...fields } = body;
      const raw: RawEvent[] = [{ type: 'ticket.created', ...fields, by: actor.user_id }];
      const lock = (keys: readonly string[]) => ctx.store.helpers.lockKeys(trx, keys);
      const auto = await autoAssignment(trx, lock, rules, {
        channel: body.channel,
        category: body.category ?? null,
        priority: body.priority ?? null,
        tags: body.tags ?? [],
        team_id: null,
        line: null,
        assignee_id: null,
      });
      if (auto) raw.push(auto);
      return { events: stamp(raw, ticketId, new Date(now).toISOString()), result: null };
    },
    now,
  );
  return answer(ctx, ticketId, events);
}
