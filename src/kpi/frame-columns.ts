import type { Frame } from './frame.js';
import type { Thresholds } from './reducers.js';
import { type DurationTarget, thresholdsFor } from './targets.js';

/** The value of a column for item i of a frame (null where the database holds null). */
export function valueAt(frame: Frame, column: string): (i: number) => number | string | null {
  const c = frame.table.column(column);
  const rows = frame.rows;
  return (i) => c.get(rows[i]!);
}

/** A numeric column for item i: null where null. */
export function numberAt(frame: Frame, column: string): (i: number) => number | null {
  const c = frame.table.column(column);
  if (c.kind === 'text') throw new Error(`${column} is not numeric`);
  const rows = frame.rows;
  return (i) => c.get(rows[i]!);
}

/** A text column for item i as its dictionary code (-1 for null); the code of a value and the value of a code. */
export function codeAt(
  frame: Frame,
  column: string,
): { at: (i: number) => number; of: (v: string) => number; text: (code: number) => string } {
  const c = frame.table.column(column);
  if (c.kind !== 'text') throw new Error(`${column} is not text`);
  const rows = frame.rows;
  return { at: (i) => c.codes[rows[i]!]!, of: (v) => c.find(v), text: (code) => c.dict[code]! };
}

/**
 * The target thresholds of item i by its channel (and priority): looked up once per pair of dictionary
 * codes, not once per item.
 */
export function thresholdsAt(
  frame: Frame,
  policies: readonly DurationTarget[],
  priorityColumn: string | null = 'priority',
): (i: number) => Thresholds | null {
  const channel = frame.table.column('channel');
  const priority = priorityColumn ? frame.table.column(priorityColumn) : null;
  if (channel.kind !== 'text' || (priority && priority.kind !== 'text'))
    throw new Error('channel and priority are text columns');
  const seen = new Map<number, Thresholds | null>();
  const rows = frame.rows;
  return (i) => {
    const row = rows[i]!;
    const c = channel.codes[row]!;
    const p = priority ? priority.codes[row]! : -1;
    const key = c * 4096 + p;
    let found = seen.get(key);
    if (found === undefined) {
      found = thresholdsFor(policies, String(channel.get(row)), priority ? priority.get(row) : null);
      seen.set(key, found);
    }
    return found;
  };
}
