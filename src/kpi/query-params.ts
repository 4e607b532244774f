import { z } from 'zod';
import { BUCKET_UNITS, bucketStart, nextBucketStart } from '../time/buckets.js';
import { startOfLocalDate } from '../time/local-date.js';
import { DEFAULT_PARAMS, DIMENSIONS, type Dimension, KPI_IDS, type KpiId, type KpiQuery } from './types.js';

const list = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .optional();

/** "7d", "36h", "90m", "600s" or plain seconds. */
export const durationString = z
  .string()
  .regex(/^\d+(\.\d+)?[smhd]?$/, 'must be seconds or a number with s, m, h or d, e.g. 7d')
  .transform((s) => {
    const unit = s.at(-1)!;
    const mult = unit === 'd' ? 86_400 : unit === 'h' ? 3_600 : unit === 'm' ? 60 : 1;
    return Number.parseFloat(/[smhd]$/.test(s) ? s.slice(0, -1) : s) * mult;
  });

const whenString = z
  .string()
  .refine(
    (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) || !Number.isNaN(Date.parse(s)),
    'must be a date YYYY-MM-DD or an ISO-8601 instant',
  );

/** The parameters of a KPI cut as the CLI and the API take them (strings in, a checked KpiQuery out). */
export const kpiQueryParams = z.strictObject({
  from: whenString.optional(),
  to: whenString.optional(),
  bucket: z.enum(BUCKET_UNITS).optional(),
  by: z.enum(DIMENSIONS).optional(),
  time: z.enum(['calendar', 'business']).default('calendar'),
  kpis: list.pipe(z.array(z.enum(KPI_IDS)).optional()),
  reopen_window: durationString.optional(),
  short_abandon_s: z.coerce.number().nonnegative().optional(),
  ...(Object.fromEntries(DIMENSIONS.map((d) => [d, list])) as Record<Dimension, typeof list>),
});
export type KpiQueryParams = z.input<typeof kpiQueryParams>;

export class QueryError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

/**
 * Resolves the period: dates are whole local days in the organisation's zone (`to` inclusive), instants
 * are taken as they are; the default is the last 30 days up to the end of today.
 */
export function toKpiQuery(
  raw: z.output<typeof kpiQueryParams>,
  timeZone: string,
  now: number,
): { query: KpiQuery; kpis: KpiId[] } {
  const endOfToday = nextBucketStart(bucketStart(now, 'day', timeZone), 'day', timeZone);
  const to = raw.to
    ? /^\d{4}-\d{2}-\d{2}$/.test(raw.to)
      ? nextBucketStart(startOfLocalDate(raw.to, timeZone), 'day', timeZone)
      : Date.parse(raw.to)
    : endOfToday;
  const from = raw.from
    ? /^\d{4}-\d{2}-\d{2}$/.test(raw.from)
      ? startOfLocalDate(raw.from, timeZone)
      : Date.parse(raw.from)
    : to - 30 * 86_400_000;
  if (!(from < to)) throw new QueryError('from', 'must be before to');
  if (raw.bucket === 'hour' && to - from > 400 * 86_400_000)
    throw new QueryError('bucket', 'hour buckets cover at most 400 days');
  const filters: KpiQuery['filters'] = {};
  for (const d of DIMENSIONS) if (raw[d]?.length) filters[d] = raw[d];
  if (filters.line?.some((l) => !['1', '2', '3'].includes(l)))
    throw new QueryError('line', 'must be 1, 2 or 3');
  return {
    kpis: raw.kpis?.length ? raw.kpis : [...KPI_IDS],
    query: {
      from,
      to,
      bucket: raw.bucket ?? null,
      by: raw.by ?? null,
      filters,
      time: raw.time,
      params: {
        reopen_window_s: raw.reopen_window ?? DEFAULT_PARAMS.reopen_window_s,
        short_abandon_s: raw.short_abandon_s ?? DEFAULT_PARAMS.short_abandon_s,
      },
      timeZone,
      now,
    },
  };
}
