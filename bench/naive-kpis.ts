// The naive baseline: what peers do per request — fold the raw events table into per-ticket milestones
// with GROUP BY, then aggregate (percentiles in the application). Only the ticket milestones and the
// contact outcomes are computed (fewer KPIs than the full set), so the ratio understates the gap.
import type Database from 'better-sqlite3';

interface Period {
  from: number;
  to: number;
  byAgent: boolean;
}

const percentile = (sorted: Float64Array, p: number) =>
  sorted.length ? sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1]! : null;

export function naiveKpis(db: Database.Database, p: Period): number {
  const prev = p.from - (p.to - p.from);
  const tickets = db
    .prepare(
      `SELECT ticket_id, created, first_reply, first_assign, first_resolve, escalations, reopens, agent FROM (
         SELECT ticket_id,
           min(CASE WHEN type = 'ticket.created' THEN at END) AS created,
           min(CASE WHEN type = 'ticket.replied' THEN at END) AS first_reply,
           min(CASE WHEN type = 'ticket.assigned' THEN at END) AS first_assign,
           min(CASE WHEN type = 'ticket.resolved' THEN at END) AS first_resolve,
           sum(CASE WHEN type = 'ticket.escalated' THEN 1 ELSE 0 END) AS escalations,
           sum(CASE WHEN type = 'ticket.reopened' THEN 1 ELSE 0 END) AS reopens,
           max(CASE WHEN type = 'ticket.resolved' THEN actor_id END) AS agent
         FROM events WHERE stream LIKE 'ticket:%' GROUP BY ticket_id)
       WHERE created >= ? AND created < ?`,
    )
    .raw()
    .all(prev, p.to) as [
    string,
    number,
    number | null,
    number | null,
    number | null,
    number,
    number,
    string | null,
  ][];
  const groups = new Map<string, { fr: number[]; res: number[]; n: number; esc: number; reopen: number }>();
  for (const [, created, reply, , resolve, esc, reopens, agent] of tickets) {
    const key = `${created >= p.from ? 'cur' : 'prev'}|${p.byAgent ? agent : ''}`;
    let g = groups.get(key);
    if (!g) {
      g = { fr: [], res: [], n: 0, esc: 0, reopen: 0 };
      groups.set(key, g);
    }
    g.n++;
    if (reply !== null) g.fr.push((reply - created) / 1000);
    if (resolve !== null) g.res.push((resolve - created) / 1000);
    if (esc > 0) g.esc++;
    if (reopens > 0) g.reopen++;
  }
  let out = 0;
  for (const g of groups.values()) {
    for (const values of [g.fr, g.res]) {
      const sorted = Float64Array.from(values).sort();
      out += (percentile(sorted, 0.5) ?? 0) + (percentile(sorted, 0.9) ?? 0);
    }
  }
  const contacts = db
    .prepare(
      `SELECT count(*) FROM (
         SELECT stream, min(CASE WHEN type = 'contact.offered' THEN at END) AS offered,
           max(CASE WHEN type = 'contact.abandoned' THEN 1 ELSE 0 END) AS abandoned
         FROM events WHERE stream LIKE 'contact:%' GROUP BY stream)
       WHERE offered >= ? AND offered < ? GROUP BY abandoned`,
    )
    .raw()
    .all(prev, p.to);
  return out + groups.size + contacts.length;
}
