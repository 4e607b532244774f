import { describe, expect, it } from 'vitest';
import { type BucketUnit, bucketRanges, bucketStart, formatBucketLabel, nextBucketStart } from './buckets.js';

const at = (iso: string): number => Date.parse(iso);
const H = 3_600_000;
const BERLIN = 'Europe/Berlin';

function labelled(from: string, to: string, unit: BucketUnit, tz: string) {
  return bucketRanges(at(from), at(to), unit, tz).map((r) => ({
    label: formatBucketLabel(r.start, unit, tz),
    hours: (r.end - r.start) / H,
  }));
}

describe('day buckets', () => {
  it('start at local midnight', () => {
    expect(bucketStart(at('2026-03-16T22:30Z'), 'day', 'Europe/Moscow')).toBe(at('2026-03-16T21:00Z'));
    expect(bucketStart(at('2026-03-16T20:59:59.999Z'), 'day', 'Europe/Moscow')).toBe(at('2026-03-15T21:00Z'));
    expect(bucketStart(at('2026-03-16T03:00Z'), 'day', 'America/New_York')).toBe(at('2026-03-15T04:00Z'));
  });
  it('last 23 h and 25 h on DST days', () => {
    expect(labelled('2026-03-28T12:00Z', '2026-03-30T12:00Z', 'day', BERLIN)).toEqual([
      { label: '2026-03-28', hours: 11 },
      { label: '2026-03-29', hours: 23 },
      { label: '2026-03-30', hours: 14 },
    ]);
    const fall = bucketStart(at('2026-10-25T12:00Z'), 'day', BERLIN);
    expect(fall).toBe(at('2026-10-25T00:00+02:00'));
    expect(nextBucketStart(fall, 'day', BERLIN) - fall).toBe(25 * H);
  });
  it('start at the first real instant when midnight is skipped', () => {
    // Chile moved clocks from 00:00 to 01:00 on 2026-09-06.
    const start = bucketStart(at('2026-09-06T12:00Z'), 'day', 'America/Santiago');
    expect(start).toBe(at('2026-09-06T01:00-03:00'));
    expect(formatBucketLabel(start, 'day', 'America/Santiago')).toBe('2026-09-06');
  });
});

describe('week buckets', () => {
  it('start on Monday in the zone', () => {
    // Monday 00:30 in Moscow is still Sunday in UTC.
    expect(bucketStart(at('2026-03-01T21:30Z'), 'week', 'Europe/Moscow')).toBe(at('2026-03-02T00:00+03:00'));
    expect(bucketStart(at('2026-03-01T20:30Z'), 'week', 'Europe/Moscow')).toBe(at('2026-02-23T00:00+03:00'));
    expect(bucketStart(at('2026-03-29T20:00Z'), 'week', BERLIN)).toBe(at('2026-03-23T00:00+01:00'));
  });
  it('span 7 days less an hour over spring forward', () => {
    expect(labelled('2026-03-23T00:00+01:00', '2026-04-06T00:00+02:00', 'week', BERLIN)).toEqual([
      { label: '2026-W13', hours: 167 },
      { label: '2026-W14', hours: 168 },
    ]);
  });
  it('use ISO week-numbering years', () => {
    expect(formatBucketLabel(at('2025-12-29T00:00Z'), 'week', 'UTC')).toBe('2026-W01');
    expect(formatBucketLabel(at('2026-12-28T00:00Z'), 'week', 'UTC')).toBe('2026-W53');
    expect(bucketStart(at('2027-01-01T12:00Z'), 'week', 'UTC')).toBe(at('2026-12-28T00:00Z'));
    expect(formatBucketLabel(at('2027-01-04T00:00Z'), 'week', 'UTC')).toBe('2027-W01');
  });
});

