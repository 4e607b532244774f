import type { ColumnKind } from '../columns.js';

/** The null of an int column (no counter, flag or line takes it). */
export const INT_NULL = -2147483648;

/** Instants and durations: 8 bytes each, NaN for null (values are ms instants or seconds, exact in a double). */
export class NumberColumn {
  readonly kind = 'number';
  values: Float64Array;
  constructor(capacity: number) {
    this.values = new Float64Array(capacity).fill(Number.NaN);
  }
  set(row: number, v: unknown): void {
    this.values[row] = v === null || v === undefined ? Number.NaN : Number(v);
  }
  get(row: number): number | null {
    const v = this.values[row]!;
    return Number.isNaN(v) ? null : v;
  }
  grow(capacity: number): void {
    const next = new Float64Array(capacity).fill(Number.NaN);
    next.set(this.values);
    this.values = next;
  }
}

/** Counters, flags and lines: 4 bytes each. */
export class IntColumn {
  readonly kind = 'int';
  values: Int32Array;
  constructor(capacity: number) {
    this.values = new Int32Array(capacity).fill(INT_NULL);
  }
  set(row: number, v: unknown): void {
    this.values[row] = v === null || v === undefined ? INT_NULL : Number(v);
  }
  get(row: number): number | null {
    const v = this.values[row]!;
    return v === INT_NULL ? null : v;
  }
  grow(capacity: number): void {
    const next = new Int32Array(capacity).fill(INT_NULL);
    next.set(this.values);
    this.values = next;
  }
}

/** Text as a code into a dictionary: channels, categories and agents repeat, so each string is held once. */
export class TextColumn {
  readonly kind = 'text';
  codes: Int32Array;
  readonly dict: string[] = [];
  private readonly codeOf = new Map<string, number>();
  constructor(capacity: number) {
    this.codes = new Int32Array(capacity).fill(-1);
  }
  code(s: string): number {
    let c = this.codeOf.get(s);
    if (c === undefined) {
      c = this.dict.length;
      this.dict.push(s);
      this.codeOf.set(s, c);
    }
    return c;
  }
  /** The code of a value, or -2 when no row holds it (so a filter on it matches nothing). */
  find(s: string): number {
    return this.codeOf.get(s) ?? -2;
  }
  set(row: number, v: unknown): void {
    this.codes[row] = v === null || v === undefined ? -1 : this.code(String(v));
  }
  get(row: number): string | null {
    const c = this.codes[row]!;
    return c < 0 ? null : this.dict[c]!;
  }
  grow(capacity: number): void {
    const next = new Int32Array(capacity).fill(-1);
    next.set(this.codes);
    this.codes = next;
  }
}

export type Column = NumberColumn | IntColumn | TextColumn;

export function makeColumn(kind: ColumnKind, capacity: number): Column {
  if (kind === 'text') return new TextColumn(capacity);
  if (kind === 'int') return new IntColumn(capacity);
  return new NumberColumn(capacity);
}
