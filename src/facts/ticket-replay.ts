import type { TicketEvent } from '../domain/events.js';
import type { Line, Priority } from '../domain/primitives.js';
import type { Sequenced } from './sequenced.js';
import type { TicketSegment } from './types.js';

export interface AgentLookup {
  lineOf(agentId: string | undefined): Line | null;
}

/** What a replay of a ticket's events in event time yields, before durations are measured. */
export interface Replay {
  category: string | null;
  firstCategory: string | null;
  classifiedBy: string | null;
  classifiedLine: Line | null;
  classified: boolean;
  reclassifyCount: number;
  priority: Priority | null;
  tags: Set<string>;
  team: string | null;
  assignee: string | null;
  line: Line | null;
  status: 'open' | 'resolved' | 'closed';
  firstReply: { at: number; by: string } | null;
  replyCount: number;
  customerReplies: { at: number }[];
  firstAssigned: { at: number; by: string | null } | null;
  reassignCount: number;
  reassignBeforeResolution: number;
  manualAssigned: boolean;
  manualKept: boolean;
  escalationCount: number;
  escalationBeforeResolution: number;
  /** assigned or escalated to line 2/3 before the first resolution (decides an unknown resolving line) */
  leftLine1: boolean;
  dispatched: { at: number; by: string | null } | null;
  resolutions: { at: number; by: string | null; line: Line | null }[];
  reopens: { at: number; afterResolutionAt: number | null }[];
  closedAt: number | null;
  handleS: number;
  rating: { score: number; via: string; at: number } | null;
  callbacks: { at: number; reached: boolean }[];
  segments: Omit<TicketSegment, 'ticket_id' | 'seg_no'>[];
  lastAt: number;
}

/** SPEC §3 "a reassignment": names another assignee, or (previous named none) another team; naming neither counts as a change. */
function isChange(
  prev: { assignee: string | null; team: string | null },
  next: { assignee_id?: string | undefined; team_id?: string | undefined },
): boolean {
  if (!next.assignee_id && !next.team_id) return true;
  if (prev.assignee && next.assignee_id) return next.assignee_id !== prev.assignee;
  if (next.team_id) return next.team_id !== prev.team;
  return false; // a person picks it up without naming a team: inside the team it was assigned to
}

export function replayTicket(events: readonly Sequenced<TicketEvent>[], agents: AgentLookup): Replay {
  const r: Replay = {
    category: null,
    firstCategory: null,
    classifiedBy: null,
    classifiedLine: null,
    classified: false,
    reclassifyCount: 0,
    priority: null,
    tags: new Set(),
    team: null,
    assignee: null,
    line: 1,
    status: 'open',
    firstReply: null,
    replyCount: 0,
    customerReplies: [],
    firstAssigned: null,
    reassignCount: 0,
    reassignBeforeResolution: 0,
    manualAssigned: false,
    manualKept: true,
    escalationCount: 0,
    escalationBeforeResolution: 0,
    leftLine1: false,
    dispatched: null,
    resolutions: [],
    reopens: [],
    closedAt: null,
    handleS: 0,
    rating: null,
    callbacks: [],
    segments: [],
    lastAt: 0,
  };
  let escalationPending = false;
  let lastResolutionAt: number | null = null;
  const openSegment = (at: number) =>
    r.segments.push({ from_at: at, to_at: null, line: r.line, team_id: r.team });
  const closeSegment = (at: number) => {
    const s = r.segments.at(-1);
    if (s && s.to_at === null) s.to_at = at;
  };
  const moveSegment = (at: number) => {
    const s = r.segments.at(-1);
    if (!s || s.to_at !== null || (s.line === r.line && s.team_id === r.team)) return;
    if (s.from_at === at) Object.assign(s, { line: r.line, team_id: r.team });
    else {
      s.to_at = at;
      openSegment(at);
    }
  };
  const classify = (category: string, by: string | undefined) => {
    if (!r.classified) {
      Object.assign(r, { classified: true, firstCategory: category, classifiedBy: by ?? null });
      r.classifiedLine = agents.lineOf(by);
    } else if (category !== r.category) r.reclassifyCount++;
    r.category = category;
  };

  for (const { at, event: e } of events) {
    r.lastAt = Math.max(r.lastAt, at);
    const resolved = r.resolutions.length > 0;
    switch (e.type) {
      case 'ticket.created':
        r.priority = e.priority ?? null;
        for (const t of e.tags ?? []) r.tags.add(t);
        if (e.category) classify(e.category, e.by);
        // Clock skew may put a resolution or a reopen before the creation: open only what is not yet open.
        if (r.status === 'open' && r.segments.at(-1)?.to_at !== null) openSegment(at);
        break;
      case 'ticket.classified':
        classify(e.category, e.by);
        break;
      case 'ticket.reclassified':
        if (!r.classified) classify(e.to, e.by);
        else if (e.to !== r.category) {
          r.reclassifyCount++;
          r.category = e.to;
        }
        break;
      case 'ticket.assigned': {
        const line = e.line ?? agents.lineOf(e.assignee_id);
        if (!r.firstAssigned) r.firstAssigned = { at, by: e.by ?? null };
        else if (!escalationPending && isChange(r, e)) {
          r.reassignCount++;
          if (!resolved) r.reassignBeforeResolution++;
          if (r.manualAssigned) r.manualKept = false;
        }
        if (e.mode === 'manual') r.manualAssigned = true;
        escalationPending = false;
        r.assignee = e.assignee_id ?? null;
        if (e.team_id) r.team = e.team_id;
        if (line) r.line = line;
        if (line && line > 1 && !resolved) {
          r.leftLine1 = true;
          r.dispatched ??= { at, by: e.by ?? null };
        }
        moveSegment(at);
        break;
      }
      case 'ticket.replied':
        if (!r.firstReply || at < r.firstReply.at) r.firstReply = { at, by: e.by };
        if (!resolved) r.replyCount++;
        break;
      case 'ticket.customer_replied':
        if (!resolved) r.customerReplies.push({ at });
        break;
      case 'ticket.escalated':
        r.escalationCount++;
        if (!resolved) r.escalationBeforeResolution++;
        escalationPending = true;
        if (!resolved) {
          r.leftLine1 = true;
          r.dispatched ??= { at, by: e.by ?? null };
        }
        if (e.to_line) {
          r.line = e.to_line;
          moveSegment(at);
        }
        break;
      case 'ticket.tagged':
        for (const t of e.tags) r.tags.add(t);
        break;
      case 'ticket.prioritized':
        r.priority = e.priority;
        break;
      case 'ticket.resolved':
        if (r.status !== 'open') break; // a repeated resolve is no new resolution
        r.resolutions.push({ at, by: e.by ?? null, line: e.line ?? agents.lineOf(e.by) });
        r.status = 'resolved';
        lastResolutionAt = at;
        closeSegment(at);
        break;
      case 'ticket.reopened':
        if (r.status === 'open') break;
        r.reopens.push({ at, afterResolutionAt: lastResolutionAt });
        r.status = 'open';
        openSegment(at);
        break;
      case 'ticket.closed':
        if (r.status === 'open') closeSegment(at);
        r.status = 'closed';
        r.closedAt = at;
        break;
      case 'ticket.worked':
        r.handleS += e.seconds;
        break;
      case 'ticket.rated':
        r.rating = { score: e.score, via: e.via, at };
        break;
      case 'ticket.callback':
        r.callbacks.push({ at, reached: e.outcome === 'reached' });
        break;
      case 'ticket.note':
        break;
    }
  }
  return r;
}
