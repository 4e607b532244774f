import { DateTime } from 'luxon';
import { compileNumericFormat, type WallClock, wallClockReader } from './local-time.js';

/**
 * `iso`: ISO-8601 date-times, `T` or a space between date and time, with or without an offset (`Z`, `+02:00`,
 * `+0200`); without one the value is read in the mapping's zone. `epoch_s` / `epoch_ms`: Unix time.
 * Anything else is a Luxon format (`dd/MM/yyyy HH:mm:ss`), read in the zone unless it carries an offset.
 */
export type TimestampFormat = 'iso' | 'epoch_s' | 'epoch_ms' | (string & {});

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

function offsetMinutes(offset: string): number {
  if (offset === 'Z' || offset === 'z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0));
}

function parseIso(value: string, toMs: (w: WallClock) => number | null): number | null {
  const m = ISO.exec(value);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', off] = m;
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  const parts = { year: +y!, month: +mo!, day: +d!, hour: +h, minute: +mi, second: +s, millisecond: ms };
  if (parts.month < 1 || parts.month > 12 || parts.day < 1 || parts.day > 31) return null;
  if (parts.hour > 23 || parts.minute > 59 || parts.second > 59) return null;
  if (off !== undefined) {
    const utc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second, ms);
    const check = new Date(utc);
    if (check.getUTCDate() !== parts.day && parts.hour < 24) return null; // 2024-02-30
    return utc - offsetMinutes(off) * 60_000;
  }
  return toMs(parts);
}

/** Compiles a reader for one column's timestamps; it returns epoch milliseconds or null when unreadable. */
export function timestampReader(format: TimestampFormat, zone: string): (value: string) => number | null {
  if (format === 'iso') {
    const toMs = wallClockReader(zone);
    return (v) => parseIso(v.trim(), toMs);
  }
  if (format === 'epoch_s' || format === 'epoch_ms') {
    const scale = format === 'epoch_s' ? 1000 : 1;
    return (v) => {
      const t = v.trim();
      if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
      return Math.round(Number(t) * scale);
    };
  }
  const numeric = compileNumericFormat(format);
  if (numeric) {
    const toMs = wallClockReader(zone);
    return (v) => {
      const w = numeric(v.trim());
      return w === null ? null : toMs(w);
    };
  }
  return (v) => {
    const dt = DateTime.fromFormat(v.trim(), format, { zone, setZone: true });
    return dt.isValid ? dt.toMillis() : null;
  };
}

/** Checks a Luxon format once, so a mapping with a broken format fails before any row. */
export function isUsableFormat(format: string): boolean {
  if (format === 'iso' || format === 'epoch_s' || format === 'epoch_ms') return true;
  return /[yLMdHhmsSaZz]/.test(format);
}
