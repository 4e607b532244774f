import { describe, expect, it } from 'vitest';
import type { WhyPart, WhyReport } from '../api/insights.js';
import { formatLevel, formatSteps, waterfallColumns, whyRows, whyScale } from './why-figures.js';

const part = (key: string, mix: number, rate: number): WhyPart => ({
  key,
  mix,
  rate,
  total: mix + rate,
  before: null,
  after: null,
});
const report = (measure: WhyReport['measure'], change: number, parts: WhyPart[]): WhyReport => ({
  kpi: 'fcr',
  by: 'channel',
  measure,
  before: 0,
  after: change,
  change,
  parts,
});

describe('why it moved, as shown', () => {
  it('shows an FCR move in tenths of a percentage point that add up to the change', () => {
    // the FCR example of src/api/why.test.ts: e-mail +0.1875 mix, +0.3125 rate; social −0.0625, −0.1875
    const r = report('rate', 0.25, [part('email', 0.1875, 0.3125), part('social', -0.0625, -0.1875)]);
    const scale = whyScale(r);
    const { rows, change } = whyRows(r, scale);
    expect(rows.map((x) => [x.mix, x.rate, x.total])).toEqual([
      [188, 313, 501],
      [-63, -188, -251],
    ]);
    expect(change).toBe(250);
    expect(formatSteps(501, scale, 'en')).toBe('+50.1 pp');
    expect(formatSteps(-251, scale, 'ru')).toBe('−25,1 п. п.');
    expect(formatSteps(change, scale, 'en')).toBe('+25.0 pp');
  });

  it('shows a mean in minutes when it moved by minutes, rounding the parts together', () => {
    // the mean example of src/api/why.test.ts, in minutes: 35.625, −28.125, −9.375, −20.625; change −22.5
    // each rounded: 36 − 28 − 9 − 21 = −22, but the change reads −23: the part that lost most moves (36 → 35)
    const r = report('mean_s', -1350, [part('email', 2137.5, -1687.5), part('social', -562.5, -1237.5)]);
    const scale = whyScale(r);
    expect(scale).toEqual({ unit: 'min', step: 60 });
    const { rows, change } = whyRows(r, scale);
    expect(rows.map((x) => [x.mix, x.rate, x.total])).toEqual([
      [35, -28, 7],
      [-9, -21, -30],
    ]);
    expect(change).toBe(-23);
    expect(formatSteps(change, scale, 'en')).toBe('−23 min');
    expect(formatSteps(change, scale, 'ru')).toBe('−23 мин');
  });

  it('picks seconds for small moves and tenths of an hour for large ones', () => {
    expect(whyScale(report('mean_s', 30, [part('a', 40, -10)]))).toEqual({ unit: 's', step: 1 });
    const hours = { unit: 'h', step: 360 } as const;
    expect(whyScale(report('mean_s', 54_000, [part('a', 54_000, 0)]))).toEqual(hours);
    expect(formatSteps(150, hours, 'en')).toBe('+15 h');
    expect(formatSteps(-15, hours, 'ru')).toBe('−1,5 ч');
    expect(whyScale(report('count', 3, [part('a', 0, 3)]))).toEqual({ unit: 'n', step: 1 });
  });

  it('formats levels in the measure’s own unit', () => {
    expect(formatLevel(0.612, 'rate', 'en')).toBe('61.2%');
    expect(formatLevel(12_000, 'mean_s', 'ru')).toBe('3 ч 20 мин');
    expect(formatLevel(1204, 'count', 'en')).toBe('1,204');
  });

  it('sums the small movers into one column that keeps the sum', () => {
    const r = report(
      'count',
      10,
      [4, 3, 2, 1, 1, -1].map((v, i) => part(`g${i}`, 0, v)),
    );
    const { rows } = whyRows(r, whyScale(r));
    const cols = waterfallColumns(rows, 3);
    expect(cols.rows.map((x) => x.part.key)).toEqual(['g0', 'g1', 'g2']);
    expect(cols.other?.total).toBe(1);
    expect(cols.rows.reduce((s, x) => s + x.total, 0) + cols.other!.total).toBe(10);
    expect(waterfallColumns(rows, 5).other).toBeNull();
  });
});
