import type { ContactFacts } from '../facts/types.js';
import { CONTACT_FACT_COLUMNS } from '../store/columns.js';
import { FactTable } from '../store/fact-cache/fact-table.js';
import { factCacheOf } from '../store/store.js';
import { agentPlaces, placeOf } from './agent-places.js';
import { previousPeriod } from './aggregate.js';
import type { FamilyContext } from './family.js';
import { buildFrame, type Frame, type FrameRef } from './frame.js';
import { NONE } from './frame-groups.js';
import type { Dimension } from './types.js';

type Col = keyof ContactFacts & string;

const NO_AGENT = '\u0000no agent';

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

/**
 * The frame of contacts whose reference instants fall in the cut's period or the previous one. Cuts on the
 * contact's own columns read the in-memory facts; cuts through the agent or the ticket born from the
 * contact read the database once, into a table of their own with the group beside each contact.
 */
export async function contactFrame(
  ctx: FamilyContext,
  refs: readonly (FrameRef & { at: Col })[],
  columns: readonly Col[],
): Promise<Frame> {
  const { q, db } = ctx;
  const dims = new Set<Dimension>([
    ...(Object.keys(q.filters) as Dimension[]).filter((d) => q.filters[d]?.length),
    ...(q.by ? [q.by] : []),
  ]);
  // the agent's team and line are looked up in memory: a few hundred agents
  const viaAgent = (d: Dimension) => SOURCE[d].startsWith('ag.');
  const own = [...dims].every((d) => SOURCE[d].startsWith('cf.') || viaAgent(d));
  const cols = [...new Set<string>(['live', 'outcome', ...columns, ...refs.map((r) => r.at)])];
  const cache = factCacheOf(db);
  if (cache && own) {
    const places = [...dims].some(viaAgent) ? await agentPlaces(db) : null;
    const placeIn = (d: Dimension, agent: string | null) => placeOf(places!, d as 'team' | 'line', agent);
    const column = (d: Dimension) => (viaAgent(d) ? 'agent_id' : SOURCE[d].slice(3));
    const table = await cache.table('contact_facts', [...cols, ...[...dims].map(column)]);
    const filters = (Object.keys(q.filters) as Dimension[])
      .filter((d) => q.filters[d]?.length)
      .map((d) => {
        if (!viaAgent(d)) return { column: column(d), values: q.filters[d]! };
        // the agents of the wanted teams or lines (a line compares as a number, as in SQL)
        const wanted = new Set(d === 'line' ? q.filters[d]!.map((v) => String(Number(v))) : q.filters[d]!);
        const agents = [...places!.keys()].filter((a) => {
          const place = placeIn(d, a);
          return place !== null && wanted.has(place);
        });
        // no such agent: a value no agent id takes, so the filter matches nothing (an empty one is no filter)
        return { column: 'agent_id', values: agents.length ? agents.sort() : [NO_AGENT] };
      });
    const by = q.by;
    const groupColumn = by ? column(by) : null;
    const groupKeyOf = by && viaAgent(by) ? (agent: string | null) => placeIn(by, agent) ?? NONE : undefined;
    // states kept per day are grouped and filtered by the agents' places as they are now: they are part of the key
    const placesKey = places ? [...places].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : null;
    const key = JSON.stringify({ contacts: refs, filters, groupColumn, by, placesKey });
    const shared = ctx.frames?.get(key);
    if (shared && shared.table === table) return shared;
    const rollupKey = `contacts|${key}|${JSON.stringify(ctx.targets)}`;
    const frame = buildFrame(table, q, {
      refs,
      filters,
      groupColumn,
      ...(groupKeyOf ? { groupKeyOf } : {}),
      rollupKey,
    });
    ctx.frames?.set(key, frame);
    return frame;
  }
  const { table, tags } = await contactsFromDb(ctx, refs, cols, dims);
  return buildFrame(table, q, {
    refs,
    filters: [],
    groupColumn: q.by ? 'group' : null,
    ...(tags ? { groupsOf: (k: string) => tags.get(k) ?? ['(none)'] } : {}),
  });
}

/** The contacts of the references' ranges with the cut's filters applied and their group, from the database. */
async function contactsFromDb(
  ctx: FamilyContext,
  refs: readonly (FrameRef & { at: Col })[],
  cols: string[],
  dims: Set<Dimension>,
): Promise<{ table: FactTable; tags: Map<string, string[]> | null }> {
  const { q, db } = ctx;
  const needs = (alias: string) => [...dims].some((d) => SOURCE[d].startsWith(`${alias}.`));
  const table = new FactTable({ ...CONTACT_FACT_COLUMNS, group: 'text' }, 'contact_id');
  const held = table.addColumns(q.by ? [...cols, 'group'] : cols);
  const tags = q.by === 'tag' ? new Map<string, string[]>() : null;
  for (const ref of refs) {
    // Kysely cannot type aliases joined conditionally; the SQL is still one typed-per-dialect-neutral query.
    let qb = db
      .selectFrom('contact_facts as cf')
      .select(['cf.contact_id', ...cols.map((c) => `cf.${c}` as 'cf.contact_id')])
      .where(`cf.${ref.at}`, '>=', previousPeriod(q).from)
      .where(`cf.${ref.at}`, '<', q.to);
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
      qb = qb.where(
        SOURCE[dim] as 'cf.channel',
        'in',
        (dim === 'line' ? values.map(Number) : values) as never,
      );
    }
    if (q.by) qb = qb.select(`${SOURCE[q.by]} as group` as 'cf.contact_id');
    // a tag join repeats a contact once per tag: one row per contact, its tags as its groups
    const rows = (await qb.execute()) as unknown as Record<string, unknown>[];
    table.write(rows, held);
    if (tags) {
      for (const r of rows) {
        const id = String(r.contact_id);
        const list = tags.get(id) ?? [];
        const tag = r.group === null || r.group === undefined ? '(none)' : String(r.group);
        if (!list.includes(tag)) list.push(tag);
        tags.set(id, list);
      }
    }
  }
  return { table, tags };
}
