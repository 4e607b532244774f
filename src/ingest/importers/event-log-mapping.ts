import { z } from 'zod';
import { CHANNELS, line, PRIORITIES } from '../../domain/primitives.js';
import {
  checkTargets,
  column,
  csvOptions,
  linesSpec,
  parseMapping,
  readMappingJson,
  regex,
  ticketPrefix,
  timestampSpec,
  valueSource,
} from './mapping-parts.js';
import { MappingError } from './types.js';

const oneOrMany = z.union([z.string(), z.array(z.string()).min(1)]);

const match = {
  activity: oneOrMany.optional().describe('activity names this rule matches (exactly)'),
  activity_pattern: regex.optional(),
  status: oneOrMany.optional().describe('sub-status / lifecycle values this rule matches (exactly)'),
  status_pattern: regex.optional(),
  comment: z.string().optional().describe('why the rule maps as it does (not read by the importer)'),
};
const rule = <T extends string, S extends z.ZodRawShape>(event: T, shape: S) =>
  z.strictObject({ event: z.literal(event), ...match, ...shape });

export const ACTIVITY_RULES = z.discriminatedUnion('event', [
  rule('ticket.assigned', {
    assignee: z.enum(['resource', 'none']).default('resource').describe('assignee_id from the resource'),
    team: z.enum(['group', 'none']).default('group').describe('team_id from the group'),
    line: line.optional().describe('a fixed line instead of the group’s line'),
  }),
  rule('ticket.replied', { kind: z.enum(['comment', 'clarification', 'solution']).default('comment') }),
  rule('ticket.note', {}),
  rule('ticket.customer_replied', {}),
  rule('ticket.escalated', {
    to_line: line.optional().describe('default: the group’s line'),
    to_role: z.enum(['senior', 'manager']).optional(),
    reason: z.string().max(1000).optional().describe('default: the activity (and status)'),
  }),
  rule('ticket.classified', { category: valueSource }),
  rule('ticket.reclassified', { category: valueSource }),
  rule('ticket.tagged', {
    tags: z.array(z.string().min(1)).min(1).optional().describe('default: the activity'),
  }),
  rule('ticket.prioritized', { priority: valueSource }),
  rule('ticket.resolved', { line: line.optional().describe('a fixed line instead of the group’s line') }),
  rule('ticket.reopened', {}),
  rule('ticket.closed', {}),
  rule('ticket.callback', { outcome: z.enum(['reached', 'no_answer']) }),
  rule('ignore', {}).describe('a known activity that is deliberately not imported'),
]);
export type ActivityRule = z.output<typeof ACTIVITY_RULES>;

export const eventLogMapping = z
  .strictObject({
    $schema: z.string().optional(),
    description: z.string().optional(),
    csv: csvOptions,
    ticket_prefix: ticketPrefix.describe('prepended to the case id to make the ticket id, e.g. "vinst-"'),
    columns: z.strictObject({
      case: column.describe('the case id: one case is one ticket'),
      activity: column,
      timestamp: column,
      status: column.optional().describe('sub-status or lifecycle transition, matched by rules’ `status`'),
      resource: column.optional().describe('the agent who did the activity (`by`, assignee)'),
      group: column.optional().describe('the support team (team_id; its line by `lines`)'),
    }),
    timestamp: timestampSpec,
    ticket: z
      .strictObject({
        channel: valueSource.optional().describe('phone|chat|email|social|web|other; default other'),
        priority: valueSource.optional().describe('low|normal|high|urgent'),
        category: valueSource.optional(),
        subject: valueSource.optional(),
        customer: valueSource.optional(),
      })
      .default({})
      .describe('ticket.created fields, taken from the case’s first row'),
    activities: z
      .array(ACTIVITY_RULES)
      .min(1)
      .describe('rules in order; the first that matches a row’s activity (and status) decides its event'),
    lines: linesSpec,
  })
  .describe('Firstline event-log import mapping (firstline import --format event-log --mapping <file>)');

export type EventLogMapping = z.output<typeof eventLogMapping>;

/** The JSON Schema shipped as examples/mappings/event-log.schema.json (a test keeps them in step). */
export const eventLogMappingJsonSchema = () => z.toJSONSchema(eventLogMapping, { io: 'input' });

/** Reads and checks a mapping file; every problem names its path in the file. */
export async function loadEventLogMapping(path: string): Promise<EventLogMapping> {
  return parseEventLogMapping(await readMappingJson(path), path);
}

export function parseEventLogMapping(raw: unknown, source = 'mapping'): EventLogMapping {
  const m = parseMapping(eventLogMapping, raw, source);
  for (const [i, rule] of m.activities.entries()) {
    if (rule.activity === undefined && rule.activity_pattern === undefined) {
      throw new MappingError(`${source}: activities.${i}: needs activity or activity_pattern`);
    }
    if (rule.event === 'ticket.prioritized')
      checkTargets(rule.priority, PRIORITIES, `activities.${i}.priority`, source);
  }
  checkTargets(m.ticket.channel, CHANNELS, 'ticket.channel', source);
  checkTargets(m.ticket.priority, PRIORITIES, 'ticket.priority', source);
  return m;
}
