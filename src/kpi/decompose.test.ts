import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decompose } from './decompose.js';

describe('why it moved: mix / rate decomposition', () => {
  it('splits an FCR change by channel, by hand', () => {
    // before: phone 60/100 = 0.6, email 20/100 = 0.2 → 80/200 = 0.4
    // after:  phone 90/150 = 0.6, email 10/50  = 0.2 → 100/200 = 0.5
    // phone: mix = (0.75 − 0.5)·(0.6 + 0.6)/2 = 0.15, rate = 0;  email: mix = (0.25 − 0.5)·(0.2 + 0.2)/2 = −0.05, rate = 0
    const d = decompose(
      [
        { key: 'phone', weight: 100, value: 0.6 },
        { key: 'email', weight: 100, value: 0.2 },
      ],
      [
        { key: 'phone', weight: 150, value: 0.6 },
        { key: 'email', weight: 50, value: 0.2 },
      ],
    );
    expect(d.before).toBeCloseTo(0.4, 12);
    expect(d.after).toBeCloseTo(0.5, 12);
    expect(d.change).toBeCloseTo(0.1, 12);
    expect(d.parts.map((p) => [p.key, +p.mix.toFixed(12), +p.rate.toFixed(12)])).toEqual([
      ['phone', 0.15, 0],
      ['email', -0.05, 0],
    ]);
  });

  it('attributes a pure rate change to the group whose value moved', () => {
    // same volumes; email 0.2 → 0.4: rate = 0.2 · (0.5 + 0.5)/2 = 0.1; total 0.4 → 0.5
    const d = decompose(
      [
        { key: 'phone', weight: 100, value: 0.6 },
        { key: 'email', weight: 100, value: 0.2 },
      ],
      [
        { key: 'phone', weight: 100, value: 0.6 },
        { key: 'email', weight: 100, value: 0.4 },
      ],
    );
    expect(d.change).toBeCloseTo(0.1, 12);
    const email = d.parts.find((p) => p.key === 'email')!;
    expect(email.mix).toBeCloseTo(0, 12);
    expect(email.rate).toBeCloseTo(0.1, 12);
  });

  it('treats a new or vanished group as pure mix', () => {
    // before: a 10 @ 1.0; after: a 10 @ 1.0, b 10 @ 0 → 1.0 → 0.5: a mix = (0.5 − 1)·1 = −0.5, b mix = 0.5·0 = 0
    const d = decompose(
      [{ key: 'a', weight: 10, value: 1 }],
      [
        { key: 'a', weight: 10, value: 1 },
        { key: 'b', weight: 10, value: 0 },
      ],
    );
    expect(d.change).toBeCloseTo(-0.5, 12);
    expect(d.parts.find((p) => p.key === 'a')!.mix).toBeCloseTo(-0.5, 12);
    expect(d.parts.find((p) => p.key === 'b')!.total).toBeCloseTo(0, 12);
  });

  it('has no change to explain when a period is empty', () => {
    expect(decompose([], [{ key: 'a', weight: 1, value: 1 }])).toEqual({
      before: null,
      after: 1,
      change: null,
      parts: [],
    });
  });

  it('parts always add up to the total change', () => {
    const groups = fc.array(
      fc.record({
        key: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
        weight: fc.integer({ min: 1, max: 1000 }),
        value: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      { minLength: 1, maxLength: 5 },
    );
    const unique = groups.map((gs) => [...new Map(gs.map((g) => [g.key, g])).values()]);
    fc.assert(
      fc.property(unique, unique, (before, after) => {
        const d = decompose(before, after);
        const sum = d.parts.reduce((s, p) => s + p.mix + p.rate, 0);
        expect(sum).toBeCloseTo(d.change!, 9);
      }),
    );
  });
});