describe('month buckets', () => {
  it('start on the first at local midnight', () => {
    expect(bucketStart(at('2026-03-31T22:30Z'), 'month', BERLIN)).toBe(at('2026-04-01T00:00+02:00'));
    expect(formatBucketLabel(at('2026-04-01T00:00+02:00'), 'month', BERLIN)).toBe('2026-04');
  });
  it('roll over the year and follow month lengths', () => {
    expect(labelled('2025-12-15T00:00Z', '2026-03-10T00:00Z', 'month', 'UTC')).toEqual([
      { label: '2025-12', hours: 17 * 24 },
      { label: '2026-01', hours: 31 * 24 },
      { label: '2026-02', hours: 28 * 24 },
      { label: '2026-03', hours: 9 * 24 },
    ]);
    const march = bucketStart(at('2026-03-15T00:00Z'), 'month', BERLIN);
    expect(nextBucketStart(march, 'month', BERLIN) - march).toBe((31 * 24 - 1) * H);
  });
});

describe('hour buckets', () => {
  it('skip the missing hour at spring forward', () => {
    expect(labelled('2026-03-29T00:00+01:00', '2026-03-29T05:00+02:00', 'hour', BERLIN)).toEqual([
      { label: '2026-03-29T00:00', hours: 1 },
      { label: '2026-03-29T01:00', hours: 1 },
      { label: '2026-03-29T03:00', hours: 1 },
      { label: '2026-03-29T04:00', hours: 1 },
    ]);
  });
  it('make the repeated hour two distinct buckets at fall back', () => {
    expect(labelled('2026-10-25T00:00+02:00', '2026-10-25T04:00+01:00', 'hour', BERLIN)).toEqual([
      { label: '2026-10-25T00:00', hours: 1 },
      { label: '2026-10-25T01:00', hours: 1 },
      { label: '2026-10-25T02:00+02:00', hours: 1 },
      { label: '2026-10-25T02:00+01:00', hours: 1 },
      { label: '2026-10-25T03:00', hours: 1 },
    ]);
    expect(bucketStart(at('2026-10-25T02:30+01:00'), 'hour', BERLIN)).toBe(at('2026-10-25T02:00+01:00'));
    expect(bucketStart(at('2026-10-25T02:30+02:00'), 'hour', BERLIN)).toBe(at('2026-10-25T02:00+02:00'));
  });
  it('follow local hours in half-hour zones', () => {
    expect(bucketStart(at('2026-03-29T10:45Z'), 'hour', 'Asia/Kolkata')).toBe(at('2026-03-29T16:00+05:30'));
    expect(formatBucketLabel(at('2026-03-29T10:30Z'), 'hour', 'Asia/Kolkata')).toBe('2026-03-29T16:00');
  });
  it('split at a half-hour DST change (Lord Howe, 2026-04-05)', () => {
    // Clocks go from 02:00 (+11) back to 01:30 (+10:30).
    const ranges = labelled(
      '2026-04-05T01:00+11:00',
      '2026-04-05T03:00+10:30',
      'hour',
      'Australia/Lord_Howe',
    );
    expect(ranges).toEqual([
      { label: '2026-04-05T01:00', hours: 1 },
      { label: '2026-04-05T01:30+10:30', hours: 0.5 },
      { label: '2026-04-05T02:00', hours: 1 },
    ]);
  });
});

describe('bucketRanges', () => {
  it('clips the first and last bucket', () => {
    expect(bucketRanges(at('2026-03-16T10:00Z'), at('2026-03-17T05:00Z'), 'day', 'UTC')).toEqual([
      { start: at('2026-03-16T10:00Z'), end: at('2026-03-17T00:00Z') },
      { start: at('2026-03-17T00:00Z'), end: at('2026-03-17T05:00Z') },
    ]);
  });
  it('is empty for an empty span', () => {
    expect(bucketRanges(at('2026-03-16T10:00Z'), at('2026-03-16T10:00Z'), 'hour', 'UTC')).toEqual([]);
    expect(bucketRanges(at('2026-03-16T10:00Z'), at('2026-03-16T09:00Z'), 'day', 'UTC')).toEqual([]);
  });
  it('rejects unknown zones', () => {
    expect(() => bucketStart(0, 'day', 'Nowhere/City')).toThrow(/unknown IANA time zone/);
  });
});
