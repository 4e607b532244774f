// What a KPI's figures read as on screen, in either language. Pure, so the end-to-end test can check
// that a card shows exactly the API's number.
import type {
  CountFigure,
  Dimension,
  DurationFigure,
  DurationPolicy,
  Kind,
  KpiValue,
  RateFigure,
  RatePolicy,
} from '../api/types.js';
import {
  formatDuration,
  formatDurationChange,
  formatNumber,
  formatPercent,
  formatPoints,
  formatSigned,
  formatSignedPercent,
  type Lang,
} from './format.js';

/** Any figure (count, rate, duration; a total, a bucket or a group) seen through the fields the headline uses. */
type AnyFigure = CountFigure | RateFigure | DurationFigure;

function fields(f: AnyFigure): {
  value: number | null;
  with_target: number;
  within_target: number | null;
  mean_s: number | null;
} {
  const r = f as Partial<Record<'value' | 'with_target' | 'within_target' | 'mean_s', number | null>>;
  return {
    value: r.value ?? null,
    with_target: r.with_target ?? 0,
    within_target: r.within_target ?? null,
    mean_s: r.mean_s ?? null,
  };
}

/** The headline of a figure, as the API computes it: share within target for durations with targets. */
export function figureHeadline(kind: Kind, f: AnyFigure): number | null {
  const x = fields(f);
  if (kind === 'duration') return x.with_target > 0 ? x.within_target : x.mean_s;
  return x.value;
}

/** Whether the headline of this KPI is a share (0..1) rather than a count or a duration. */
export function headlineIsShare(kind: Kind, f: AnyFigure): boolean {
  return kind === 'rate' || (kind === 'duration' && fields(f).with_target > 0);
}

export function formatHeadlineOf(kind: Kind, f: AnyFigure, value: number | null, lang: Lang): string {
  if (headlineIsShare(kind, f)) return formatPercent(value, lang);
  if (kind === 'duration') return formatDuration(value, lang);
  return formatNumber(value, lang);
}

/** The big number of a card. */
export function headlineText(kpi: KpiValue, lang: Lang): string {
  return formatHeadlineOf(kpi.kind, kpi, kpi.headline, lang);
}

/** The change against the previous period: percentage points for shares, units otherwise. */
export function trendChangeText(kpi: KpiValue, lang: Lang): string | null {
  const { change, previous } = kpi.trend;
  if (change === null) return null;
  if (headlineIsShare(kpi.kind, kpi)) return formatPoints(change, lang);
  if (kpi.kind === 'duration') return formatDurationChange(change, lang);
  const pct = previous ? ` (${formatSignedPercent(change / previous, lang)})` : '';
  return `${formatSigned(change, lang)}${pct}`;
}

export type Thresholds = readonly [excellent: number, good: number, satisfactory: number];

const CHANNELS = ['phone', 'chat', 'email', 'social', 'web', 'other'];
const PRIORITIES = ['low', 'normal', 'high', 'urgent'];

/** The server's rule: the most specific policy (channel and priority, then channel, then priority). */
export function thresholdsFor(list: readonly DurationPolicy[], channel: string, priority: string) {
  let best: DurationPolicy | undefined;
  let bestScore = -1;
  for (const t of list) {
    if (t.channel !== '*' && t.channel !== channel) continue;
    if (t.priority !== '*' && t.priority !== priority) continue;
    const score = (t.channel !== '*' ? 2 : 0) + (t.priority !== '*' ? 1 : 0);
    if (score > bestScore) {
      best = t;
      bestScore = score;
    }
  }
  return best ? ([best.excellent_s, best.good_s, best.satisfactory_s] as Thresholds) : null;
}

/**
 * The one duration target every item of the cut is held to, or null when items of the cut may have
 * different targets (then a single target line or tier bands would mislead).
 */
export function commonThresholds(
  list: readonly DurationPolicy[] | null,
  filters: Partial<Record<Dimension, string[]>>,
): Thresholds | null {
  if (!list?.length) return null;
  const channels = filters.channel?.length ? filters.channel : CHANNELS;
  const priorities = filters.priority?.length ? filters.priority : PRIORITIES;
  const seen = new Map<string, Thresholds>();
  for (const c of channels)
    for (const p of priorities) {
      const t = thresholdsFor(list, c, p);
      if (t) seen.set(t.join(','), t);
    }
  return seen.size === 1 ? [...seen.values()][0]! : null;
}

/** "≥ 65%" for a rate (its good tier), "≤ 1 h" for a duration with one target; null otherwise. */
export function targetValueText(
  kpi: KpiValue,
  filters: Partial<Record<Dimension, string[]>>,
  lang: Lang,
): { op: 'atLeast' | 'atMost'; value: string } | null {
  if (kpi.kind === 'rate' && kpi.target) {
    const t: RatePolicy = kpi.target;
    return { op: t.direction === 'higher' ? 'atLeast' : 'atMost', value: formatPercent(t.good, lang) };
  }
  if (kpi.kind === 'duration') {
    const t = commonThresholds(kpi.target, filters);
    return t ? { op: 'atMost', value: formatDuration(t[1], lang) } : null;
  }
  return null;
}
