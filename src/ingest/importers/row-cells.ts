import { RowError, type SourceRow } from './types.js';

/** Reading cells of a CSV row: empty cells are absent; unreadable ones are a RowError naming the column. */

export const cellAt = (cells: readonly string[], i: number | undefined): string | undefined =>
  i === undefined ? undefined : (cells[i] ?? '').trim() || undefined;

/** A column's timestamp in epoch ms; undefined when the cell is empty (a milestone not reached yet). */
export function timeAt(
  cells: readonly string[],
  i: number | undefined,
  column: string,
  read: (value: string) => number | null,
  format: string,
): number | undefined {
  const raw = cellAt(cells, i);
  if (raw === undefined) return undefined;
  const ms = read(raw);
  if (ms === null || !Number.isFinite(ms)) {
    throw new RowError(column, `cannot read ${JSON.stringify(raw)} as a timestamp (format ${format})`);
  }
  return ms;
}

const CLOCK = /^(\d+):([0-5]\d)(?::([0-5]\d)(?:\.\d+)?)?$/;

/**
 * A duration in seconds: a plain number (`95`, `95.5`) or a clock reading `H:MM:SS` / `M:SS`, as PBX
 * exports write talk and hold times. Empty → undefined.
 */
export function secondsAt(
  cells: readonly string[],
  i: number | undefined,
  column: string,
): number | undefined {
  const raw = cellAt(cells, i);
  if (raw === undefined) return undefined;
  if (/^\d+(\.\d+)?$/.test(raw)) return Number(raw);
  const m = CLOCK.exec(raw);
  if (m) {
    const [, a, b, c] = m;
    return c === undefined ? Number(a) * 60 + Number(b) : Number(a) * 3600 + Number(b) * 60 + Number(c);
  }
  throw new RowError(column, `cannot read ${JSON.stringify(raw)} as seconds (a number, or H:MM:SS)`);
}

/** A row as the rejects file shows it: header names to cells. */
export function describeCsvRow(header: readonly string[], { line, data }: SourceRow<string[]>) {
  return { line, row: Object.fromEntries(data.map((v, i) => [header[i] ?? `#${i + 1}`, v])) };
}
