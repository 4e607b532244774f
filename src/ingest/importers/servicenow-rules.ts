import type { Channel, Priority } from '../../domain/primitives.js';
import { RowError } from './types.js';

/** What the rules read from one audit row, '?' already turned into undefined. */
export interface AuditRow {
  number: string;
  mod: number;
  state: string | undefined;
  updatedAt: number;
  updatedBy: string | undefined;
  openedBy: string | undefined;
  closedAt: number | undefined;
  category: string | undefined;
  assignee: string | undefined;
  group: string | undefined;
  resolvedBy: string | undefined;
}

/** An incident's state after the rows seen so far, in sys_mod_count order. */
export interface IncidentState {
  rows: number;
  category: string | undefined;
  assignee: string | undefined;
  state: string | undefined;
  everResolved: boolean;
}

export const newIncident = (): IncidentState => ({
  rows: 0,
  category: undefined,
  assignee: undefined,
  state: undefined,
  everResolved: false,
});

/** An event a row yields: its kind names it in the event id, `at` in epoch ms. */
export interface AuditEvent {
  kind: string;
  column: string;
  at: number;
  fields: Record<string, unknown>;
}

const CHANNELS: Record<string, Channel> = {
  phone: 'phone',
  ivr: 'phone',
  email: 'email',
  'self service': 'web',
  'direct opening': 'other',
};
export const channelOf = (contactType: string | undefined): Channel =>
  CHANNELS[(contactType ?? '').toLowerCase()] ?? 'other';

const PRIORITIES: Record<string, Priority> = { '1': 'urgent', '2': 'high', '3': 'normal', '4': 'low' };
/** "1 - Critical" … "4 - Low": the digit decides. */
export const priorityOf = (value: string | undefined): Priority | undefined =>
  value === undefined ? undefined : PRIORITIES[value.trim().charAt(0)];

/**
 * The rules, one row at a time (the state is updated in place): reclassification when the
 * category differs from the previous non-empty one, an assignment when the assignee differs from the
 * previous non-empty one, resolution when the state enters Resolved, a reopen when it leaves Resolved for
 * anything but Closed, and closing (with a resolution at the same instant first if there never was one)
 * when it enters Closed. The first row's category is the classification at opened_at. Throws RowError;
 * the caller passes a copy of the state and keeps it only when the row is good.
 */
export function auditEvents(row: AuditRow, s: IncidentState, openedAt: number): AuditEvent[] {
  const out: AuditEvent[] = [];
  const first = s.rows === 0;
  s.rows++;
  if (row.category !== undefined) {
    if (first) {
      out.push({
        kind: 'classified',
        column: 'opened_at',
        at: openedAt,
        fields: { category: row.category, by: row.openedBy },
      });
    } else if (s.category === undefined) {
      // no category until now: this is the first classification, not a re-classification
      out.push({
        kind: 'classified',
        column: 'sys_updated_at',
        at: row.updatedAt,
        fields: { category: row.category, by: row.updatedBy },
      });
    } else if (row.category !== s.category) {
      out.push({
        kind: 'reclassified',
        column: 'sys_updated_at',
        at: row.updatedAt,
        fields: { from: s.category, to: row.category, by: row.updatedBy },
      });
    }
    s.category = row.category;
  }
  if (row.assignee !== undefined && row.assignee !== s.assignee) {
    out.push({
      kind: 'assigned',
      column: 'sys_updated_at',
      at: row.updatedAt,
      fields: { assignee_id: row.assignee, team_id: row.group, mode: 'manual', by: row.updatedBy },
    });
    s.assignee = row.assignee;
  }
  const prev = s.state;
  const now = row.state;
  if (now !== undefined && now !== prev) {
    if (now === 'Resolved') {
      out.push({
        kind: 'resolved',
        column: 'sys_updated_at',
        at: row.updatedAt,
        fields: { by: row.resolvedBy ?? row.updatedBy },
      });
      s.everResolved = true;
    } else if (prev === 'Resolved' && now !== 'Closed') {
      out.push({
        kind: 'reopened',
        column: 'sys_updated_at',
        at: row.updatedAt,
        fields: { by: row.updatedBy },
      });
    }
    if (now === 'Closed') {
      if (row.closedAt === undefined)
        throw new RowError('closed_at', 'the incident enters Closed but closed_at is empty');
      if (!s.everResolved) {
        out.push({
          kind: 'resolved-at-close',
          column: 'closed_at',
          at: row.closedAt,
          fields: { by: row.resolvedBy },
        });
        s.everResolved = true;
      }
      out.push({ kind: 'closed', column: 'closed_at', at: row.closedAt, fields: { by: row.updatedBy } });
    }
    s.state = now;
  }
  return out;
}
