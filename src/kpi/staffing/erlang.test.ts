import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { figuresWithAgents, requiredAgents, StaffingInputError, type StaffingRequest } from './erlang.js';
import { ErlangBTable } from './erlang-b.js';
import { scheduledHeadcount } from './shrinkage.js';

const sl8020 = { kind: 'service_level', level: 0.8, withinS: 20 } as const;

describe('Erlang C reproduces published figures', () => {
  it('100 calls in 30 min, AHT 180 s, 14 agents: P(wait) 0.1741, SL(20 s) 0.888, ASA 7.84 s, occupancy 0.714', () => {
    const f = figuresWithAgents({ arrivals: 100, intervalS: 1800, ahtS: 180, target: sl8020 }, 14);
    expect(f.load_erlangs).toBe(10);
    expect(f.p_wait).toBeCloseTo(0.1741, 4);
    expect(f.service_level).toBeCloseTo(0.888, 3);
    expect(f.asa_s).toBeCloseTo(7.84, 2);
    expect(f.occupancy).toBeCloseTo(0.714, 3);
    expect(f.p_abandon).toBeNull();
  });

  it('1,000 calls an hour, AHT 120 s, 80/20, occupancy ≤ 85 %: 40 agents, 58 scheduled with 30 % shrinkage', () => {
    const r = requiredAgents({
      arrivals: 1000,
      intervalS: 3600,
      ahtS: 120,
      target: sl8020,
      maxOccupancy: 0.85,
      shrinkage: 0.3,
    });
    expect(r.agents).toBe(40);
    expect(r.p_wait).toBeCloseTo(0.1907, 4);
    expect(r.service_level).toBeCloseTo(0.9372, 4);
    expect(r.asa_s).toBeCloseTo(3.43, 2);
    expect(r.scheduled).toBe(58);
    // Without the cap 80/20 alone needs 38 (A = 33.3 erlangs; 37 agents give SL 0.785).
    const free = requiredAgents({ arrivals: 1000, intervalS: 3600, ahtS: 120, target: sl8020 });
    expect(free.agents).toBe(38);
    expect(
      figuresWithAgents({ arrivals: 1000, intervalS: 3600, ahtS: 120, target: sl8020 }, 37).service_level,
    ).toBeLessThan(0.8);
  });

  it('an ASA target: 100 calls in 30 min at AHT 180 s need 14 agents for ASA ≤ 10 s (13 give 14.9 s)', () => {
    const req: StaffingRequest = {
      arrivals: 100,
      intervalS: 1800,
      ahtS: 180,
      target: { kind: 'asa', asaS: 10 },
    };
    expect(requiredAgents(req).agents).toBe(14);
    expect(figuresWithAgents(req, 13).asa_s).toBeGreaterThan(10);
  });

  it('a queue with no arrivals needs nobody; one at or over capacity never settles', () => {
    expect(requiredAgents({ arrivals: 0, intervalS: 1800, ahtS: 180, target: sl8020 })).toMatchObject({
      agents: 0,
      scheduled: 0,
    });
    expect(
      figuresWithAgents({ arrivals: 100, intervalS: 1800, ahtS: 180, target: sl8020 }, 10),
    ).toMatchObject({
      p_wait: 1,
      service_level: 0,
      asa_s: null,
      occupancy: 1,
    });
  });
});

/** P_n with 1/B(n, A) = P_n / A^n, exactly: P_0 = 1, P_n = A^n + n·P_(n−1) (the Erlang B recursion in integers). */
function exactWaitProbability(load: bigint, wanted: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  const scale = 10n ** 30n;
  let power = 1n;
  let p = 1n;
  for (let n = 1; n <= Math.max(...wanted); n++) {
    power *= load;
    p = power + BigInt(n) * p;
    if (wanted.includes(n)) {
      // C = n·A^n / (n·A^n + (n − A)(P_n − A^n)), as a fraction of two integers, to 30 decimals.
      const num = BigInt(n) * power;
      const den = num + (BigInt(n) - load) * (p - power);
      out.set(n, Number((num * scale) / den) / 1e30);
    }
  }
  return out;
}

