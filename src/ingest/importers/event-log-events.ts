import type { Line } from '../../domain/primitives.js';
import type { ActivityRule } from './event-log-mapping.js';
import type { BoundValue } from './value-source.js';

/** What one event-log row says, read from its cells. */
export interface RowFacts {
  ticketId: string;
  at: string;
  activity: string;
  status: string;
  resource: string | undefined;
  group: string | undefined;
  line: Line | undefined;
  cells: readonly string[];
}

/** The values a rule reads from a column (category, priority), bound to the header once. */
export type RuleValues = Map<ActivityRule, BoundValue>;

/** The fields that have a value (an event never carries an empty optional field). */
export const defined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== ''));

/**
 * The event a mapped row becomes, before validation and id. Imported assignments carry no `mode`
 * (manual, SPEC §3); lines come from the group unless the rule fixes one.
 */
export function ruleEvent(
  rule: Exclude<ActivityRule, { event: 'ignore' }>,
  row: RowFacts,
  values: RuleValues,
): Record<string, unknown> {
  const base = { type: rule.event, at: row.at, ticket_id: row.ticketId };
  const by = row.resource;
  const mapped = () => values.get(rule)?.read(row.cells);
  switch (rule.event) {
    case 'ticket.assigned':
      return defined({
        ...base,
        assignee_id: rule.assignee === 'resource' ? row.resource : undefined,
        team_id: rule.team === 'group' ? row.group : undefined,
        line: rule.line ?? row.line,
        by,
      });
    case 'ticket.replied':
      return defined({ ...base, kind: rule.kind, by });
    case 'ticket.customer_replied':
      return base;
    case 'ticket.escalated':
      return defined({
        ...base,
        to_line: rule.to_line ?? row.line,
        to_role: rule.to_role,
        reason: rule.reason ?? (row.status ? `${row.activity} / ${row.status}` : row.activity),
        by,
      });
    case 'ticket.classified':
      return defined({ ...base, category: mapped(), by });
    case 'ticket.reclassified':
      return defined({ ...base, to: mapped(), by });
    case 'ticket.tagged':
      return defined({ ...base, tags: rule.tags ?? [row.activity], by });
    case 'ticket.prioritized':
      return defined({ ...base, priority: mapped(), by });
    case 'ticket.resolved':
      return defined({ ...base, line: rule.line ?? row.line, by });
    case 'ticket.callback':
      return defined({ ...base, outcome: rule.outcome, by });
    case 'ticket.note':
    case 'ticket.reopened':
    case 'ticket.closed':
      return defined({ ...base, by });
  }
}
