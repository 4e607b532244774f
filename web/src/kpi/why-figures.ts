// "Why it moved" as it reads on screen: the unit the parts are shown in and the parts rounded so that the
// shown parts add up exactly to the shown change. Pure, so the tests check it without a browser.
import type { WhyMeasure, WhyPart, WhyReport } from '../api/insights.js';
import { roundToTotal } from '../format/exact-sum.js';
import {
  formatDuration,
  formatNumber,
  formatPercent,
  formatPoints,
  formatSigned,
  type Lang,
  timeUnit,
} from '../format/format.js';

/** What one step of the shown figures is: 0.1 percentage point, a second, a minute, 0.1 hour, one item. */
export interface WhyScale {
  unit: 'pp' | 's' | 'min' | 'h' | 'n';
  /** the step in the measure's own unit (share 0..1, seconds, items) */
  step: number;
}

/** Seconds for small moves, minutes for larger ones, tenths of an hour beyond ten hours. */
export function whyScale(report: Pick<WhyReport, 'measure' | 'change' | 'parts'>): WhyScale {
  if (report.measure === 'rate' || report.measure === 'share') return { unit: 'pp', step: 0.001 };
  if (report.measure === 'count') return { unit: 'n', step: 1 };
  const biggest = Math.max(
    Math.abs(report.change ?? 0),
    ...report.parts.flatMap((p) => [Math.abs(p.mix), Math.abs(p.rate)]),
  );
  if (biggest < 600) return { unit: 's', step: 1 };
  if (biggest < 36_000) return { unit: 'min', step: 60 };
  return { unit: 'h', step: 360 };
}

/** A signed number of steps as text: "+2.8 pp", "−12 min", "+1.5 h", "+40". */
export function formatSteps(units: number, scale: WhyScale, lang: Lang): string {
  switch (scale.unit) {
    case 'pp':
      return formatPoints(units * scale.step, lang);
    case 'n':
      return formatSigned(units, lang);
    case 'h':
      return `${formatSigned(units / 10, lang, 1)} ${timeUnit('h', lang)}`;
    default:
      return `${formatSigned(units, lang)} ${timeUnit(scale.unit, lang)}`;
  }
}

/** A level of the measure (a period's value, a group's value): "61.2%", "3 h 20 min", "1,204". */
export function formatLevel(value: number | null | undefined, measure: WhyMeasure, lang: Lang): string {
  if (measure === 'rate' || measure === 'share') return formatPercent(value, lang);
  if (measure === 'mean_s') return formatDuration(value, lang);
  return formatNumber(value, lang);
}

export interface WhyRow {
  part: WhyPart;
  mix: number;
  rate: number;
  total: number;
}

/** Each part's mix and rate in whole steps, rounded together so that all of them add up to the change. */
export function whyRows(report: WhyReport, scale: WhyScale): { rows: WhyRow[]; change: number } {
  const change = report.change ?? 0;
  const flat = report.parts.flatMap((p) => [p.mix, p.rate]);
  const steps = roundToTotal(flat, change, scale.step);
  const rows = report.parts.map((part, i) => {
    const mix = steps[2 * i]!;
    const rate = steps[2 * i + 1]!;
    return { part, mix, rate, total: mix + rate };
  });
  return { rows, change: rows.reduce((s, r) => s + r.total, 0) };
}

/** The chart's columns: the biggest movers one by one, the rest summed up as one "other" column. */
export function waterfallColumns(rows: readonly WhyRow[], top = 8): { rows: WhyRow[]; other: WhyRow | null } {
  if (rows.length <= top + 1) return { rows: [...rows], other: null };
  const rest = rows.slice(top);
  const sum = (f: (r: WhyRow) => number) => rest.reduce((s, r) => s + f(r), 0);
  return {
    rows: rows.slice(0, top),
    other: {
      part: {
        key: '',
        mix: sum((r) => r.part.mix),
        rate: sum((r) => r.part.rate),
        total: sum((r) => r.part.total),
        before: null,
        after: null,
      },
      mix: sum((r) => r.mix),
      rate: sum((r) => r.rate),
      total: sum((r) => r.total),
    },
  };
}
