/** Splits rows so that one statement stays under the dialect's bound-parameter limit. */
export function chunk<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export function rowsPerStatement(maxParams: number, columns: number): number {
  return Math.max(1, Math.floor(maxParams / Math.max(1, columns)));
}

const IN_SIZES = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900];

/**
 * Values for `in (…)` lists of at most 900, each padded (by repeating its last value, which `in` ignores) to
 * one of a few lengths, so a query repeats one of a few texts and its prepared statement is reused.
 */
export function inLists<T>(values: readonly T[]): T[][] {
  return chunk(values, 900).map((part) => {
    const size = IN_SIZES.find((s) => s >= part.length) ?? part.length;
    while (part.length < size) part.push(part[part.length - 1]!);
    return part;
  });
}
