/** Splits rows so that one statement stays under the dialect's bound-parameter limit. */
export function chunk<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export function rowsPerStatement(maxParams: number, columns: number): number {
  return Math.max(1, Math.floor(maxParams / Math.max(1, columns)));
}
