import { z } from 'zod';
import { CHANNELS } from '../domain/primitives.js';

// Parameter parts shared by the staffing, forecast and alert parameters (CLI options and API queries).

export const whenString = z
  .string()
  .refine(
    (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) || !Number.isNaN(Date.parse(s)),
    'must be a date YYYY-MM-DD or an ISO-8601 instant',
  );

/** "a,b,c" → ['a', 'b', 'c'], each one of `values`. */
export function commaList<T extends string>(values: readonly [T, ...T[]]) {
  return z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)));
}

export const channelList = commaList(CHANNELS);
