import type { ZendeskTicket } from './zendesk-ticket.js';

const MIN = 60_000;

/** An event before validation: `role` names it in the id and `field` is the ticket field it comes from. */
export interface PlannedEvent {
  role: string;
  field: string;
  at: number;
  fields: Record<string, unknown>;
}

/** `n` instants spread evenly after `from`, the last at `to` (all at `from` when `to` is not later). */
const spread = (from: number, to: number, n: number): number[] =>
  Array.from({ length: n }, (_, i) => from + Math.round(((to - from) * (i + 1)) / n));

/**
 * A ticket's events, chosen so that our KPIs give Zendesk's metric values for it: the first reply at
 * created + reply time, the first resolution at created + first resolution time, the final one at
 * created + full resolution time (calendar minutes, as Zendesk rounds them), `reopens` reopen/resolve
 * pairs between them, `replies` public replies, and as many assignments as stations (the first at
 * initially_assigned_at, the last — naming the assignee and group — at assigned_at, anonymous ones
 * between, each of which counts as a reassignment). Zendesk keeps no instant for a later reply or a
 * reopen: those are spread evenly over the span they must fall in.
 */
export function plannedEvents(t: ZendeskTicket): PlannedEvent[] {
  const m = t.metric_set;
  const created = Date.parse(t.created_at);
  const agent = t.assignee_id ?? 'unassigned';
  const out: PlannedEvent[] = [];
  const ms = (v: string | null | undefined) => (v ? Date.parse(v) : undefined);
  const after = (mins: number | null | undefined) => (mins == null ? undefined : created + mins * MIN);

  const replySeconds = m.reply_time_in_seconds?.calendar;
  const firstReply =
    replySeconds != null ? created + replySeconds * 1000 : after(m.reply_time_in_minutes?.calendar);
  const firstResolved = after(m.first_resolution_time_in_minutes?.calendar);
  const solved = ['solved', 'closed'].includes(t.status ?? '');
  const fullResolved = solved
    ? (after(m.full_resolution_time_in_minutes?.calendar) ?? firstResolved)
    : undefined;
  const lastActivity = ms(m.status_updated_at) ?? ms(t.updated_at) ?? firstResolved ?? created;

  if (firstReply !== undefined) {
    const field =
      replySeconds != null ? 'metric_set.reply_time_in_seconds' : 'metric_set.reply_time_in_minutes';
    out.push({ role: 'reply-1', field, at: firstReply, fields: { kind: 'comment', by: agent } });
    const more = Math.max(0, (m.replies ?? 1) - 1);
    const end = fullResolved ?? ms(m.latest_comment_added_at) ?? lastActivity;
    spread(firstReply, Math.max(end, firstReply), more).forEach((at, i) => {
      out.push({
        role: `reply-${i + 2}`,
        field: 'metric_set.replies',
        at,
        fields: { kind: 'comment', by: agent },
      });
    });
  }

  const initially = ms(m.initially_assigned_at);
  if (initially !== undefined) {
    const stations = Math.max(1, m.assignee_stations ?? 1, m.group_stations ?? 1);
    const last = Math.max(ms(m.assigned_at) ?? initially, initially);
    const named = {
      assignee_id: t.assignee_id ?? undefined,
      team_id: t.group_id ?? undefined,
      mode: 'manual',
    };
    if (stations === 1)
      out.push({
        role: 'assigned-1',
        field: 'metric_set.initially_assigned_at',
        at: initially,
        fields: named,
      });
    else {
      out.push({
        role: 'assigned-1',
        field: 'metric_set.initially_assigned_at',
        at: initially,
        fields: { mode: 'manual' },
      });
      spread(initially, last, stations - 1).forEach((at, i) => {
        out.push({
          role: `assigned-${i + 2}`,
          field: 'metric_set.assignee_stations',
          at,
          fields: i === stations - 2 ? named : { mode: 'manual' },
        });
      });
    }
  }

  if (firstResolved !== undefined) {
    const by = { by: agent };
    out.push({
      role: 'resolved-1',
      field: 'metric_set.first_resolution_time_in_minutes',
      at: firstResolved,
      fields: by,
    });
    const reopens = m.reopens ?? 0;
    if (reopens > 0) {
      // reopen, resolve, reopen, …: ending on the final resolution when solved, on a reopen when not
      const steps = fullResolved !== undefined ? 2 * reopens : 2 * reopens - 1;
      const end = fullResolved ?? Math.max(lastActivity, firstResolved);
      spread(firstResolved, end, steps).forEach((at, i) => {
        const n = Math.floor(i / 2) + 1;
        out.push(
          i % 2 === 0
            ? { role: `reopened-${n}`, field: 'metric_set.reopens', at, fields: {} }
            : {
                role: `resolved-${n + 1}`,
                field: 'metric_set.full_resolution_time_in_minutes',
                at,
                fields: by,
              },
        );
      });
    }
  }

  if (t.status === 'closed') {
    const at = Math.max(ms(t.updated_at) ?? lastActivity, fullResolved ?? created);
    out.push({ role: 'closed', field: 'updated_at', at, fields: {} });
  }
  const score = t.satisfaction_rating?.score;
  if (score === 'good' || score === 'bad') {
    const at = fullResolved ?? ms(m.solved_at) ?? lastActivity;
    out.push({
      role: 'rated',
      field: 'satisfaction_rating.score',
      at,
      fields: { score: score === 'good' ? 5 : 1, via: 'link' },
    });
  }
  return out;
}
