import type { Kysely } from 'kysely';
import { parseRows, rowJson } from '../row-json.js';
import type { Database } from '../schema.js';
import type { FactTable } from './fact-table.js';
import type { SegmentRow, SegmentTable } from './segment-table.js';
import type { StretchRow, StretchTable } from './stretch-table.js';

const SEGMENT_LAYOUT = ['ticket_id', 'seg_no', 'from_at', 'to_at', 'line', 'team_id'];

/** Reads the segments of the given tickets (all, for null) into the table, replacing theirs. */
export async function readSegments(
  db: Kysely<Database>,
  page: number,
  facts: FactTable,
  into: SegmentTable,
  tickets: string[] | null,
): Promise<void> {
  const rowOf = (k: string) => facts.rowFor(k);
  const base = db
    .selectFrom('ticket_segments')
    .select(rowJson(db, SEGMENT_LAYOUT).as('j'))
    .orderBy('ticket_id')
    .orderBy('seg_no');
  const read = async (qb: typeof base): Promise<(SegmentRow & { seg_no: number })[]> =>
    parseRows((await qb.execute()).map((r) => r.j)).map(
      ([ticket_id, seg_no, from_at, to_at, line, team_id]) => ({
        ticket_id: ticket_id as string,
        seg_no: seg_no as number,
        from_at,
        to_at,
        line,
        team_id,
      }),
    );
  if (tickets) {
    for (let i = 0; i < tickets.length; i += 900) {
      const part = tickets.slice(i, i + 900);
      into.replace(part.map(rowOf), await read(base.where('ticket_id', 'in', part)), rowOf);
    }
    return;
  }
  const { n } = await db
    .selectFrom('ticket_segments')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  into.reserve(Number(n) + (Number(n) >> 5));
  let after: { id: string; no: number } | null = null;
  for (;;) {
    let qb = base.limit(page);
    if (after) {
      const last = after;
      qb = qb
        .where('ticket_id', '>=', last.id)
        .where((eb) => eb.or([eb('ticket_id', '>', last.id), eb('seg_no', '>', last.no)]));
    }
    const rows = await read(qb);
    into.replace([], rows, rowOf);
    if (rows.length < page) return;
    const end = rows.at(-1)!;
    after = { id: end.ticket_id, no: Number(end.seg_no) };
  }
}

/** Reads the stretches of the given agents (all, for null) into the table, replacing theirs. */
export async function readStretches(
  db: Kysely<Database>,
  page: number,
  into: StretchTable,
  agents: string[] | null,
): Promise<void> {
  const base = db
    .selectFrom('agent_stretches')
    .select(['agent_id', 'start_at', 'end_at', 'compliant'])
    .orderBy('agent_id')
    .orderBy('start_at');
  if (agents) {
    for (let i = 0; i < agents.length; i += 900) {
      const part = agents.slice(i, i + 900);
      into.replace(part, (await base.where('agent_id', 'in', part).execute()) as StretchRow[]);
    }
    return;
  }
  // a whole read, page by page; an agent's stretches may straddle pages, so each agent is set once complete
  let carried: StretchRow[] = [];
  let after: { id: string; start: number } | null = null;
  for (;;) {
    let qb = base.limit(page);
    if (after) {
      const last = after;
      qb = qb
        .where('agent_id', '>=', last.id)
        .where((eb) => eb.or([eb('agent_id', '>', last.id), eb('start_at', '>', last.start)]));
    }
    const rows = (await qb.execute()) as StretchRow[];
    const done = rows.length < page;
    carried = carried.concat(rows);
    const lastAgent = rows.at(-1)?.agent_id;
    const cut = done ? carried.length : carried.findIndex((r) => r.agent_id === lastAgent);
    into.replace([], carried.slice(0, cut));
    carried = carried.slice(cut);
    if (done) return;
    const end = rows.at(-1)!;
    after = { id: end.agent_id, start: Number(end.start_at) };
  }
}
