/** A group's figures in one period: the weight (denominator or item count) and its own value (rate or mean). */
export interface GroupFigure {
  key: string;
  weight: number;
  value: number | null;
}

/** A group's side of the comparison in one period: its weight, its share of the total weight, its value. */
export interface GroupSide {
  weight: number;
  share: number;
  value: number;
}

export interface Contribution {
  key: string;
  /** the part of the change caused by the group's share of volume changing */
  mix: number;
  /** the part caused by the group's own value changing */
  rate: number;
  total: number;
  /** the group in the previous period (null when it had no items there) */
  before: GroupSide | null;
  /** the group in the current period (null when it has no items there) */
  after: GroupSide | null;
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
 * known value for both: all of its effect is mix. docs/dashboard.md explains the method with an example.
 */
export function decompose(before: readonly GroupFigure[], after: readonly GroupFigure[]): Decomposition {
  // A group without a value (no finished items) carries no weight: it is absent from that period.
  const present = (xs: readonly GroupFigure[]) => xs.filter((g) => g.value !== null && g.weight > 0);
  const pb = present(before);
  const pa = present(after);
  const weight = (xs: readonly GroupFigure[]) => xs.reduce((s, g) => s + g.weight, 0);
  const wb = weight(pb);
  const wa = weight(pa);
  const avg = (xs: readonly GroupFigure[], w: number) =>
    w > 0 ? xs.reduce((s, g) => s + g.weight * (g.value as number), 0) / w : null;
  const b = avg(pb, wb);
  const a = avg(pa, wa);
  if (b === null || a === null) return { before: b, after: a, change: null, parts: [] };
  const keys = [...new Set([...pb, ...pa].map((g) => g.key))].sort();
  const side = (xs: readonly GroupFigure[], w: number, k: string): GroupSide | null => {
    const g = xs.find((x) => x.key === k);
    return g ? { weight: g.weight, share: g.weight / w, value: g.value as number } : null;
  };
  const parts = keys.map((key): Contribution => {
    const gb = side(pb, wb, key);
    const ga = side(pa, wa, key);
    const sb = gb?.share ?? 0;
    const sa = ga?.share ?? 0;
    const rb = (gb ?? ga)!.value;
    const ra = (ga ?? gb)!.value;
    const mix = ((sa - sb) * (rb + ra)) / 2;
    const rate = ((ra - rb) * (sb + sa)) / 2;
    return { key, mix, rate, total: mix + rate, before: gb, after: ga };
  });
  return {
    before: b,
    after: a,
    change: a - b,
    parts: parts.sort((x, y) => Math.abs(y.total) - Math.abs(x.total) || (x.key < y.key ? -1 : 1)),
  };
}
