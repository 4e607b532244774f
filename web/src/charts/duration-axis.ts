/** Steps a clock reader expects on a duration axis: 30 s, 5 min, 1 h, 1 d… */
const DURATION_STEPS = [
  1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200, 10800, 14400, 21600, 28800, 43200,
  86400, 172800, 259200, 604800, 1209600, 2592000,
];

/** The smallest clock step that covers `span` seconds in at most `ticks` steps. */
export function durationStep(span: number, ticks = 5): number {
  return DURATION_STEPS.find((s) => s * ticks >= span) ?? DURATION_STEPS.at(-1)!;
}

/** An axis from 0 to at least `max` seconds in clock steps. */
export function durationAxis(max: number): { max: number; interval: number } {
  const step = durationStep(max);
  return { max: step * Math.max(1, Math.ceil(max / step)), interval: step };
}
