/**
 * Minimises f over R^n by the Nelder–Mead simplex (standard coefficients: reflection 1, expansion 2,
 * contraction ½, shrink ½). Enough for the four smoothing parameters of Holt–Winters, whose error
 * surface is smooth but has no gradient at hand.
 */
export function nelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: { step?: number; maxEvaluations?: number; tolerance?: number } = {},
): { x: number[]; value: number } {
  const n = start.length;
  const step = options.step ?? 1;
  const maxEvaluations = options.maxEvaluations ?? 400 * n;
  const tolerance = options.tolerance ?? 1e-10;
  let evaluations = 0;
  const evaluate = (x: number[]) => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  let simplex = [start.slice(), ...start.map((_, i) => start.map((v, j) => (i === j ? v + step : v)))].map(
    (x) => ({ x, value: evaluate(x) }),
  );
  const along = (from: number[], to: number[], t: number) => from.map((v, i) => v + t * (to[i]! - v));
  while (evaluations < maxEvaluations) {
    simplex.sort((a, b) => a.value - b.value);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    if (Math.abs(worst.value - best.value) <= tolerance * (Math.abs(best.value) + tolerance)) break;
    const centroid = start.map((_, j) => simplex.slice(0, n).reduce((s, p) => s + p.x[j]!, 0) / n);
    const reflected = along(centroid, worst.x, -1);
    const r = evaluate(reflected);
    if (r < best.value) {
      const expanded = along(centroid, worst.x, -2);
      const e = evaluate(expanded);
      simplex[n] = e < r ? { x: expanded, value: e } : { x: reflected, value: r };
    } else if (r < simplex[n - 1]!.value) {
      simplex[n] = { x: reflected, value: r };
    } else {
      const inside = r < worst.value;
      const contracted = along(centroid, inside ? reflected : worst.x, 0.5);
      const c = evaluate(contracted);
      if (c < (inside ? r : worst.value)) simplex[n] = { x: contracted, value: c };
      else
        simplex = simplex.map((p, i) => {
          if (i === 0) return p;
          const x = along(best.x, p.x, 0.5);
          return { x, value: evaluate(x) };
        });
    }
  }
  simplex.sort((a, b) => a.value - b.value);
  return { x: simplex[0]!.x, value: simplex[0]!.value };
}
