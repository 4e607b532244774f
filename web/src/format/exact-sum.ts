// Rounded parts that still add up to the rounded whole. Rounding each part on its own lets the shown parts
// miss the shown total by a step or two; "why it moved" promises that they add up exactly.

/** Rounds half away from zero, as Intl.NumberFormat does, so a total rounds here as it reads on screen. */
export function roundHalfAway(x: number): number {
  const r = Math.round(Math.abs(x));
  return x < 0 && r !== 0 ? -r : r;
}

/**
 * Each value as a whole number of `step`s, adjusted (largest remainder first) so that the numbers add up
 * to `total` rounded to a whole number of steps. `values` are expected to add up to `total` (give or take
 * floating-point noise): then every number is within one step of its value.
 */
export function roundToTotal(values: readonly number[], total: number, step: number): number[] {
  const scaled = values.map((v) => v / step);
  const out = scaled.map(roundHalfAway);
  let missing = roundHalfAway(total / step) - out.reduce((s, v) => s + v, 0);
  if (missing === 0 || out.length === 0) return out;
  const dir = Math.sign(missing);
  // the values that lost most by rounding in the direction we must move, first
  const order = scaled
    .map((v, i) => ({ i, gain: (v - out[i]!) * dir }))
    .sort((a, b) => b.gain - a.gain || a.i - b.i);
  for (let k = 0; missing !== 0; k = (k + 1) % order.length) {
    out[order[k]!.i]! += dir;
    missing -= dir;
  }
  return out;
}
