// Properties of the KPI cuts on random histories (test/support/random-history.ts), seeds and sizes chosen by
// fast-check: rates are proportions, buckets, groups and halves of a period add up to the whole, and
// SQLite and PostgreSQL give the same report for the same events.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomHistory } from '../../test/support/random-history.js';
import { storeKinds } from '../../test/support/stores.js';
import { ingest } from '../ingest/ingest.js';
import type { Store } from '../store/store.js';
import { storeWith } from './cut-test-helpers.js';
import { computeKpis, type KpiReport } from './engine.js';
import { KPIS } from './registry.js';
import { DEFAULT_PARAMS, DIMENSIONS, type Dimension, type KpiId, type KpiQuery } from './types.js';

const ORIGIN = Date.parse('2026-02-26T00:00:00Z');
/** `now` far after every history, the same for a period and its halves. */
const NOW = Date.parse('2026-06-01T00:00:00Z');
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata'] as const;

/** Counts that are flows (items at an instant), so they add up over time; backlog is a stock. */
const FLOW_COUNTS: KpiId[] = ['tickets_created', 'contacts_offered', 'tickets_processed'];
const RATES = KPIS.filter((k) => k.kind === 'rate').map((k) => k.id);
const DURATIONS = KPIS.filter((k) => k.kind === 'duration').map((k) => k.id);
const NOT_TAG = DIMENSIONS.filter((d): d is Exclude<Dimension, 'tag'> => d !== 'tag');

type Obj = Record<string, unknown>;
const num = (v: unknown) => v as number;
const kpi = (r: KpiReport, id: KpiId) => r.kpis[id] as Obj;
const parts = (r: KpiReport, id: KpiId, key: 'series' | 'groups') =>
  (kpi(r, id)[key] as Obj[] | undefined) ?? [];
const sum = (xs: readonly Obj[], field: string) => xs.reduce((s, x) => s + num(x[field]), 0);

// fast-check favours small integers; without that bias most periods would miss most of a history
const history = fc.record({
  seed: fc.integer({ min: 0, max: 0x7fffffff }),
  tickets: fc.noBias(fc.integer({ min: 5, max: 150 })),
});

/** A period inside or around the histories (which span 2026-03-02 … early April), not aligned to midnight. */
const period = fc
  .record({
    fromHours: fc.noBias(fc.integer({ min: 0, max: 30 * 24 })),
    lengthHours: fc.noBias(fc.integer({ min: 2, max: 45 * 24 })),
    zone: fc.constantFrom(...ZONES),
  })
  .map(({ fromHours, lengthHours, zone }) => ({
    from: ORIGIN + fromHours * 3_600_000,
    to: ORIGIN + (fromHours + lengthHours) * 3_600_000,
    zone,
  }));

function cutOf(p: { from: number; to: number; zone: string }, over: Partial<KpiQuery> = {}): KpiQuery {
  return {
    from: p.from,
    to: p.to,
    bucket: null,
    by: null,
    filters: {},
    time: 'calendar',
    params: { ...DEFAULT_PARAMS },
    timeZone: p.zone,
    now: NOW,
    ...over,
  };
}

let histories = 0;
/** The most items a run saw, so a suite of nearly empty cuts cannot pass unnoticed. */
const seen = { created: 0, contacts: 0, resolved: 0 };
function note(r: KpiReport) {
  seen.created = Math.max(seen.created, num(kpi(r, 'tickets_created').value));
  seen.contacts = Math.max(seen.contacts, num(kpi(r, 'contacts_offered').value));
  seen.resolved = Math.max(seen.resolved, num(kpi(r, 'escalation').denominator));
}
async function storeOf(h: { seed: number; tickets: number }): Promise<Store> {
  return storeWith(randomHistory(h.seed, h.tickets, `p${++histories}`));
}

/** Every rate of every shown row is a proportion: 0 ≤ numerator ≤ denominator, value = n ÷ d or null. */
function expectProportions(r: KpiReport, label: string) {
  for (const id of RATES) {
    const v = kpi(r, id);
    for (const row of [v, ...parts(r, id, 'series'), ...parts(r, id, 'groups')]) {
      const n = num(row.numerator);
      const d = num(row.denominator);
      const where = `${label} ${id} ${String(row.key ?? row.label ?? 'total')}`;
      expect(Number.isInteger(n) && Number.isInteger(d), where).toBe(true);
      expect(n >= 0 && n <= d, `${where}: ${n}/${d}`).toBe(true);
      if (d === 0) expect(row.value, where).toBeNull();
      else {
        expect(row.value, where).toBe(n / d);
        expect(num(row.value) >= 0 && num(row.value) <= 1, where).toBe(true);
      }
    }
  }
  for (const id of DURATIONS) {
    for (const row of [kpi(r, id), ...parts(r, id, 'series'), ...parts(r, id, 'groups')]) {
      const where = `${label} ${id} ${String(row.key ?? row.label ?? 'total')}`;
      if (num(row.count) === 0)
        expect([row.mean_s, row.median_s, row.p90_s], where).toEqual([null, null, null]);
      else {
        expect(num(row.median_s) >= 0 && num(row.median_s) <= num(row.p90_s), where).toBe(true);
        expect(num(row.mean_s) >= 0, where).toBe(true);
      }
      if (row.within_target !== null)
        expect(num(row.within_target) >= 0 && num(row.within_target) <= 1, where).toBe(true);
    }
  }
}

