/** The median of the known values (the mean of the middle two for an even count); null when none is known. */
export function median(values: readonly (number | null | undefined)[]): number | null {
  const known = values
    .filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
    .sort((a, b) => a - b);
  if (known.length === 0) return null;
  const mid = known.length >> 1;
  return known.length % 2 ? known[mid]! : (known[mid - 1]! + known[mid]!) / 2;
}

/**
 * Per team, the median over its agents of each figure: what a typical member of the team achieves, so that
 * one agent's figure can be read against their own team's (a pooled team rate would let the busiest agent
 * set the bar).
 */
export function teamMedians<K extends string>(
  rows: readonly { team: string | null; figures: Record<K, number | null> }[],
  keys: readonly K[],
): Map<string | null, { agents: number; medians: Record<K, number | null> }> {
  const byTeam = new Map<string | null, Record<K, number | null>[]>();
  for (const r of rows) byTeam.set(r.team, [...(byTeam.get(r.team) ?? []), r.figures]);
  const out = new Map<string | null, { agents: number; medians: Record<K, number | null> }>();
  for (const [team, list] of byTeam) {
    const medians = Object.fromEntries(keys.map((k) => [k, median(list.map((f) => f[k]))])) as Record<
      K,
      number | null
    >;
    out.set(team, { agents: list.length, medians });
  }
  return out;
}