describe('Erlang C at 10,000 erlangs', () => {
  // 200,000 calls in 30 min at AHT 90 s: A = 10,000 erlangs exactly.
  const req: StaffingRequest = { arrivals: 200_000, intervalS: 1800, ahtS: 90, target: sl8020 };
  const exact = exactWaitProbability(10_000n, [10_006, 10_007, 10_050, 10_300]);

  it('agrees with an exact rational computation to 12 significant digits', () => {
    for (const [n, c] of exact) {
      const f = figuresWithAgents(req, n);
      expect(Math.abs(f.p_wait - c) / c, `n = ${n}`).toBeLessThan(1e-12);
    }
  });

  it('needs exactly the agents the exact figures call for (80 % within 20 s)', () => {
    const sl = (n: number) => 1 - exact.get(n)! * Math.exp((-(n - 10_000) * 20) / 90);
    const r = requiredAgents(req);
    expect(r.agents).toBe(10_007);
    expect(sl(10_006)).toBeLessThan(0.8);
    expect(sl(10_007)).toBeGreaterThanOrEqual(0.8);
    expect(r.service_level).toBeCloseTo(sl(10_007), 12);
  });

  it('keeps Erlang B in logarithms far below the smallest double (A = 1, n = 1,000)', () => {
    // 1/B(n, 1) = n!·Σ_{k≤n} 1/k! = n!·e to double precision, so ln(1/B) = ln(1000!) + 1.
    let lnFactorial = 0;
    for (let k = 2; k <= 1000; k++) lnFactorial += Math.log(k);
    expect(new ErlangBTable(1).logInverse(1000)).toBeCloseTo(lnFactorial + 1, 9);
  });
});

/**
 * Erlang A computed the slow way, independently: the birth–death chain truncated at n + 60 states (the weights beyond are below 1e−40),
 * and the answered-within-T share and the mean wait of answered callers by integrating (RK4) the
 * chain a waiting caller goes through, started from the waiting states' probabilities.
 */
function bruteErlangA(n: number, aht: number, patience: number, lambda: number, targetS: number) {
  const mu = 1 / aht;
  const theta = 1 / patience;
  const weights = [1];
  for (let k = 1; k <= n + 60; k++)
    weights.push(weights[k - 1]! * (k <= n ? lambda / (k * mu) : lambda / (n * mu + (k - n) * theta)));
  const total = weights.reduce((s, w) => s + w, 0);
  const pi = weights.map((w) => w / total);
  const waiting = pi.slice(n);
  const pWait = waiting.reduce((s, p) => s + p, 0);
  const pAbandon = (theta * waiting.reduce((s, p, j) => s + j * p, 0)) / lambda;
  // f[k]: probability of waiting with k callers ahead; answered at rate n·mu from k = 0.
  const advance = (k: number) => n * mu + k * theta;
  const deriv = (f: number[]) =>
    f.map((v, k) => -(advance(k) + theta) * v + (k + 1 < f.length ? advance(k + 1) * f[k + 1]! : 0));
  let f = [...waiting];
  let answeredByT = 0;
  let answeredWaitSum = 0;
  const dt = 0.05;
  for (let t = 0; t < 40 * patience; t += dt) {
    const k1 = deriv(f);
    const k2 = deriv(f.map((v, i) => v + (dt / 2) * k1[i]!));
    const k3 = deriv(f.map((v, i) => v + (dt / 2) * k2[i]!));
    const k4 = deriv(f.map((v, i) => v + dt * k3[i]!));
    const next = f.map((v, i) => v + (dt / 6) * (k1[i]! + 2 * k2[i]! + 2 * k3[i]! + k4[i]!));
    const rate = (n * mu * (f[0]! + next[0]!)) / 2;
    if (t + dt <= targetS + 1e-9) answeredByT += rate * dt;
    answeredWaitSum += rate * dt * (t + dt / 2);
    f = next;
  }
  return {
    p_wait: pWait,
    p_abandon: pAbandon,
    service_level: 1 - pWait + answeredByT,
    asa_s: answeredWaitSum / (1 - pAbandon),
  };
}

describe('Erlang A', () => {
  it('matches the birth–death chain computed directly (3 agents, A = 2.5, AHT 100 s, patience 50 s)', () => {
    const req: StaffingRequest = { arrivals: 90, intervalS: 3600, ahtS: 100, patienceS: 50, target: sl8020 };
    const f = figuresWithAgents(req, 3);
    const brute = bruteErlangA(3, 100, 50, 90 / 3600, 20);
    expect(f.model).toBe('erlang_a');
    expect(f.p_wait).toBeCloseTo(brute.p_wait, 10);
    expect(f.p_abandon!).toBeCloseTo(brute.p_abandon, 10);
    expect(f.service_level).toBeCloseTo(brute.service_level, 6);
    expect(f.asa_s!).toBeCloseTo(brute.asa_s, 4);
  });

  it('tends to Erlang C as callers grow infinitely patient', () => {
    const base = { arrivals: 100, intervalS: 1800, ahtS: 180, target: sl8020 };
    const c = figuresWithAgents(base, 14);
    const a = figuresWithAgents({ ...base, patienceS: 1e9 }, 14);
    expect(a.p_wait).toBeCloseTo(c.p_wait, 6);
    expect(a.service_level).toBeCloseTo(c.service_level, 6);
    expect(a.asa_s!).toBeCloseTo(c.asa_s!, 4);
    expect(a.p_abandon!).toBeLessThan(1e-7);
  });

  it('stays finite when agents are far fewer than the load (everyone waits, half hang up)', () => {
    const f = figuresWithAgents(
      { arrivals: 200_000, intervalS: 1800, ahtS: 90, patienceS: 90, target: sl8020 },
      5000,
    );
    expect(f.p_wait).toBeCloseTo(1, 12);
    expect(f.p_abandon!).toBeCloseTo(0.5, 6);
    expect(f.occupancy).toBeCloseTo(1, 9);
  });
});

