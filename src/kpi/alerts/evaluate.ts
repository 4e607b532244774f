import { createHash } from 'node:crypto';
import type { Store } from '../../store/store.js';
import { type BucketUnit, bucketRanges, bucketStart, formatBucketLabel } from '../../time/buckets.js';
import { isoWeekdayIndex, MS_PER_DAY } from '../../time/civil.js';
import { getTimeZone, localDayOf } from '../../time/zone.js';
import { slotAt } from '../staffing/week-slots.js';
import type { TargetSettings } from '../targets.js';
import { checkSpikes, DAILY_RULE, HOURLY_RULE, type SpikeRule, trailingSeasonalScale } from './detector.js';
import { type CountedEvent, escalations, firstResponseBreaches, liveAbandons } from './sources.js';

export const ALERT_KINDS = ['escalation_spike', 'sla_breach', 'abandonment'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface Alert {
  /** stable for the same kind, scope and bucket, so evaluating again never duplicates an alert */
  id: string;
  kind: AlertKind;
  bucket: 'day' | 'hour';
  bucket_start: number;
  bucket_label: string;
  dimension: 'category' | 'channel' | null;
  value: string | null;
  observed: number;
  expected: number;
  ratio: number | null;
  p_value: number;
  dispersion: number;
  /** for a rate (breaches, abandons): the events it is a share of */
  exposure: number | null;
  message: string;
}

export interface AlertOptions {
  /** judge the whole buckets in [from, to); the baselines learn from the weeks before */
  from: number;
  to: number;
  timeZone: string;
  targets: TargetSettings;
  shortAbandonS?: number;
  kinds?: readonly AlertKind[];
  hourly?: boolean;
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

interface Series {
  dimension: Alert['dimension'];
  value: string | null;
  counts: number[];
  exposure: number[] | null;
}

/** Counts per bucket, overall and per scope value (hits; and all events as the exposure of a rate). */
function bucketSeries(
  events: readonly CountedEvent[],
  starts: readonly number[],
  dimension: Alert['dimension'],
  rate: boolean,
): Series[] {
  const index = (at: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    if (at < starts[0]!) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const make = (value: string | null): Series => ({
    dimension: value === null ? null : dimension,
    value,
    counts: new Array<number>(starts.length).fill(0),
    exposure: rate ? new Array<number>(starts.length).fill(0) : null,
  });
  const all = make(null);
  const byScope = new Map<string, Series>();
  for (const e of events) {
    const i = index(e.at);
    if (i < 0) continue;
    const targets = [all];
    if (e.scope !== null) {
      if (!byScope.has(e.scope)) byScope.set(e.scope, make(e.scope));
      targets.push(byScope.get(e.scope)!);
    }
    for (const s of targets) {
      s.counts[i]! += e.hit;
      if (s.exposure) s.exposure[i]!++;
    }
  }
  return [all, ...[...byScope.values()].sort((a, b) => String(a.value).localeCompare(String(b.value)))];
}

function describe(
  kind: AlertKind,
  s: Series,
  label: string,
  unit: BucketUnit,
  observed: number,
  expected: number,
  exposure: number | null,
  p: number,
): string {
  const when = unit === 'hour' ? `in the hour from ${label}` : `on ${label}`;
  const odds = `about ${round(expected, 1)} expected (×${expected > 0 ? round(observed / expected, 1) : '∞'}; p = ${p.toExponential(1)})`;
  if (kind === 'escalation_spike')
    return `Escalations${s.value === null ? '' : ` in '${s.value}'`} ${when}: ${observed}, ${odds}`;
  const of = exposure === null ? '' : ` of ${exposure}`;
  if (kind === 'sla_breach')
    return `First responses over target${s.value === null ? '' : ` (${s.value})`} ${when}: ${observed}${of}, ${odds}`;
  return `Abandoned ${s.value ?? 'live'} contacts ${when}: ${observed}${of}, ${odds}`;
}

/**
 * The history begins with the first bucket holding anything; as that one is seldom whole, the baselines
 * start with the next (−1: no data), and a bucket is judged once a whole window lies behind it.
 */
function dataStart(all: Series): number {
  const first = (all.exposure ?? all.counts).findIndex((v) => v > 0);
  return first < 0 ? -1 : first + 1;
}

function judge(
  kind: AlertKind,
  series: Series[],
  unit: BucketUnit,
  starts: number[],
  scale: number[] | null,
  rule: SpikeRule,
  from: number,
  tz: string,
): Alert[] {
  const out: Alert[] = [];
  const start = dataStart(series[0]!);
  if (start < 0) return out;
  for (const s of series) {
    const checks = checkSpikes(s.counts, s.exposure ?? scale!, rule, start + rule.window);
    for (const c of checks) {
      if (!c.alert || starts[c.index]! < from) continue;
      const label = formatBucketLabel(starts[c.index]!, unit, tz);
      const exposure = s.exposure ? s.exposure[c.index]! : null;
      const key = `${kind}|${unit}|${s.dimension ?? ''}|${s.value ?? ''}|${starts[c.index]}`;
      out.push({
        id: createHash('sha256').update(key).digest('hex').slice(0, 24),
        kind,
        bucket: unit === 'hour' ? 'hour' : 'day',
        bucket_start: starts[c.index]!,
        bucket_label: label,
        dimension: s.dimension,
        value: s.value,
        observed: c.observed,
        expected: round(c.expected, 3),
        ratio: c.ratio === null ? null : round(c.ratio, 3),
        p_value: c.p_value,
        dispersion: round(c.dispersion, 3),
        exposure,
        message: describe(kind, s, label, unit, c.observed, c.expected, exposure, c.p_value),
      });
    }
  }
  return out;
}

/**
 * Alerts of the whole buckets in [from, to): daily (and hourly) escalations overall and per category
 * against their trailing weekday- (hour-of-week-) aware baseline; daily first-response breaches and
 * abandons, overall and per channel, against their trailing rate times the day's exposure.
 */
export async function evaluateAlerts(store: Store, o: AlertOptions): Promise<Alert[]> {
  const kinds = new Set(o.kinds ?? ALERT_KINDS);
  const tz = o.timeZone;
  const out: Alert[] = [];
  for (const unit of ['day', 'hour'] as const) {
    if (unit === 'hour' && o.hourly === false) continue;
    const rule = unit === 'day' ? DAILY_RULE : HOURLY_RULE;
    const to = bucketStart(o.to, unit, tz);
    const historyFrom = bucketStart(o.from - 2 * 28 * MS_PER_DAY, unit, tz);
    if (!(to > o.from)) continue;
    const starts = bucketRanges(historyFrom, to, unit, tz).map((b) => b.start);
    const phases = starts.map((s) =>
      unit === 'day' ? isoWeekdayIndex(localDayOf(s, getTimeZone(tz))) : slotAt(s, tz),
    );
    if (kinds.has('escalation_spike')) {
      const series = bucketSeries(await escalations(store, historyFrom, to), starts, 'category', false);
      const scale = trailingSeasonalScale(
        series[0]!.counts,
        phases,
        unit === 'day' ? 7 : 168,
        rule.window,
        Math.max(0, dataStart(series[0]!)),
      );
      out.push(...judge('escalation_spike', series, unit, starts, scale, rule, o.from, tz));
    }
    if (unit === 'hour') continue;
    const rates: [AlertKind, () => Promise<CountedEvent[]>][] = [
      ['sla_breach', () => firstResponseBreaches(store, historyFrom, to, o.targets)],
      ['abandonment', () => liveAbandons(store, historyFrom, to, o.shortAbandonS ?? 5)],
    ];
    for (const [kind, load] of rates) {
      if (!kinds.has(kind)) continue;
      const series = bucketSeries(await load(), starts, 'channel', true);
      out.push(...judge(kind, series, unit, starts, null, rule, o.from, tz));
    }
  }
  return out.sort((a, b) => a.bucket_start - b.bucket_start || a.id.localeCompare(b.id));
}
