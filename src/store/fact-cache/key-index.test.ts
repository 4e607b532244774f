import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyIndex } from './key-index.js';

describe('key index', () => {
  it('gives each distinct key the next row, finds it again and gives it back, through any growth', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('t-1', 't-1~2')), {
          maxLength: 3000,
        }),
        (keys) => {
          const index = new KeyIndex();
          const rows = new Map<string, number>();
          for (const k of keys) {
            const expected = rows.get(k) ?? rows.size;
            rows.set(k, expected);
            expect(index.add(k)).toBe(expected);
          }
          expect(index.size).toBe(rows.size);
          for (const [k, r] of rows) {
            expect(index.find(k)).toBe(r);
            expect(index.keyOf(r)).toBe(k);
          }
          expect(index.find('\u0000absent\u0000')).toBe(
            rows.has('\u0000absent\u0000') ? rows.get('\u0000absent\u0000') : -1,
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('holds a hundred thousand ids as they come from the tiled stores', () => {
    const index = new KeyIndex();
    for (let i = 0; i < 100_000; i++) expect(index.add(`t-${i % 20_000}~${Math.floor(i / 20_000)}`)).toBe(i);
    expect(index.find('t-19999~4')).toBe(99_999);
    expect(index.keyOf(12_345)).toBe('t-12345~0');
    expect(index.add('t-5~1')).toBe(20_005);
  });

  it('keeps one-byte keys found after the first key that needs two bytes a unit', () => {
    const index = new KeyIndex();
    for (let i = 0; i < 5000; i++) index.add(`c-${i}-é`);
    expect(index.add('c-Ω-Жук')).toBe(5000);
    for (let i = 0; i < 5000; i += 7) expect(index.find(`c-${i}-é`)).toBe(i);
    expect(index.keyOf(4999)).toBe('c-4999-é');
    expect(index.keyOf(5000)).toBe('c-Ω-Жук');
    expect(index.add('c-5001')).toBe(5001);
    expect(index.find('c-Ω-Жук')).toBe(5000);
  });
});
