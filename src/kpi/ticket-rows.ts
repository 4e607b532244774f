import type { ExpressionBuilder, Kysely } from 'kysely';
import type { TicketFacts } from '../facts/types.js';
import { chunk } from '../store/chunks.js';
import type { Database } from '../store/schema.js';
import type { Dimension, KpiQuery } from './types.js';

type Col = keyof TicketFacts & string;
type TEB = ExpressionBuilder<Database, 'ticket_facts'>;

/** Which ticket column a dimension reads; `agent` depends on the KPI (who responded, resolved, classified…). */
export function ticketDimension(dim: Exclude<Dimension, 'tag'>, agent: Col): Col {
  const map: Record<Exclude<Dimension, 'tag'>, Col> = {
    channel: 'channel',
    category: 'category',
    priority: 'priority',
    team: 'team_id',
    line: 'line',
    company: 'company_id',
    agent,
  };
  return map[dim];
}

/** The filters of a cut as one condition on ticket_facts (tags through ticket_tags). */
export function ticketFilter(eb: TEB, q: KpiQuery, agent: Col) {
  const conds = [];
  for (const [dim, values] of Object.entries(q.filters) as [Dimension, string[]][]) {
    if (!values?.length) continue;
    if (dim === 'tag') {
      conds.push(
        eb.exists(
          eb
            .selectFrom('ticket_tags')
            .select('ticket_tags.tag')
            .whereRef('ticket_tags.ticket_id', '=', 'ticket_facts.ticket_id')
            .where('ticket_tags.tag', 'in', values),
        ),
      );
    } else if (dim === 'line') {
      conds.push(eb('ticket_facts.line', 'in', values.map(Number) as (1 | 2 | 3)[]));
    } else {
      conds.push(eb(`ticket_facts.${ticketDimension(dim, agent)}`, 'in', values));
    }
  }
  return eb.and(conds);
}

/** The tags of the given tickets (group-by tag puts a ticket in each of its tags' groups). */
export async function tagsOf(
  db: Kysely<Database>,
  ticketIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const part of chunk([...new Set(ticketIds)], 900)) {
    for (const r of await db
      .selectFrom('ticket_tags')
      .select(['ticket_id', 'tag'])
      .where('ticket_id', 'in', part)
      .execute()) {
      const list = out.get(r.ticket_id) ?? [];
      list.push(r.tag);
      out.set(r.ticket_id, list);
    }
  }
  return out;
}
