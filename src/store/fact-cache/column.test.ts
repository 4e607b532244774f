import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntColumn, TextColumn } from './column.js';

const writes = <T>(value: fc.Arbitrary<T>) =>
  fc.array(fc.tuple(fc.nat({ max: 3000 }), fc.option(value, { nil: null })), { maxLength: 400 });

/** Writes the rows (growing the column by doubling from 16 as a row needs) and compares every row with a model. */
function writeAndCompare<T>(column: IntColumn | TextColumn, list: readonly [number, T | null][]): void {
  const model = new Map<number, T | null>();
  let capacity = 16;
  for (const [row, v] of list) {
    while (row >= capacity) {
      capacity *= 2;
      column.grow(capacity);
    }
    column.set(row, v);
    model.set(row, v);
  }
  const rows = Array.from({ length: capacity }, (_, row) => row);
  expect(rows.map((row) => column.get(row))).toEqual(rows.map((row) => model.get(row) ?? null));
}

describe('narrow columns', () => {
  it('an int column gives back every value and null through each widening and growth', () => {
    const value = fc.oneof(
      fc.integer({ min: -127, max: 127 }),
      fc.integer({ min: -40_000, max: 40_000 }),
      fc.integer({ min: -2_147_483_647, max: 2_147_483_647 }),
      fc.constantFrom(-128, 127, 128, -32_768, 32_767, 32_768, 0, 1),
    );
    fc.assert(
      fc.property(writes(value), (list) => {
        writeAndCompare(new IntColumn(16), list);
      }),
      { numRuns: 200 },
    );
  });

  it('holds flags in one byte and widens only for the value that needs it', () => {
    const column = new IntColumn(4);
    column.set(0, 1);
    column.set(1, null);
    expect(column.values).toBeInstanceOf(Int8Array);
    column.set(2, -128);
    expect(column.values).toBeInstanceOf(Int16Array);
    expect([column.get(0), column.get(1), column.get(2)]).toEqual([1, null, -128]);
    column.set(3, 40_000);
    expect(column.values).toBeInstanceOf(Int32Array);
    expect([column.get(0), column.get(1), column.get(2), column.get(3)]).toEqual([1, null, -128, 40_000]);
  });

  it('a text column gives back every value through the widening of its codes', () => {
    fc.assert(
      fc.property(writes(fc.integer({ min: 0, max: 40_000 }).map((n) => `agent-${n}`)), (list) => {
        writeAndCompare(new TextColumn(16), list);
      }),
      { numRuns: 100 },
    );
    const many = new TextColumn(40_000);
    for (let i = 0; i < 40_000; i++) many.set(i, `c-${i}`);
    expect(many.codes).toBeInstanceOf(Int32Array);
    expect([many.get(0), many.get(127), many.get(128), many.get(39_999)]).toEqual([
      'c-0',
      'c-127',
      'c-128',
      'c-39999',
    ]);
  });
});
