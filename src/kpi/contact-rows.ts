import type { Kysely } from 'kysely';
import type { ContactFacts } from '../facts/types.js';
import type { Database } from '../store/schema.js';
import { factCacheOf } from '../store/store.js';
import { previousPeriod } from './aggregate.js';
import { cachedRows } from './ticket-rows-cached.js';
import type { Dimension, KpiQuery } from './types.js';

type Col = keyof ContactFacts & string;

export interface ContactRow {
  contact_id: string;
  at: number;
  group: string | null;
  [column: string]: unknown;
}

/**
 * Where a dimension comes from for a contact: its own channel and answering agent, that agent's team and
 * line, and the ticket born from it for category, priority, company and tags.
 */
const SOURCE: Record<Dimension, string> = {
  channel: 'cf.channel',
  agent: 'cf.agent_id',
  team: 'ag.team_id',
  line: 'ag.line',
  category: 'tf.category',
  priority: 'tf.priority',
  company: 'tf.company_id',
  tag: 'tt.tag',
};

/** Contacts whose reference instant falls in the cut's period or the previous one. */
export async function fetchContactRows(
  db: Kysely<Database>,
  q: KpiQuery,
  at: Col,
  columns: readonly Col[],
  where: (cf: ContactFacts) => boolean = () => true,
): Promise<ContactRow[]> {
  const dims = new Set<Dimension>([
    ...(Object.keys(q.filters) as Dimension[]).filter((d) => q.filters[d]?.length),
    ...(q.by ? [q.by] : []),
  ]);
  const needs = (alias: string) => [...dims].some((d) => SOURCE[d].startsWith(`${alias}.`));
  const cache = factCacheOf(db);
  if (cache && !needs('ag') && !needs('tf') && !needs('tt')) {
    // Own columns only (channel, agent): the in-memory facts answer without a join.
    const cols = [...new Set<string>(['live', 'outcome', ...columns])];
    const dim = (d: Dimension) => SOURCE[d].slice(3);
    const table = await cache.table('contact_facts', [at, ...cols, ...[...dims].map(dim)]);
    const rows = cachedRows<ContactRow & ContactFacts>(table, q, [{ at }], cols, dim, 'contact_id');
    return rows.filter((r) => where(r));
  }
  // Kysely cannot type aliases joined conditionally; the SQL is still one typed-per-dialect-neutral query.
  let qb = db
    .selectFrom('contact_facts as cf')
    .select([
      'cf.contact_id',
      'cf.live',
      'cf.outcome',
      `cf.${at} as at` as 'cf.contact_id',
      ...columns.map((c) => `cf.${c}` as 'cf.contact_id'),
    ])
    .where(`cf.${at}`, '>=', previousPeriod(q).from)
    .where(`cf.${at}`, '<', q.to);
  if (needs('ag')) qb = qb.leftJoin('agents as ag', 'ag.agent_id', 'cf.agent_id') as unknown as typeof qb;
  // The ticket born from the contact: the earliest created of those naming it (a contact may be named by
  // several tickets; joining them all would count the contact once per ticket).
  if (needs('tf') || needs('tt'))
    qb = qb.leftJoin('ticket_facts as tf', (join) =>
      join
        .onRef('tf.contact_id', '=', 'cf.contact_id')
        .on('tf.ticket_id', '=', (eb) =>
          eb
            .selectFrom('ticket_facts as born')
            .select('born.ticket_id')
            .whereRef('born.contact_id', '=', 'cf.contact_id')
            .orderBy('born.created_at')
            .orderBy('born.ticket_id')
            .limit(1),
        ),
    ) as unknown as typeof qb;
  if (needs('tt'))
    qb = qb.leftJoin('ticket_tags as tt', 'tt.ticket_id', 'tf.ticket_id' as never) as unknown as typeof qb;
  for (const [dim, values] of Object.entries(q.filters) as [Dimension, string[]][]) {
    if (!values?.length) continue;
    const v = dim === 'line' ? values.map(Number) : values;
    qb = qb.where(SOURCE[dim] as 'cf.channel', 'in', v as never);
  }
  if (q.by) qb = qb.select(`${SOURCE[q.by]} as group` as 'cf.contact_id');
  const rows = (await qb.execute()) as unknown as (ContactRow & ContactFacts)[];
  const seen = new Set<string>();
  const out: ContactRow[] = [];
  for (const r of rows) {
    // a tag join repeats a contact once per tag: keep one row per contact and group
    const key = `${r.contact_id}\u0000${String(r.group)}`;
    if (q.by === 'tag' || q.filters.tag?.length) {
      if (seen.has(key)) continue;
      seen.add(key);
    }
    if (!where(r)) continue;
    r.at = Number(r.at);
    r.group = q.by ? (r.group === null || r.group === undefined ? '(none)' : String(r.group)) : null;
    out.push(r);
  }
  return out;
}
