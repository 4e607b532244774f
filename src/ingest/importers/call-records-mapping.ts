import { z } from 'zod';
import { CHANNELS, timeZone } from '../../domain/primitives.js';
import {
  checkTargets,
  column,
  csvOptions,
  parseMapping,
  readMappingJson,
  timestampFormat,
  valueSource,
} from './mapping-parts.js';

/** An instant: one column, a date column with a time-of-day column, or a time of day on the arrival's date. */
const instantSource = z
  .union([
    column.describe('a column holding date and time (timestamp.format)'),
    z.strictObject({ date: column, time: column }).describe('a date column and a time-of-day column'),
    z
      .strictObject({ time: column })
      .describe('a time of day on the arrival’s date (the next day when earlier than the arrival)'),
  ])
  .optional();

export const OUTCOMES = ['answered', 'abandoned', 'self_served', 'ignored'] as const;
export type CallOutcome = (typeof OUTCOMES)[number];

const seconds = (what: string) =>
  column.optional().describe(`${what} in seconds: a number, or H:MM:SS / M:SS`);

export const callRecordsMapping = z
  .strictObject({
    $schema: z.string().optional(),
    description: z.string().optional(),
    csv: csvOptions,
    contact_prefix: z
      .string()
      .max(100)
      .default('')
      .describe('prepended to the call id to make the contact id, e.g. "pbx1-"'),
    timestamp: z
      .strictObject({
        format: timestampFormat.describe(
          'of columns holding date and time: iso | epoch_s | epoch_ms | Luxon',
        ),
        date_format: z.string().min(1).default('yyyy-MM-dd').describe('Luxon format of date columns'),
        time_format: z.string().min(1).default('HH:mm:ss').describe('Luxon format of time-of-day columns'),
        zone: timeZone.default('UTC').describe('IANA zone of local times'),
      })
      .default({ format: 'iso', date_format: 'yyyy-MM-dd', time_format: 'HH:mm:ss', zone: 'UTC' }),
    columns: z.strictObject({
      call_id: column.describe('the call’s id in the PBX: one row per call'),
      arrival: instantSource.unwrap().describe('when the call rang (contact.offered)'),
      queue_entry: instantSource.describe('when the caller asked for an agent (contact.queued)'),
      queue_exit: instantSource.describe('when the caller left the queue: answered or hung up'),
      answer: instantSource.describe('when an agent answered (contact.answered; default: queue exit)'),
      end: instantSource.describe('when the call ended (contact.ended)'),
      talk_s: seconds('talk time (default: end − answer − hold)'),
      hold_s: seconds('hold time'),
      wrap_s: seconds('after-call work'),
      agent: column.optional().describe('the agent who answered'),
      customer: column.optional().describe('the caller: a customer id or phone number'),
      queue: column.optional().describe('the queue or hunt group'),
      outcome: column.describe('the call’s result code, mapped by `outcomes`'),
    }),
    channel: valueSource.optional().describe('phone|chat|…; default phone'),
    outcomes: z
      .record(z.string(), z.enum(OUTCOMES))
      .refine((o) => Object.keys(o).length > 0, 'must map at least one code')
      .describe(
        'result code → answered | abandoned | self_served (ended in the IVR) | ignored (test, phantom)',
      ),
    other_outcomes: z
      .enum(OUTCOMES)
      .optional()
      .describe('the outcome of codes not listed; without it such a row is a bad row'),
  })
  .describe(
    'Firstline call-records import mapping (firstline import --format call-records --mapping <file>)',
  );

export type CallRecordsMapping = z.output<typeof callRecordsMapping>;
export type InstantSource = CallRecordsMapping['columns']['arrival'];

/** The JSON Schema shipped as examples/mappings/call-records.schema.json (a test keeps them in step). */
export const callRecordsMappingJsonSchema = () => z.toJSONSchema(callRecordsMapping, { io: 'input' });

export async function loadCallRecordsMapping(path: string): Promise<CallRecordsMapping> {
  return parseCallRecordsMapping(await readMappingJson(path), path);
}

export function parseCallRecordsMapping(raw: unknown, source = 'mapping'): CallRecordsMapping {
  const m = parseMapping(callRecordsMapping, raw, source);
  checkTargets(m.channel, CHANNELS, 'channel', source);
  return m;
}
