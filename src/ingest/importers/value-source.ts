import { MappingError } from './types.js';

/** A mapped value: a constant, or a column's cell translated through `values`, `default` when empty. */
export type ValueSourceSpec =
  | { constant: string }
  | { column: string; values?: Record<string, string> | undefined; default?: string | undefined };

export interface BoundValue {
  /** the column it reads, or a description of the constant for error messages */
  column: string;
  read(cells: readonly string[]): string | undefined;
}

/** Resolves a column name against the header; an unknown column is a mapping error, before any row. */
export function columnIndex(header: readonly string[], name: string, path: string): number {
  const i = header.indexOf(name);
  if (i < 0) {
    throw new MappingError(
      `${path}: unknown column ${JSON.stringify(name)}; the file has ${header.map((h) => JSON.stringify(h)).join(', ')}`,
    );
  }
  return i;
}

export function bindValue(spec: ValueSourceSpec, header: readonly string[], path: string): BoundValue {
  if ('constant' in spec) {
    const value = spec.constant;
    return { column: `(mapping ${path})`, read: () => value };
  }
  const i = columnIndex(header, spec.column, `${path}.column`);
  const values = spec.values;
  const fallback = spec.default;
  return {
    column: spec.column,
    read(cells) {
      const raw = (cells[i] ?? '').trim();
      if (!raw) return fallback;
      return values?.[raw] ?? raw;
    },
  };
}
