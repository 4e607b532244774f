import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { line, timeZone } from '../../domain/primitives.js';
import { isUsableFormat } from './timestamps.js';
import { MappingError } from './types.js';

/** Pieces every CSV mapping shares (event-log, tickets-csv, call-records), so they read and document alike. */

export const column = z.string().min(1).describe('a column name of the file’s header row');

export const regex = z
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

/** A value taken from a constant, or from a column (optionally translated through `values`). */
export const valueSource = z.union([
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
export type ValueSource = z.output<typeof valueSource>;

export const csvOptions = z
  .strictObject({
    delimiter: z.string().length(1).default(','),
    quote: z.string().length(1).default('"'),
  })
  .default({ delimiter: ',', quote: '"' });

export const timestampFormat = z
  .string()
  .default('iso')
  .refine(isUsableFormat, 'must be iso, epoch_s, epoch_ms or a Luxon format such as dd/MM/yyyy HH:mm')
  .describe('iso | epoch_s | epoch_ms | a Luxon format (tokens: yyyy MM dd HH mm ss)');

export const timestampSpec = z
  .strictObject({
    format: timestampFormat,
    zone: timeZone.default('UTC').describe('IANA zone for timestamps without an offset'),
  })
  .default({ format: 'iso', zone: 'UTC' });

export const ticketPrefix = z
  .string()
  .max(100)
  .default('')
  .describe('prepended to the source id to make the Firstline id, e.g. "vinst-"');

export const linesSpec = z
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
  .describe('group name → line, first matching rule wins (e.g. "2nd" → 2)');

/** Reads a mapping file's JSON; a missing file or bad JSON is a mapping error. */
export async function readMappingJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new MappingError(`mapping ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Parses a mapping against its schema; every problem names its path in the file. */
export function parseMapping<S extends z.ZodType>(schema: S, raw: unknown, source: string): z.output<S> {
  const r = schema.safeParse(raw);
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${i.path.map(String).join('.') || '(mapping)'}: ${i.message}`);
    throw new MappingError(`${source}: ${issues.join('; ')}`);
  }
  return r.data;
}

/** A constant or a `values` target outside the event's enum is a mapping error, found before any row. */
export function checkTargets(
  spec: ValueSource | undefined,
  allowed: readonly string[],
  path: string,
  source: string,
): void {
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
