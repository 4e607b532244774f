import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TICKET_FACT_COLUMNS } from '../store/columns.js';
import { FactTable } from '../store/fact-cache/fact-table.js';
import { type BucketUnit, bucketRanges } from '../time/buckets.js';
import { findRange, previousPeriod } from './aggregate.js';
import { buildFrame, forEachItem } from './frame.js';
import { cutDays } from './frame-days.js';
import { DEFAULT_PARAMS, type KpiQuery } from './types.js';

const HOUR = 3_600_000;
const BASE = Date.UTC(2026, 2, 20);
// half- and quarter-hour offsets, DST changes in March, and a zone far west
const ZONES = ['UTC', 'Europe/Moscow', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/St_Johns', 'Europe/Berlin'];
const instant = fc.oneof(
  fc.integer({ min: -20 * 24 * HOUR, max: 20 * 24 * HOUR }).map((d) => BASE + d),
  fc.integer({ min: -1800, max: 1800 }).map((k) => BASE + k * 900_000),
  fc.constant(null),
);
const row = fc.record({
  created_at: instant,
  first_response_at: instant,
  status: fc.constantFrom('open', 'closed', null),
  assignee_id: fc.constantFrom('a1', 'a2', null),
});

describe('frame items', () => {
  it('give each item the period, bucket and whole day of its own instant, whatever the zone', () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 300 }),
        fc.constantFrom(...ZONES),
        fc.integer({ min: -10 * 24 * HOUR, max: 10 * 24 * HOUR }),
        fc.integer({ min: 1, max: 12 * 24 * HOUR }),
        fc.constantFrom<BucketUnit | null>(null, 'hour', 'day', 'week'),
        fc.boolean(),
        fc.boolean(),
        (given, timeZone, offset, length, bucket, grouped, far) => {
          // a row eighty years away makes the time index fall back from quarter hours to whole UTC days
          const farRow = { created_at: BASE + 80 * 365 * 24 * HOUR, first_response_at: null, status: null };
          const rows = far ? [...given, { ...farRow, assignee_id: null }] : given;
          const table = new FactTable(TICKET_FACT_COLUMNS, 'ticket_id');
          const columns = ['created_at', 'first_response_at', 'status', 'assignee_id'];
          table.addColumns(columns);
          table.write(
            rows.map((r, i) => ({ ticket_id: `t${i}`, ...r })),
            columns,
            true,
          );
          const q: KpiQuery = {
            from: BASE + offset,
            to: BASE + offset + length,
            bucket,
            by: grouped ? 'agent' : null,
            filters: {},
            time: 'calendar',
            params: DEFAULT_PARAMS,
            timeZone,
            now: BASE + offset + length,
          };
          const refs = [
            { at: 'created_at' },
            { at: 'first_response_at', whenNull: 'created_at' },
            { at: 'created_at', onlyOpen: true },
          ];
          const frame = buildFrame(table, q, {
            refs,
            filters: [],
            groupColumn: grouped ? 'assignee_id' : null,
            rollupKey: 'k',
          });
          const from = previousPeriod(q).from;
          const days = cutDays(q);
          const ranges = bucket ? bucketRanges(q.from, q.to, bucket, timeZone) : [];
          expect(frame.bucketCount).toBe(ranges.length);
          const expected: string[] = [];
          refs.forEach((ref, r) => {
            rows.forEach((x, i) => {
              const at = x[ref.at as 'created_at'];
              if (at === null || at < from || at >= q.to) return;
              if (ref.whenNull && x[ref.whenNull as 'created_at'] !== null) return;
              if (ref.onlyOpen && x.status !== 'open') return;
              const current = at >= q.from ? 1 : 0;
              const b = current && ranges.length ? findRange(ranges, at) : 0;
              const group = grouped ? (x.assignee_id ?? '(none)') : '';
              expected.push(`${r} t${i} ${at} ${current} ${b} ${days.dayOf(at)} ${group}`);
            });
          });
          const actual: string[] = [];
          forEachItem(frame, (i, current, bucket, day) => {
            const group = grouped ? frame.groupKeys[frame.groupIds[i]!] : '';
            actual.push(
              `${frame.ref[i]} ${table.keyOf(frame.rows[i]!)} ${frame.at[i]} ${current} ${bucket} ${day} ${group}`,
            );
          });
          expect(actual.sort()).toEqual(expected.sort());
        },
      ),
      { numRuns: 150 },
    );
  });
});
