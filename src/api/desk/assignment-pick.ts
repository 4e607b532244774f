import { type Kysely, sql } from 'kysely';
import type { Line } from '../../domain/primitives.js';
import type { Database } from '../../store/schema.js';
import type { AssignmentRule, RoutableTicket } from './assignment-rules.js';
import { matchRule } from './assignment-rules.js';
import type { RawEvent } from './build-events.js';
import { teamLine } from './ticket-state.js';

const cursorKey = (ruleId: string) => `assignment_rr:${ruleId}`;

/** Agents who may get the ticket: active agent users of the team (and line) whose status is available. */
async function availableAgents(trx: Kysely<Database>, team: string | undefined, line: Line | undefined) {
  let q = trx
    .selectFrom('users')
    .innerJoin('agents', 'agents.agent_id', 'users.user_id')
    .select('users.user_id')
    .where('users.role', '=', 'agent')
    .where('users.disabled', '=', 0)
    .where('agents.status', '=', 'available');
  if (team) q = q.where('users.team_id', '=', team);
  if (line) q = q.where('users.line', '=', line);
  return (await q.orderBy('users.user_id').execute()).map((r) => r.user_id);
}

async function openLoad(trx: Kysely<Database>, agents: readonly string[]): Promise<Map<string, number>> {
  if (agents.length === 0) return new Map();
  const rows = await trx
    .selectFrom('tickets')
    .select(['assignee_id', sql<number>`count(*)`.as('n')])
    .where('status', '=', 'open')
    .where('assignee_id', 'in', [...agents])
    .groupBy('assignee_id')
    .execute();
  return new Map(rows.map((r) => [r.assignee_id!, Number(r.n)]));
}

/** Candidates in turn after the one who got the rule's last ticket, wrapping round. */
function inTurn(candidates: readonly string[], last: string | undefined): string[] {
  const start =
    last === undefined
      ? 0
      : Math.max(
          0,
          candidates.findIndex((c) => c > last),
        );
  return [...candidates.slice(start), ...candidates.slice(0, start)];
}

/** Serialises the writers of a rule's turn (PostgreSQL; SQLite has one writer anyway). */
export type LockKeys = (keys: readonly string[]) => Promise<void>;

async function pickAgent(
  trx: Kysely<Database>,
  lock: LockKeys,
  rule: AssignmentRule,
  team: string | undefined,
  line: Line | undefined,
) {
  if (rule.route.strategy === 'team_only') return undefined;
  await lock([cursorKey(rule.id)]);
  const candidates = await availableAgents(trx, team, line);
  if (candidates.length === 0) return undefined;
  const cursor = await trx
    .selectFrom('settings')
    .select('value')
    .where('key', '=', cursorKey(rule.id))
    .executeTakeFirst();
  const order = inTurn(candidates, cursor ? (JSON.parse(cursor.value) as string) : undefined);
  let chosen = order[0]!;
  if (rule.route.strategy === 'least_loaded') {
    const load = await openLoad(trx, candidates);
    // fewest open tickets; among equals, the next in turn
    chosen = order.reduce((best, c) => ((load.get(c) ?? 0) < (load.get(best) ?? 0) ? c : best), chosen);
  }
  const value = JSON.stringify(chosen);
  await trx
    .insertInto('settings')
    .values({ key: cursorKey(rule.id), value, updated_at: Date.now() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
  return chosen;
}

/**
 * The automatic assignment (mode: auto) the first matching rule gives a ticket, or null when no rule matches
 * or the ticket is there already. Runs inside the action's transaction, so turns and loads are current.
 */
export async function autoAssignment(
  trx: Kysely<Database>,
  lock: LockKeys,
  rules: readonly AssignmentRule[],
  ticket: RoutableTicket & { team_id: string | null; line: Line | null; assignee_id: string | null },
): Promise<RawEvent | null> {
  const rule = matchRule(rules, ticket);
  if (!rule) return null;
  const team = rule.route.team_id;
  const line = rule.route.line ?? (team ? ((await teamLine(trx, team)) ?? undefined) : undefined);
  const assignee = await pickAgent(trx, lock, rule, team, line);
  if (!assignee && (team ?? ticket.team_id) === ticket.team_id && (line ?? ticket.line) === ticket.line)
    return null;
  return {
    type: 'ticket.assigned',
    ...(assignee ? { assignee_id: assignee } : {}),
    ...(team ? { team_id: team } : {}),
    ...(line ? { line } : {}),
    mode: 'auto',
  };
}
