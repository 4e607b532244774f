/** A group's figures in one period: the weight (denominator or item count) and its own value (rate or mean). */
export interface GroupFigure {
  key: string;
  weight: number;
  value: number | null;
}

export interface Contribution {
  key: string;
  /** the part of the change caused by the group's share of volume changing */
  mix: number;
  /** the part caused by the group's own value changing */
  rate: number;
  total: number;
}

export interface Decomposition {
  before: number | null;
  after: number | null;
  change: number | null;
  parts: Contribution[];
}

/**
 * "Why did it move": splits the change of a weighted average (a rate over its denominator, a mean over
 * its count) into each group's mix and rate effects with the symmetric (midpoint) formula
 *   mix_g  = (s'_g − s_g) · (r_g + r'_g) / 2,   rate_g = (r'_g − r_g) · (s_g + s'_g) / 2,
 * where s is the group's share of the weight and r its value. For every group mix + rate = s'r' − s r,
 * so the parts add up exactly to the total change. A group present in one period only takes its one
 * known value for both: all of its effect is mix.
 */
export function decompose(before: readonly GroupFigure[], after: readonly GroupFigure[]): Decomposition {
  const weight = (xs: readonly GroupFigure[]) =>
    xs.reduce((s, g) => s + (g.value === null ? 0 : g.weight), 0);
  const wb = weight(before);
  const wa = weight(after);
  const avg = (xs: readonly GroupFigure[], w: number) =>
    w > 0 ? xs.reduce((s, g) => s + (g.value === null ? 0 : g.weight * g.value), 0) / w : null;
  const b = avg(before, wb);
  const a = avg(after, wa);
  if (b === null || a === null) return { before: b, after: a, change: null, parts: [] };
  const keys = [...new Set([...before, ...after].map((g) => g.key))].sort();
  const find = (xs: readonly GroupFigure[], k: string) => xs.find((g) => g.key === k && g.value !== null);
  const parts = keys.map((key) => {
    const gb = find(before, key);
    const ga = find(after, key);
    const sb = gb ? gb.weight / wb : 0;
    const sa = ga ? ga.weight / wa : 0;
    const rb = (gb ?? ga)!.value as number;
    const ra = (ga ?? gb)!.value as number;
    const mix = ((sa - sb) * (rb + ra)) / 2;
    const rate = ((ra - rb) * (sb + sa)) / 2;
    return { key, mix, rate, total: mix + rate };
  });
  return {
    before: b,
    after: a,
    change: a - b,
    parts: parts.sort((x, y) => Math.abs(y.total) - Math.abs(x.total)),
  };
}
