import type { ColumnKind } from '../columns.js';

/**
 * The next capacity of a growing array: a quarter more (at least 1,024), not double, since at millions of
 * rows a doubling leaves up to half of every column unused.
 */
export const quarterMore = (n: number): number => n + Math.max(1024, n >> 2);

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

/** Integers held as narrow as their values allow: a column widens (8 → 16 → 32 bits) at the first value that needs it. */
export type IntArray = Int8Array | Int16Array | Int32Array;

/** The least value of a width (the null of an int column). */
const leastOf = (a: IntArray): number =>
  a instanceof Int8Array ? -128 : a instanceof Int16Array ? -32768 : INT_NULL;

function widened(a: IntArray, nil: number | null): IntArray {
  const next: IntArray = a instanceof Int8Array ? new Int16Array(a.length) : new Int32Array(a.length);
  const nextNil = leastOf(next);
  for (let i = 0; i < a.length; i++) next[i] = nil !== null && a[i] === nil ? nextNil : a[i]!;
  return next;
}

function sameWidth(a: IntArray, capacity: number, fill: number): IntArray {
  const next = new (a.constructor as new (n: number) => IntArray)(capacity).fill(fill);
  next.set(a);
  return next;
}

/**
 * Counters, flags and lines: one byte each while every value lies in -127..127 (most of them are flags),
 * wider from the first value that does not. `nil`, the width's least value, stands for null.
 */
export class IntColumn {
  readonly kind = 'int';
  values: IntArray;
  nil = -128;
  constructor(capacity: number) {
    this.values = new Int8Array(capacity).fill(this.nil);
  }
  set(row: number, v: unknown): void {
    if (v === null || v === undefined) {
      this.values[row] = this.nil;
      return;
    }
    const n = Number(v);
    while (this.nil !== INT_NULL && (n <= this.nil || n >= -this.nil)) {
      this.values = widened(this.values, this.nil);
      this.nil = leastOf(this.values);
    }
    this.values[row] = n;
  }
  get(row: number): number | null {
    const v = this.values[row]!;
    return v === this.nil ? null : v;
  }
  grow(capacity: number): void {
    this.values = sameWidth(this.values, capacity, this.nil);
  }
}

/**
 * Text as a code into a dictionary: channels, categories and agents repeat, so each string is held once.
 * Codes take one byte while the dictionary holds under 128 values, two under 32,768, then four; -1 is null.
 */
export class TextColumn {
  readonly kind = 'text';
  codes: IntArray;
  readonly dict: string[] = [];
  private readonly codeOf = new Map<string, number>();
  constructor(capacity: number) {
    this.codes = new Int8Array(capacity).fill(-1);
  }
  code(s: string): number {
    let c = this.codeOf.get(s);
    if (c === undefined) {
      c = this.dict.length;
      this.dict.push(s);
      this.codeOf.set(s, c);
      if (c > -leastOf(this.codes) - 1) this.codes = widened(this.codes, null);
    }
    return c;
  }
  /** The code of a value, or -2 when no row holds it (so a filter on it matches nothing). */
  find(s: string): number {
    return this.codeOf.get(s) ?? -2;
  }
  set(row: number, v: unknown): void {
    // the code first: a new one may widen (replace) the array
    const c = v === null || v === undefined ? -1 : this.code(String(v));
    this.codes[row] = c;
  }
  get(row: number): string | null {
    const c = this.codes[row]!;
    return c < 0 ? null : this.dict[c]!;
  }
  grow(capacity: number): void {
    this.codes = sameWidth(this.codes, capacity, -1);
  }
}

export type Column = NumberColumn | IntColumn | TextColumn;

export function makeColumn(kind: ColumnKind, capacity: number): Column {
  if (kind === 'text') return new TextColumn(capacity);
  if (kind === 'int') return new IntColumn(capacity);
  return new NumberColumn(capacity);
}
