/** Several timed runs after warm-up: the median is what we quote, min and max show the noise. */
export interface Timing {
  median_ms: number;
  min_ms: number;
  max_ms: number;
  runs: number;
}

export function summarise(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    median_ms: round(median),
    min_ms: round(sorted[0]!),
    max_ms: round(sorted.at(-1)!),
    runs: sorted.length,
  };
}

export async function time(
  fn: () => Promise<unknown> | unknown,
  opts: { warmup?: number; runs?: number } = {},
): Promise<Timing> {
  for (let i = 0; i < (opts.warmup ?? 1); i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < (opts.runs ?? 5); i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return summarise(samples);
}

/** Interleaves the contenders run by run, so that a noisy spell of the machine hits them alike. */
export async function timeSideBySide(
  contenders: Record<string, () => Promise<unknown> | unknown>,
  opts: { warmup?: number; runs?: number } = {},
): Promise<Record<string, Timing>> {
  const names = Object.keys(contenders);
  for (let i = 0; i < (opts.warmup ?? 1); i++) for (const n of names) await contenders[n]!();
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < (opts.runs ?? 5); i++) {
    for (const n of names) {
      const started = performance.now();
      await contenders[n]!();
      samples[n]!.push(performance.now() - started);
    }
  }
  return Object.fromEntries(names.map((n) => [n, summarise(samples[n]!)]));
}
