import type { Kysely } from 'kysely';
import { CALL_CONTACT_PREFIX } from '../../ingest/telephony/plan-call-events.js';
import { chunk } from '../../store/chunks.js';
import type { Database } from '../../store/schema.js';

export type CallState = 'ringing' | 'answered' | 'abandoned' | 'ended';

/** A PBX call whose contact events were appended: what the workspace needs to pop it up, close or update it. */
export interface CallChange {
  seq: number;
  /** the id the screen pop and one-click ticket routes take (`/telephony/calls/<call_id>/…`) */
  call_id: string;
  contact_id: string;
  /** the contact event types of this change, in log order */
  types: string[];
  state: CallState;
  /** who answered (null while it rings) */
  agent_id: string | null;
  queue: string | null;
  /** a team someone serves is named like the queue: the ring goes to that team only */
  queue_team: string | null;
  /** the caller in E.164 (null: anonymous) */
  number: string | null;
  ticket_id: string | null;
  offered_at: string;
}

export const isCallStream = (stream: string) => stream.startsWith(`contact:${CALL_CONTACT_PREFIX}`);

export function callState(c: {
  outcome: string;
  ended_at: number | null;
  answered_at: number | null;
}): CallState {
  if (c.outcome === 'abandoned') return 'abandoned';
  if (c.ended_at !== null) return 'ended';
  return c.answered_at !== null ? 'answered' : 'ringing';
}

/** The calls' states now, for the contacts that moved (by contact id: last position and event types). */
export async function readCallChanges(
  db: Kysely<Database>,
  moved: ReadonlyMap<string, { seq: number; types: string[] }>,
): Promise<CallChange[]> {
  if (moved.size === 0) return [];
  const facts = [];
  for (const part of chunk([...moved.keys()], 900))
    facts.push(
      ...(await db
        .selectFrom('contact_facts')
        .select([
          'contact_id',
          'outcome',
          'offered_at',
          'answered_at',
          'ended_at',
          'agent_id',
          'queue',
          'customer',
          'ticket_id',
        ])
        .where('contact_id', 'in', part)
        .execute()),
    );
  const queues = [...new Set(facts.map((f) => f.queue).filter((q): q is string => !!q))];
  const teams = new Set<string>();
  for (const part of chunk(queues, 900))
    for (const r of await db
      .selectFrom('users')
      .select('team_id')
      .distinct()
      .where('team_id', 'in', part)
      .execute())
      if (r.team_id) teams.add(r.team_id);
  return facts
    .map((f) => {
      const m = moved.get(f.contact_id)!;
      return {
        seq: m.seq,
        call_id: f.contact_id.slice(CALL_CONTACT_PREFIX.length),
        contact_id: f.contact_id,
        types: m.types,
        state: callState(f),
        agent_id: f.agent_id,
        queue: f.queue,
        queue_team: f.queue && teams.has(f.queue) ? f.queue : null,
        number: f.customer,
        ticket_id: f.ticket_id,
        offered_at: new Date(Number(f.offered_at)).toISOString(),
      };
    })
    .sort((a, b) => a.seq - b.seq);
}

/** Who a call's changes are pushed to: see docs/telephony.md, "Screen pop". */
export interface CallAudience {
  user_id: string;
  role: string;
  line: number | null;
  team_id: string | null;
}

export function callIsFor(call: CallChange, u: CallAudience): boolean {
  // the answering agent follows their call to the end, whatever their line
  if (call.agent_id === u.user_id) return true;
  // the first line takes calls: its agents (and agents of a desk without lines) hear the ring and are
  // told when someone answers or the caller hangs up, so their pop closes
  const answersPhone = u.role === 'agent' && (u.line === 1 || u.line === null);
  if (!answersPhone) return false;
  return call.queue_team === null || call.queue_team === u.team_id;
}
