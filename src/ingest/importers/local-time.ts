import { DateTime } from 'luxon';

/** A wall-clock reading (month 1–12). */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const HOUR = 3_600_000;

/**
 * Wall-clock readings in a zone → epoch ms, with Luxon's answers but without asking Luxon each time: a
 * zone's offset is looked up once per local hour (millions of rows fall in a few thousand hours) and
 * kept when it is the same at both ends of the hour; an hour holding a DST change is read by Luxon every
 * time. Returns null for a reading that is no date (31 April, 25:00).
 */
export function wallClockReader(zone: string): (w: WallClock) => number | null {
  const offsets = new Map<number, number | null>();
  const exact = (w: WallClock) => {
    const dt = DateTime.fromObject(w, { zone });
    return dt.isValid ? dt.toMillis() : null;
  };
  return (w) => {
    if (w.month < 1 || w.month > 12 || w.day < 1 || w.hour > 23 || w.minute > 59 || w.second > 59)
      return null;
    const local = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
    const check = new Date(local);
    if (check.getUTCDate() !== w.day || check.getUTCFullYear() !== w.year) return null;
    const hour = Math.floor(local / HOUR);
    let offset = offsets.get(hour);
    if (offset === undefined) {
      const start = { ...w, minute: 0, second: 0, millisecond: 0 };
      const end = { ...w, minute: 59, second: 59, millisecond: 999 };
      const a = exact(start);
      const b = exact(end);
      // the offset at both ends of the local hour: when they agree, every reading inside the hour has it
      const atStart = a === null ? null : hour * HOUR - a;
      const atEnd = b === null ? null : hour * HOUR + HOUR - 1 - b;
      offset = atStart !== null && atStart === atEnd ? atStart : null;
      if (offsets.size > 50_000) offsets.clear();
      offsets.set(hour, offset);
    }
    return offset === null ? exact(w) : local - offset;
  };
}

const TOKENS: Record<string, [string, keyof WallClock]> = {
  yyyy: ['(\\d{4})', 'year'],
  MM: ['(\\d{2})', 'month'],
  M: ['(\\d{1,2})', 'month'],
  dd: ['(\\d{2})', 'day'],
  d: ['(\\d{1,2})', 'day'],
  HH: ['(\\d{2})', 'hour'],
  H: ['(\\d{1,2})', 'hour'],
  mm: ['(\\d{2})', 'minute'],
  ss: ['(\\d{2})', 'second'],
  SSS: ['(\\d{3})', 'millisecond'],
};

/**
 * A Luxon format made of numeric date and time tokens (yyyy MM M dd d HH H mm ss SSS) and separators,
 * compiled to a regular expression; null for anything else (month names, offsets, quoted text), which
 * Luxon then reads itself.
 */
export function compileNumericFormat(format: string): ((value: string) => WallClock | null) | null {
  let source = '^';
  const fields: (keyof WallClock)[] = [];
  for (const [run] of format.matchAll(/([A-Za-z])\1*|[^A-Za-z]+/g)) {
    if (/^[A-Za-z]/.test(run)) {
      const token = TOKENS[run];
      if (!token) return null;
      source += token[0];
      fields.push(token[1]);
    } else if (run.includes("'")) return null;
    else source += run.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  if (!fields.includes('year') || !fields.includes('month') || !fields.includes('day')) return null;
  const re = new RegExp(`${source}$`);
  return (value) => {
    const m = re.exec(value);
    if (!m) return null;
    const w: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, millisecond: 0 };
    fields.forEach((f, i) => {
      w[f] = Number(m[i + 1]);
    });
    return w;
  };
}