describe('staffing invariants', () => {
  const queue = fc.record({
    arrivals: fc.integer({ min: 1, max: 3000 }),
    intervalS: fc.constantFrom(900, 1800, 3600),
    ahtS: fc.integer({ min: 30, max: 900 }),
    withinS: fc.integer({ min: 0, max: 120 }),
    patienceS: fc.option(fc.integer({ min: 10, max: 1200 }), { nil: undefined }),
  });
  type Queue = typeof queue extends fc.Arbitrary<infer T> ? T : never;
  const request = (q: Queue) =>
    ({
      arrivals: q.arrivals,
      intervalS: q.intervalS,
      ahtS: q.ahtS,
      ...(q.patienceS !== undefined ? { patienceS: q.patienceS } : {}),
      target: { kind: 'service_level', level: 0.8, withinS: q.withinS },
    }) satisfies StaffingRequest;

  it('more agents never worsen the service level, the wait probability or the ASA', () => {
    fc.assert(
      fc.property(queue, fc.integer({ min: 1, max: 400 }), (q, n) => {
        const req = request(q);
        const now = figuresWithAgents(req, n);
        const more = figuresWithAgents(req, n + 1);
        // Up to rounding: the sums behind Erlang A reach e^(10^4) in heavy overload, kept as logarithms.
        expect(more.service_level).toBeGreaterThanOrEqual(now.service_level - 1e-10);
        expect(more.p_wait).toBeLessThanOrEqual(now.p_wait + 1e-10);
        if (now.asa_s !== null) expect(more.asa_s!).toBeLessThanOrEqual(now.asa_s + 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('the answer is the fewest agents that meet the target, and it never falls as the load grows', () => {
    fc.assert(
      fc.property(queue, fc.integer({ min: 0, max: 500 }), fc.constantFrom(0.8, 0.9, 1), (q, extra, cap) => {
        const req = { ...request(q), maxOccupancy: cap };
        const r = requiredAgents(req);
        expect(r.service_level).toBeGreaterThanOrEqual(0.8);
        expect(r.occupancy).toBeLessThanOrEqual(cap + 1e-12);
        if (r.agents > 1) {
          const fewer = figuresWithAgents(req, r.agents - 1);
          expect(fewer.service_level < 0.8 || fewer.occupancy > cap + 1e-12).toBe(true);
        }
        expect(requiredAgents({ ...req, arrivals: q.arrivals + extra }).agents).toBeGreaterThanOrEqual(
          r.agents,
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('shrinkage and bad input', () => {
  it('schedules ⌈n / (1 − s)⌉ agents, without rounding noise', () => {
    expect(scheduledHeadcount(40, 0.3)).toBe(58);
    expect(scheduledHeadcount(35, 0.3)).toBe(50);
    expect(scheduledHeadcount(7, 0)).toBe(7);
  });

  it('names the field it cannot accept', () => {
    const base: StaffingRequest = { arrivals: 10, intervalS: 1800, ahtS: 180, target: sl8020 };
    const field = (req: StaffingRequest) => {
      try {
        requiredAgents(req);
        return null;
      } catch (err) {
        return err instanceof StaffingInputError ? err.field : String(err);
      }
    };
    expect(field({ ...base, ahtS: 0 })).toBe('aht_s');
    expect(field({ ...base, arrivals: -1 })).toBe('arrivals');
    expect(field({ ...base, target: { kind: 'service_level', level: 1, withinS: 20 } })).toBe('target_sl');
    expect(field({ ...base, target: { kind: 'asa', asaS: 0 } })).toBe('target_asa_s');
    expect(field({ ...base, maxOccupancy: 1.2 })).toBe('max_occupancy');
    expect(field({ ...base, shrinkage: 1 })).toBe('shrinkage');
    expect(field({ ...base, patienceS: -5 })).toBe('patience_s');
  });
});
