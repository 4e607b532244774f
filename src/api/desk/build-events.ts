import type { Kysely } from 'kysely';
import type { Line } from '../../domain/primitives.js';
import type { Database } from '../../store/schema.js';
import { HttpError } from '../errors.js';
import type { ActionBody, ActionName } from './commands.js';
import { type Actor, loadAssignee, type TicketState, teamLine } from './ticket-state.js';

export type RawEvent = Record<string, unknown> & { type: string };

/** Which statuses each action may start from: a closed ticket only takes notes, work logs and a reopen. */
const FROM: Record<ActionName, readonly TicketState['status'][]> = {
  classify: ['open', 'resolved'],
  assign: ['open', 'resolved'],
  take: ['open', 'resolved'],
  reply: ['open', 'resolved'],
  note: ['open', 'resolved', 'closed'],
  'customer-reply': ['open', 'resolved'],
  escalate: ['open'],
  resolve: ['open'],
  reopen: ['resolved', 'closed'],
  close: ['open', 'resolved'],
  work: ['open', 'resolved', 'closed'],
  spam: ['open', 'resolved'],
  tag: ['open', 'resolved'],
  prioritize: ['open', 'resolved'],
};

const refuse = (message: string, field = '') =>
  new HttpError(400, 'invalid_request', message, [{ field, message }]);

async function assignment(
  trx: Kysely<Database>,
  state: TicketState,
  target: { assignee_id?: string | undefined; team_id?: string | undefined; line?: Line | undefined },
): Promise<RawEvent> {
  let { team_id: team, line } = target;
  if (target.assignee_id) {
    const person = await loadAssignee(trx, target.assignee_id);
    if (!person) throw refuse(`no active agent ${JSON.stringify(target.assignee_id)}`, 'assignee_id');
    team ??= person.team_id ?? undefined;
    line ??= person.line ?? undefined;
  }
  if (team && !line) line = (await teamLine(trx, team)) ?? undefined;
  const assignee = target.assignee_id ?? null;
  if (
    assignee === state.assignee_id &&
    (team ?? state.team_id) === state.team_id &&
    (line ?? state.line) === state.line
  )
    throw refuse('the ticket is assigned so already', 'assignee_id');
  return {
    type: 'ticket.assigned',
    ...(target.assignee_id ? { assignee_id: target.assignee_id } : {}),
    ...(team ? { team_id: team } : {}),
    ...(line ? { line } : {}),
    mode: 'manual',
  };
}

/**
 * The SPEC §2 events one action produces on a ticket in `state`, without id, instant or ticket (added by the
 * caller). Refuses what the state does not allow: 409 for a wrong status, 400 for a pointless change.
 */
export async function actionEvents<A extends ActionName>(
  trx: Kysely<Database>,
  action: A,
  input: ActionBody<A>,
  state: TicketState,
  actor: Actor,
): Promise<RawEvent[]> {
  if (!FROM[action].includes(state.status))
    throw new HttpError(409, 'invalid_state', `a ${state.status} ticket cannot take "${action}"`, {
      status: state.status,
      action,
    });
  const by = actor.user_id;
  const body = input as ActionBody<ActionName>;
  switch (action) {
    case 'classify': {
      const { category } = body as ActionBody<'classify'>;
      if (state.category === category)
        throw refuse(`the ticket is classified as ${category} already`, 'category');
      return [
        state.category === null
          ? { type: 'ticket.classified', category, by }
          : { type: 'ticket.reclassified', from: state.category, to: category, by },
      ];
    }
    case 'assign':
      return [{ ...(await assignment(trx, state, body as ActionBody<'assign'>)), by }];
    case 'take':
      if (!actor.line) throw refuse('only an agent with a line can take tickets');
      return [{ ...(await assignment(trx, state, { assignee_id: by })), by }];
    case 'reply': {
      const b = body as ActionBody<'reply'>;
      return [{ type: 'ticket.replied', by, kind: b.kind, ...(b.text ? { text: b.text } : {}) }];
    }
    case 'note':
      return [{ type: 'ticket.note', by, text: (body as ActionBody<'note'>).text }];
    case 'customer-reply': {
      const b = body as ActionBody<'customer-reply'>;
      return [{ type: 'ticket.customer_replied', ...(b.text ? { text: b.text } : {}) }];
    }
    case 'escalate': {
      const b = body as ActionBody<'escalate'>;
      if (b.to_line && state.line && b.to_line <= state.line)
        throw refuse(`the ticket is on line ${state.line}: escalate to a higher line`, 'to_line');
      const escalated: RawEvent = {
        type: 'ticket.escalated',
        ...(b.to_line ? { to_line: b.to_line } : {}),
        ...(b.to_role ? { to_role: b.to_role } : {}),
        reason: b.reason,
        by,
      };
      if (!b.team_id && !b.assignee_id) return [escalated];
      const moved = { ...state, line: b.to_line ?? state.line };
      const target = { assignee_id: b.assignee_id, team_id: b.team_id, line: b.to_line };
      return [escalated, { ...(await assignment(trx, moved, target)), by }];
    }
    case 'resolve':
      return [{ type: 'ticket.resolved', by, ...(actor.line ? { line: actor.line } : {}) }];
    case 'reopen':
      return [{ type: 'ticket.reopened', by }];
    case 'close':
      return [{ type: 'ticket.closed', by }];
    case 'work':
      return [{ type: 'ticket.worked', agent_id: by, seconds: (body as ActionBody<'work'>).seconds }];
    case 'spam':
      // Nothing is deleted: spam is tagged and closed, never resolved, so it stays out of resolution KPIs.
      return [
        ...(state.tags.includes('spam') ? [] : [{ type: 'ticket.tagged', tags: ['spam'], by }]),
        { type: 'ticket.closed', by },
      ];
    case 'tag': {
      const fresh = (body as ActionBody<'tag'>).tags.filter((t) => !state.tags.includes(t));
      if (fresh.length === 0) throw refuse('the ticket has these tags already', 'tags');
      return [{ type: 'ticket.tagged', tags: fresh, by }];
    }
    case 'prioritize': {
      const { priority } = body as ActionBody<'prioritize'>;
      if (priority === state.priority)
        throw refuse(`the ticket's priority is ${priority} already`, 'priority');
      return [{ type: 'ticket.prioritized', priority, by }];
    }
  }
  throw refuse(`unknown action ${String(action)}`);
}
