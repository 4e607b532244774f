import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './parse.js';

/** The first definition, whose texts every stored body has: the new writer must match it byte for byte. */
function reference(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
      );
    }
    return v;
  });
}

describe('canonicalJson', () => {
  it('sorts keys at every depth; index-like keys first, in numeric order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: 'x' }], c: true }, 10: 'x', 2: 'y' })).toBe(
      '{"2":"y","10":"x","a":{"c":true,"d":[3,{"y":"x","z":null}]},"b":1}',
    );
  });

  it('drops undefined fields, writes undefined array items and non-finite numbers as null, as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, Number.NaN, -0], c: new Date(0) })).toBe(
      '{"b":[null,null,0],"c":"1970-01-01T00:00:00.000Z"}',
    );
  });

  it('gives the same text as the first definition for any JSON value', () => {
    const keys = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '0',
        '1',
        '10',
        '01',
        '4294967294',
        '4294967295',
        '-1',
        'é',
        'Z',
        '__proto__',
        'toJSON',
      ),
    );
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(
        fc.string(),
        fc.double(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.constant(undefined),
      ),
      arr: fc.array(tie('any'), { maxLength: 4 }),
      obj: fc.dictionary(keys, tie('any'), { maxKeys: 5 }),
      any: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('arr'), tie('obj')),
    })).any;
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson(v)).toBe(reference(v));
      }),
      { numRuns: 2000 },
    );
  });
});