/** The additive figures of a report: flow counts, rate numerators and denominators, duration counts. */
function additive(rows: (id: KpiId) => Obj[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id of FLOW_COUNTS) out[id] = sum(rows(id), 'value');
  for (const id of RATES) {
    out[`${id}.numerator`] = sum(rows(id), 'numerator');
    out[`${id}.denominator`] = sum(rows(id), 'denominator');
  }
  for (const id of DURATIONS) {
    out[`${id}.count`] = sum(rows(id), 'count');
    out[`${id}.pending`] = sum(rows(id), 'pending');
  }
  return out;
}
const totals = (r: KpiReport) => additive((id) => [kpi(r, id)]);

describe('KPI properties on random histories', () => {
  it('rates are proportions; day buckets and the two halves of a period add up to the whole', async () => {
    await fc.assert(
      fc.asyncProperty(history, period, fc.double({ min: 0, max: 1, noNaN: true }), async (h, p, cutAt) => {
        const store = await storeOf(h);
        try {
          const whole = await computeKpis(store, cutOf(p, { bucket: 'day' }));
          note(whole);
          expectProportions(whole, 'day buckets');
          // day buckets
          const series = additive((id) => parts(whole, id, 'series'));
          expect(series).toEqual(totals(whole));
          // halves: [from, mid) + [mid, to) = [from, to)
          const mid = p.from + Math.max(1, Math.floor((p.to - p.from - 1) * cutAt));
          const a = totals(await computeKpis(store, cutOf({ ...p, to: mid })));
          const b = totals(await computeKpis(store, cutOf({ ...p, from: mid })));
          const halves = Object.fromEntries(Object.keys(a).map((k) => [k, (a[k] ?? 0) + (b[k] ?? 0)]));
          expect(halves).toEqual(totals(whole));
        } finally {
          await store.close();
        }
      }),
      { numRuns: 25 },
    );
    expect(seen.created).toBeGreaterThan(30);
    expect(seen.contacts).toBeGreaterThan(10);
    expect(seen.resolved).toBeGreaterThan(10);
  });

  it('group-by totals equal the ungrouped total for every dimension but tag', async () => {
    await fc.assert(
      fc.asyncProperty(history, period, async (h, p) => {
        const store = await storeOf(h);
        try {
          const whole = await computeKpis(store, cutOf(p));
          const expected = totals(whole);
          const backlog = num(kpi(whole, 'backlog').value);
          for (const by of NOT_TAG) {
            const grouped = await computeKpis(store, cutOf(p, { by }));
            expectProportions(grouped, `by ${by}`);
            // the grouped report's own totals are those of the ungrouped one
            expect(totals(grouped), `totals by ${by}`).toEqual(expected);
            // groups add up (a KPI that cannot be cut by the dimension shows no groups: its total stands)
            const sums = additive((id) =>
              kpi(grouped, id).groups === undefined ? [kpi(grouped, id)] : parts(grouped, id, 'groups'),
            );
            expect(sums, `groups by ${by}`).toEqual(expected);
            expect(sum(parts(grouped, 'backlog', 'groups'), 'value'), `backlog by ${by}`).toBe(backlog);
          }
          // tag: a ticket with several tags stands in each of their groups, never in fewer than one
          const byTag = await computeKpis(store, cutOf(p, { by: 'tag' }));
          expectProportions(byTag, 'by tag');
          // ...but the report's own totals count each item once (contacts reach tags through a join)
          expect(totals(byTag), 'totals by tag').toEqual(expected);
          for (const id of FLOW_COUNTS)
            expect(sum(parts(byTag, id, 'groups'), 'value')).toBeGreaterThanOrEqual(
              num(kpi(whole, id).value),
            );
        } finally {
          await store.close();
        }
      }),
      { numRuns: 20 },
    );
  });
});

/** Replaces in `b` every non-integer number within 1e-9 (relative) of the one at the same place in `a`. */
function alignFloats(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a === b || Number.isInteger(a) || Number.isInteger(b)) return b;
    return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) ? a : b;
  }
  if (Array.isArray(a) && Array.isArray(b)) return b.map((x, i) => alignFloats(a[i], x));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const out: Obj = {};
    for (const [k, x] of Object.entries(b as Obj)) out[k] = alignFloats((a as Obj)[k], x);
    return out;
  }
  return b;
}

const pgKind = storeKinds.find((k) => k.name === 'postgres')!;

describe.skipIf(!pgKind.available)('KPI properties: SQLite and PostgreSQL agree', () => {
  let sqlite: Store;
  let pg: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await pgKind.fresh();
    dispose = fresh.dispose;
    pg = await fresh.open();
    sqlite = await storeWith([]);
  });
  afterAll(async () => {
    await pg?.close();
    await sqlite?.close();
    await dispose?.();
  });

  it('the same events give the same report on both stores, for any cut', async () => {
    // both stores accumulate the same histories run after run, so every comparison covers all of them
    await fc.assert(
      fc.asyncProperty(
        history,
        period,
        fc.constantFrom(null, ...DIMENSIONS),
        fc.constantFrom(null, 'day', 'week', 'month'),
        fc.constantFrom<KpiQuery['filters']>(
          {},
          { channel: ['phone', 'chat'] },
          { line: ['1'] },
          { tag: ['vip', 'bug'] },
          { category: ['billing'] },
          { team: ['l2'] },
        ),
        async (h, p, by, bucket, filters) => {
          const events = randomHistory(h.seed, Math.min(h.tickets, 100), `pg${++histories}`);
          await ingest(sqlite, events);
          await ingest(pg, events);
          const q = cutOf(p, { by, bucket: bucket as KpiQuery['bucket'], filters });
          const [a, b] = [await computeKpis(sqlite, q), await computeKpis(pg, q)];
          expect(alignFloats(a, b)).toEqual(a);
        },
      ),
      { numRuns: 12 },
    );
  });
});
