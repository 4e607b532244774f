import { z } from 'zod';
import { startOfLocalDate } from '../../time/local-date.js';
import { commaList, whenString } from '../decision-params.js';
import { ALERT_KINDS } from './evaluate.js';

const kinds = commaList(ALERT_KINDS);

/** Listing stored alerts (CLI and API): buckets starting in [from, to), `to` a day taken whole. */
export const alertListParams = z.strictObject({
  from: whenString.optional(),
  to: whenString.optional(),
  kind: kinds.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Running the rules now: whole buckets in [from, to) (default the last three days up to now). */
export const alertCheckParams = z.strictObject({
  from: whenString.optional(),
  to: whenString.optional(),
  kind: kinds.optional(),
});

/** A date is a whole local day (as the start, or — for `to` — up to its end); an instant is itself. */
export function instantOf(value: string, timeZone: string, end: boolean): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return Date.parse(value);
  const start = startOfLocalDate(value, timeZone);
  if (!end) return start;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  return startOfLocalDate(next, timeZone);
}
