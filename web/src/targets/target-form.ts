// The targets editor's model: what is typed (strings), checked field by field with messages that name the
// field, and turned into the API's settings only when everything reads. Pure, tested without a browser.
import {
  DURATION_TARGET_KPIS,
  type DurationTargetKpi,
  RATE_TARGET_KPIS,
  type RateTargetKpi,
  type TargetSettings,
} from '../api/insights.js';
import type { DurationPolicy, RatePolicy } from '../api/types.js';
import { formatDurationExact, parseDurationInput } from '../format/duration-input.js';
import type { Lang } from '../format/format.js';

export const LEVELS = ['excellent', 'good', 'satisfactory'] as const;
export type Level = (typeof LEVELS)[number];

export interface PolicyDraft extends Record<Level, string> {
  /** a stable key for the row while it is edited */
  id: string;
  channel: string;
  priority: string;
}
export interface RateDraft extends Record<Level, string> {
  direction: 'higher' | 'lower';
}
export interface TargetsDraft {
  durations: Record<DurationTargetKpi, PolicyDraft[]>;
  rates: Record<RateTargetKpi, RateDraft>;
}

/** A problem with one field (or one row): where, what, and the values the message needs. */
export interface FieldError {
  path: string;
  code: 'empty' | 'unit' | 'format' | 'positive' | 'order' | 'duplicate' | 'percent' | 'rateOrder';
}

let rowIds = 0;
export const newRowId = () => `row-${++rowIds}`;

const percentText = (share: number, lang: Lang) =>
  new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', {
    maximumFractionDigits: 4,
    useGrouping: false,
  }).format(share * 100);

export function draftOf(s: TargetSettings, lang: Lang): TargetsDraft {
  const durations = Object.fromEntries(
    DURATION_TARGET_KPIS.map((k) => [
      k,
      (s.durations[k] ?? []).map((p) => ({
        id: newRowId(),
        channel: p.channel,
        priority: p.priority,
        excellent: formatDurationExact(p.excellent_s, lang),
        good: formatDurationExact(p.good_s, lang),
        satisfactory: formatDurationExact(p.satisfactory_s, lang),
      })),
    ]),
  ) as TargetsDraft['durations'];
  const rates = Object.fromEntries(
    RATE_TARGET_KPIS.map((k) => {
      const r = s.rates[k];
      return [
        k,
        {
          direction: r.direction,
          excellent: percentText(r.excellent, lang),
          good: percentText(r.good, lang),
          satisfactory: percentText(r.satisfactory, lang),
        },
      ];
    }),
  ) as TargetsDraft['rates'];
  return { durations, rates };
}

/** "65", "65 %", "65,5" → 0.655; null when it is not a percentage from 0 to 100. */
export function parsePercent(text: string): number | null {
  const s = text.trim().replace(/\s*%$/, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  const v = Number(s);
  return v >= 0 && v <= 100 ? Math.round(v * 10_000) / 1_000_000 : null;
}

/** Checks every field; the settings to save when there is no error. */
export function checkDraft(d: TargetsDraft): { settings: TargetSettings | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const durations = {} as Record<DurationTargetKpi, DurationPolicy[]>;
  for (const kpi of DURATION_TARGET_KPIS) {
    const seen = new Set<string>();
    durations[kpi] = d.durations[kpi].map((row, i) => {
      const at = `durations.${kpi}.${i}`;
      const secs = LEVELS.map((level) => {
        const read = parseDurationInput(row[level]);
        if ('error' in read) errors.push({ path: `${at}.${level}`, code: read.error });
        else if (read.seconds <= 0) errors.push({ path: `${at}.${level}`, code: 'positive' });
        else return read.seconds;
        return null;
      });
      const [e, g, s] = secs;
      if (e != null && g != null && s != null && !(e <= g && g <= s))
        errors.push({ path: at, code: 'order' });
      const key = `${row.channel}/${row.priority}`;
      if (seen.has(key)) errors.push({ path: at, code: 'duplicate' });
      seen.add(key);
      return {
        channel: row.channel,
        priority: row.priority,
        excellent_s: e ?? 0,
        good_s: g ?? 0,
        satisfactory_s: s ?? 0,
      };
    });
  }
  const rates = {} as Record<RateTargetKpi, RatePolicy>;
  for (const kpi of RATE_TARGET_KPIS) {
    const r = d.rates[kpi];
    const [e, g, s] = LEVELS.map((level) => {
      const v = parsePercent(r[level]);
      if (v === null) errors.push({ path: `rates.${kpi}.${level}`, code: 'percent' });
      return v;
    });
    const ordered = r.direction === 'higher' ? e! >= g! && g! >= s! : e! <= g! && g! <= s!;
    if (e != null && g != null && s != null && !ordered)
      errors.push({ path: `rates.${kpi}`, code: 'rateOrder' });
    rates[kpi] = { direction: r.direction, excellent: e ?? 0, good: g ?? 0, satisfactory: s ?? 0 };
  }
  return { settings: errors.length ? null : { durations, rates }, errors };
}
