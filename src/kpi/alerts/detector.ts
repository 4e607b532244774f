import { countTail } from './tails.js';

/**
 * When a count is unusual. A bucket alerts when all three hold: the count reaches `minCount` (a few
 * events are never news), it is at least `minRatio` times the expected count, and a count this high or
 * higher has probability below `pValue` under the trailing baseline (Poisson, or negative binomial when
 * the baseline itself varies more than Poisson would).
 */
export interface SpikeRule {
  /** buckets the baseline learns from, just before the one judged (28 days, 672 hours) */
  window: number;
  minCount: number;
  minRatio: number;
  pValue: number;
}

export const DAILY_RULE: SpikeRule = { window: 28, minCount: 5, minRatio: 1.5, pValue: 1e-4 };
export const HOURLY_RULE: SpikeRule = { window: 28 * 24, minCount: 5, minRatio: 2, pValue: 1e-5 };

export interface SpikeCheck {
  index: number;
  observed: number;
  expected: number;
  ratio: number | null;
  /** variance ÷ mean of the baseline's counts around their expectation (≥ 1) */
  dispersion: number;
  p_value: number;
  alert: boolean;
}

/** Dispersion is capped: a baseline so erratic is no baseline, and the cap keeps the test from going blind. */
const MAX_DISPERSION = 10;

/**
 * Judges buckets `from` … end of a count series against its own trailing baseline. Each bucket has a
 * scale s_t: the seasonal factor of its weekday or hour (counts of events), or its exposure (events of
 * a rate: contacts for abandons, first responses for SLA breaches). The baseline rate is
 * Σ counts ÷ Σ scale over the trailing window, leaving out buckets that alerted (a spike must not raise
 * the bar for the next) unless they fill a quarter of the window (a lasting shift); the expected count
 * is rate × s_t. Buckets before `from` (default: the first with a whole window behind it) only teach.
 */
export function checkSpikes(
  counts: readonly number[],
  scale: readonly number[],
  rule: SpikeRule,
  from = rule.window,
): SpikeCheck[] {
  const flagged = new Set<number>();
  const out: SpikeCheck[] = [];
  for (let t = Math.max(from, rule.window); t < counts.length; t++) {
    let sumCounts = 0;
    let sumScale = 0;
    const used: number[] = [];
    let flaggedInWindow = 0;
    for (let i = t - rule.window; i < t; i++) if (flagged.has(i)) flaggedInWindow++;
    // Alerts are left out of the baseline, unless they fill a quarter of it: then they are the new normal.
    const skipFlagged = flaggedInWindow <= rule.window / 4;
    for (let i = t - rule.window; i < t; i++) {
      if (skipFlagged && flagged.has(i)) continue;
      sumCounts += counts[i]!;
      sumScale += scale[i]!;
      used.push(i);
    }
    // A baseline that never saw the event still expects a little of it: as if once in the window.
    const rate = sumScale > 0 ? Math.max(sumCounts, 1) / sumScale : 0;
    let pearson = 0;
    let terms = 0;
    for (const i of used) {
      const e = rate * scale[i]!;
      if (e > 0) {
        pearson += (counts[i]! - e) ** 2 / e;
        terms++;
      }
    }
    const dispersion = Math.min(MAX_DISPERSION, Math.max(1, terms > 1 ? pearson / (terms - 1) : 1));
    const observed = counts[t]!;
    const expected = rate * scale[t]!;
    const p = countTail(observed, expected, dispersion);
    const alert =
      scale[t]! > 0 && observed >= rule.minCount && observed >= rule.minRatio * expected && p < rule.pValue;
    if (alert) flagged.add(t);
    out.push({
      index: t,
      observed,
      expected,
      ratio: expected > 0 ? observed / expected : null,
      dispersion,
      p_value: p,
      alert,
    });
  }
  return out;
}

/**
 * Seasonal factors of a reference series, each from the trailing window only (no look-ahead) and from
 * `start` on (before it there is no data, only zeros): the mean at the bucket's phase (its weekday, or
 * its hour of the week) over the mean of all, the phase's mean shrunk by one pseudo-observation at the
 * overall mean, so that a phase never seen gets a small factor rather than none.
 */
export function trailingSeasonalScale(
  reference: readonly number[],
  phases: readonly number[],
  phaseCount: number,
  window: number,
  start = 0,
): number[] {
  return reference.map((_, t) => {
    const from = Math.max(start, t - window);
    let total = 0;
    let phaseTotal = 0;
    let phaseN = 0;
    for (let i = from; i < t; i++) {
      total += reference[i]!;
      if (phases[i] === phases[t]) {
        phaseTotal += reference[i]!;
        phaseN++;
      }
    }
    const n = t - from;
    if (n < phaseCount || phaseN === 0 || total === 0) return 1;
    const mean = total / n;
    return (phaseTotal + mean) / (phaseN + 1) / mean;
  });
}
