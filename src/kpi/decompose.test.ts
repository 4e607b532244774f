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

  it('splits a move with both effects, by hand (the example of docs/dashboard.md)', () => {
    // before: phone 60/100 = 0.60, email 30/100 = 0.30 → 90/200 = 0.45
    // after:  phone 120/160 = 0.75, email 8/40 = 0.20  → 128/200 = 0.64; change +0.19
    // shares: phone 0.5 → 0.8, email 0.5 → 0.2
    // phone: mix = (0.8 − 0.5)·(0.60 + 0.75)/2 = 0.2025, rate = (0.75 − 0.60)·(0.5 + 0.8)/2 = 0.0975 → +0.30
    // email: mix = (0.2 − 0.5)·(0.30 + 0.20)/2 = −0.075, rate = (0.20 − 0.30)·(0.5 + 0.2)/2 = −0.035 → −0.11
    const d = decompose(
      [
        { key: 'phone', weight: 100, value: 0.6 },
        { key: 'email', weight: 100, value: 0.3 },
      ],
      [
        { key: 'phone', weight: 160, value: 0.75 },
        { key: 'email', weight: 40, value: 0.2 },
      ],
    );
    expect(d.before).toBeCloseTo(0.45, 12);
    expect(d.after).toBeCloseTo(0.64, 12);
    expect(d.change).toBeCloseTo(0.19, 12);
    const round = (x: number) => +x.toFixed(12);
    expect(d.parts.map((p) => [p.key, round(p.mix), round(p.rate), round(p.total)])).toEqual([
      ['phone', 0.2025, 0.0975, 0.3],
      ['email', -0.075, -0.035, -0.11],
    ]);
    expect(d.parts[0]!.before).toEqual({ weight: 100, share: 0.5, value: 0.6 });
    expect(d.parts[0]!.after).toEqual({ weight: 160, share: 0.8, value: 0.75 });
  });

  it('splits a mean: more slow e-mail raises the mean although e-mail got faster', () => {
    // first response means, in seconds: before e-mail 10 items × 3600, chat 30 × 120 → 39,600 / 40 = 990
    // after e-mail 20 × 2700, chat 20 × 180 → 57,600 / 40 = 1440; change +450 s
    // e-mail: shares 0.25 → 0.5: mix = 0.25·(3600 + 2700)/2 = 787.5, rate = −900·(0.25 + 0.5)/2 = −337.5
    // chat: shares 0.75 → 0.5: mix = −0.25·(120 + 180)/2 = −37.5, rate = 60·(0.75 + 0.5)/2 = 37.5
    const d = decompose(
      [
        { key: 'email', weight: 10, value: 3600 },
        { key: 'chat', weight: 30, value: 120 },
      ],
      [
        { key: 'email', weight: 20, value: 2700 },
        { key: 'chat', weight: 20, value: 180 },
      ],
    );
    expect([d.before, d.after, d.change]).toEqual([990, 1440, 450]);
    expect(d.parts.map((p) => [p.key, p.mix, p.rate, p.total])).toEqual([
      ['email', 787.5, -337.5, 450],
      ['chat', -37.5, 37.5, 0],
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
    expect(d.parts.find((p) => p.key === 'b')!.before).toBeNull();
  });

  it('leaves out a group without a value (all of its items pending)', () => {
    // b has weight but no value in the current period: only a counts, 0.5 → 0.8 is all a's rate
    const d = decompose(
      [{ key: 'a', weight: 10, value: 0.5 }],
      [
        { key: 'a', weight: 10, value: 0.8 },
        { key: 'b', weight: 5, value: null },
      ],
    );
    expect(d.change).toBeCloseTo(0.3, 12);
    expect(d.parts.map((p) => p.key)).toEqual(['a']);
    expect(d.parts[0]!.rate).toBeCloseTo(0.3, 12);
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
