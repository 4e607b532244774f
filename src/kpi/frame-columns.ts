import type { Frame } from './frame.js';
import type { Thresholds } from './reducers.js';
import { type DurationTarget, thresholdsFor } from './targets.js';

/**
 * A numeric column for item i: null where null (one closure per column kind, so each stays monomorphic).
 * The arrays (the column's and the frame's) are looked up on each call: both grow as blocks are read.
 */
export function numberAt(frame: Frame, column: string): (i: number) => number | null {
  const c = frame.table.column(column);
  if (c.kind === 'number') {
    return (i) => {
      const v = c.values[frame.rows[i]!]!;
      return Number.isNaN(v) ? null : v;
    };
  }
  if (c.kind === 'int') {
    return (i) => {
      const v = c.values[frame.rows[i]!]!;
      return v === c.nil ? null : v;
    };
  }
  throw new Error(`${column} is not numeric`);
}

/** A text column for item i as its dictionary code (-1 for null); the code of a value and the value of a code. */
export function codeAt(
  frame: Frame,
  column: string,
): { at: (i: number) => number; of: (v: string) => number; text: (code: number) => string } {
  const c = frame.table.column(column);
  if (c.kind !== 'text') throw new Error(`${column} is not text`);
  return { at: (i) => c.codes[frame.rows[i]!]!, of: (v) => c.find(v), text: (code) => c.dict[code]! };
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
  // answers by (channel code + 1) × stride + (priority code + 1); codes are -1 for null
  const stride = (priority ? priority.dict.length : 0) + 1;
  const seen: (Thresholds | null | undefined)[] = [];
  return (i) => {
    const row = frame.rows[i]!;
    const p = priority ? priority.codes[row]! + 1 : 0;
    // a priority first met after the lookup was made (the table grew) is looked up directly
    if (p >= stride) return thresholdsFor(policies, String(channel.get(row)), priority!.get(row));
    const key = (channel.codes[row]! + 1) * stride + p;
    let found = seen[key];
    if (found === undefined) {
      found = thresholdsFor(policies, String(channel.get(row)), priority ? priority.get(row) : null);
      seen[key] = found;
    }
    return found;
  };
}
