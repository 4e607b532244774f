import type { FactTable } from '../../store/fact-cache/fact-table.js';
import type { SegmentTable } from '../../store/fact-cache/segment-table.js';
import { MS_PER_DAY } from '../../time/civil.js';

const DAY = MS_PER_DAY;
const band = (ageMs: number) => (ageMs < DAY ? 0 : ageMs < 3 * DAY ? 1 : ageMs < 7 * DAY ? 2 : 3);

export interface BacklogScan {
  /** the instants counted at, and the last of them (by line, age and group are counted there) */
  stabs: readonly number[];
  last: number;
  /** the cut's filters on the ticket (its row) and on the segment's line and team */
  keepTicket: ((row: number) => boolean) | null;
  lines: ReadonlySet<number> | null;
  teams: ReadonlySet<string> | null;
}

export interface BacklogCounts {
  /** open tickets at each instant of `stabs` */
  values: number[];
  byLine: Record<string, number>;
  /** at the last instant: < 1 day, 1–3, 3–7, > 7 days since the ticket's start */
  byAge: [number, number, number, number];
  /** the segments open at the last instant */
  open: number[];
}

/**
 * SPEC §3 #19 over the segments in memory: a ticket is open at instant t when one of its segments began
 * before t and had not ended before it (from < t ≤ to, or still open), on the line and team of that
 * segment. A ticket holds one segment at a time, so segments count tickets.
 */
export function countBacklog(tickets: FactTable, segs: SegmentTable, o: BacklogScan): BacklogCounts {
  const start = tickets.column('start_at');
  if (start.kind !== 'number') throw new Error('start_at is not an instant');
  const startAt = start.values;
  const { stabs, last } = o;
  const lo = Math.min(...stabs);
  const hi = Math.max(...stabs);
  const values = stabs.map(() => 0);
  const byLine: Record<string, number> = { '1': 0, '2': 0, '3': 0, unknown: 0 };
  const byAge: [number, number, number, number] = [0, 0, 0, 0];
  const open: number[] = [];
  const teamCodes = o.teams ? new Set([...o.teams].map((t) => segs.team.find(t))) : null;
  const { ticket } = segs;
  const from = segs.from.values;
  const to = segs.to.values;
  const line = segs.line.values;
  const team = segs.team.codes;
  // only the segments that may be open in the cut, or all of them in order (see endingFrom)
  const some = segs.endingFrom(lo);
  const count = some ? some.length : segs.size;
  for (let i = 0; i < count; i++) {
    const s = some ? some[i]! : i;
    const t = ticket[s]!;
    if (t < 0) continue;
    const f = from[s]!;
    if (!(f < hi)) continue;
    const e = to[s]!;
    const running = Number.isNaN(e);
    if (!running && e < lo) continue;
    if (o.lines && !o.lines.has(line[s]!)) continue;
    if (teamCodes && !teamCodes.has(team[s]!)) continue;
    if (o.keepTicket && !o.keepTicket(t)) continue;
    for (let k = 0; k < stabs.length; k++) {
      const at = stabs[k]!;
      if (f < at && (running || e >= at)) values[k]!++;
    }
    if (!(f < last && (running || e >= last))) continue;
    open.push(s);
    const l = segs.line.get(s);
    const lineKey = l === null ? 'unknown' : String(l);
    byLine[lineKey] = (byLine[lineKey] ?? 0) + 1;
    const began = startAt[t]!;
    byAge[band(last - (Number.isNaN(began) ? 0 : began))]++;
  }
  // in the segments' order, as a scan of them all gives them
  if (some) open.sort((a, b) => a - b);
  return { values, byLine, byAge, open };
}
