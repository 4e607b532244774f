import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { CHANNELS, line, PRIORITIES, timeZone } from '../../domain/primitives.js';
import { isUsableFormat } from './timestamps.js';
import { MappingError } from './types.js';

const column = z.string().min(1).describe('a column name of the file’s header row');
const regex = z
  .string()
  .min(1)
  .refine((p) => {
    try {
      new RegExp(p);
      return true;
    } catch {
      return false;
    }
  }, 'must be a valid regular expression')
  .describe('a JavaScript regular expression, matched anywhere in the value');
const oneOrMany = z.union([z.string(), z.array(z.string()).min(1)]);

/** A value taken from a constant, or from a column (optionally translated through `values`). */
const valueSource = z.union([
  z.strictObject({ constant: z.string().min(1) }),
  z.strictObject({
    column,
    values: z
      .record(z.string(), z.string())
      .optional()
      .describe('source value → imported value; values not listed are kept as they are'),
    default: z.string().optional().describe('when the cell is empty'),
  }),
]);

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
    csv: z
      .strictObject({
        delimiter: z.string().length(1).default(','),
        quote: z.string().length(1).default('"'),
      })
      .default({ delimiter: ',', quote: '"' }),
    ticket_prefix: z
      .string()
      .max(100)
      .default('')
      .describe('prepended to the case id to make the ticket id, e.g. "vinst-"'),
    columns: z.strictObject({
      case: column.describe('the case id: one case is one ticket'),
      activity: column,
      timestamp: column,
      status: column.optional().describe('sub-status or lifecycle transition, matched by rules’ `status`'),
      resource: column.optional().describe('the agent who did the activity (`by`, assignee)'),
      group: column.optional().describe('the support team (team_id; its line by `lines`)'),
    }),
    timestamp: z
      .strictObject({
        format: z
          .string()
          .default('iso')
          .refine(isUsableFormat, 'must be iso, epoch_s, epoch_ms or a Luxon format such as dd/MM/yyyy HH:mm')
          .describe('iso | epoch_s | epoch_ms | a Luxon format (tokens: yyyy MM dd HH mm ss)'),
        zone: timeZone.default('UTC').describe('IANA zone for timestamps without an offset'),
      })
      .default({ format: 'iso', zone: 'UTC' }),
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
    lines: z
      .strictObject({
        rules: z
          .array(
            z.strictObject({
              pattern: regex,
              flags: z
                .string()
                .regex(/^[imsu]*$/, 'flags: only i, m, s and u')
                .optional(),
              line,
            }),
          )
          .default([]),
        default: line.optional().describe('the line of a group no rule matches; unknown when absent'),
      })
      .optional()
      .describe('group name → line, first matching rule wins (e.g. "2nd" → 2)'),
  })
  .describe('Firstline event-log import mapping (firstline import --format event-log --mapping <file>)');

export type EventLogMapping = z.output<typeof eventLogMapping>;

/** The JSON Schema shipped as examples/mappings/event-log.schema.json (a test keeps them in step). */
export const eventLogMappingJsonSchema = () => z.toJSONSchema(eventLogMapping, { io: 'input' });

/** Reads and checks a mapping file; every problem names its path in the file. */
export async function loadEventLogMapping(path: string): Promise<EventLogMapping> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new MappingError(`mapping ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return parseEventLogMapping(raw, path);
}

export function parseEventLogMapping(raw: unknown, source = 'mapping'): EventLogMapping {
  const r = eventLogMapping.safeParse(raw);
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${i.path.map(String).join('.') || '(mapping)'}: ${i.message}`);
    throw new MappingError(`${source}: ${issues.join('; ')}`);
  }
  for (const [i, rule] of r.data.activities.entries()) {
    if (rule.activity === undefined && rule.activity_pattern === undefined) {
      throw new MappingError(`${source}: activities.${i}: needs activity or activity_pattern`);
    }
    if (rule.event === 'ticket.prioritized')
      checkTargets(rule.priority, PRIORITIES, `activities.${i}.priority`, source);
  }
  checkTargets(r.data.ticket.channel, CHANNELS, 'ticket.channel', source);
  checkTargets(r.data.ticket.priority, PRIORITIES, 'ticket.priority', source);
  return r.data;
}

/** A constant or a `values` target outside the event's enum is a mapping error, found before any row. */
function checkTargets(
  spec: z.output<typeof valueSource> | undefined,
  allowed: readonly string[],
  path: string,
  source: string,
) {
  if (!spec) return;
  const targets =
    'constant' in spec ? [spec.constant] : [...Object.values(spec.values ?? {}), spec.default ?? allowed[0]!];
  const wrong = targets.find((t) => !allowed.includes(t));
  if (wrong !== undefined) {
    throw new MappingError(
      `${source}: ${path}: ${JSON.stringify(wrong)} is not one of ${allowed.join(', ')}`,
    );
  }
}
