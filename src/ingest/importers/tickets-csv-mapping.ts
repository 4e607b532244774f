import { z } from 'zod';
import { CHANNELS, PRIORITIES } from '../../domain/primitives.js';
import {
  checkTargets,
  column,
  csvOptions,
  linesSpec,
  parseMapping,
  readMappingJson,
  ticketPrefix,
  timestampSpec,
  valueSource,
} from './mapping-parts.js';
import { MappingError } from './types.js';

const milestone = (what: string) => column.optional().describe(`the instant ${what}; empty while pending`);

export const ticketsCsvMapping = z
  .strictObject({
    $schema: z.string().optional(),
    description: z.string().optional(),
    csv: csvOptions,
    ticket_prefix: ticketPrefix,
    timestamp: timestampSpec,
    columns: z.strictObject({
      id: column.describe('the ticket id (one row per ticket)'),
      created: column.describe('when the ticket was created'),
      first_reply: milestone('of the first public agent reply (ticket.replied, kind comment)'),
      assigned: milestone('of the first assignment (ticket.assigned to agent and team)'),
      resolved: milestone('of the (first) resolution (ticket.resolved by the agent)'),
      closed: milestone('the ticket was closed'),
      rated: milestone('the rating was given; default: resolved, else closed'),
      agent: column.optional().describe('the agent (assignee, replier, resolver)'),
      team: column.optional().describe('the team (team_id; its line by `lines`)'),
    }),
    ticket: z
      .strictObject({
        channel: valueSource.optional().describe('phone|chat|email|social|web|other; default other'),
        priority: valueSource.optional().describe('low|normal|high|urgent'),
        category: valueSource.optional().describe('counts as the first classification (SPEC §3)'),
        subject: valueSource.optional(),
        customer: valueSource.optional(),
        tags: z
          .strictObject({
            column,
            separator: z.string().min(1).default(',').describe('between tags in the cell'),
          })
          .optional(),
      })
      .default({})
      .describe('ticket.created fields'),
    rating: z
      .strictObject({
        column,
        values: z
          .record(z.string(), z.union([z.number().int().min(1).max(5), z.null()]))
          .optional()
          .describe(
            'cell → score 1..5, or null for "no rating" (e.g. "offered"); digits 1..5 read as they are',
          ),
        via: z.enum(['link', 'callback', 'portal']).default('link'),
      })
      .optional()
      .describe('a CSAT score per ticket (ticket.rated)'),
    lines: linesSpec,
  })
  .describe('Firstline tickets-csv import mapping (firstline import --format tickets-csv --mapping <file>)');

export type TicketsCsvMapping = z.output<typeof ticketsCsvMapping>;

/** The JSON Schema shipped as examples/mappings/tickets-csv.schema.json (a test keeps them in step). */
export const ticketsCsvMappingJsonSchema = () => z.toJSONSchema(ticketsCsvMapping, { io: 'input' });

export async function loadTicketsCsvMapping(path: string): Promise<TicketsCsvMapping> {
  return parseTicketsCsvMapping(await readMappingJson(path), path);
}

export function parseTicketsCsvMapping(raw: unknown, source = 'mapping'): TicketsCsvMapping {
  const m = parseMapping(ticketsCsvMapping, raw, source);
  checkTargets(m.ticket.channel, CHANNELS, 'ticket.channel', source);
  checkTargets(m.ticket.priority, PRIORITIES, 'ticket.priority', source);
  if (m.columns.rated && !m.rating) {
    throw new MappingError(`${source}: columns.rated: needs "rating" (the column holding the score)`);
  }
  return m;
}
