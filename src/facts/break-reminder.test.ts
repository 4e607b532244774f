import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BREAK_DUE_S, breakStatus } from './break-reminder.js';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const MIN = 60_000;

describe('breakStatus', () => {
  it('working until the 60th minute of a stretch, overdue from it, over the limit past the 70th', () => {
    const input = {
      status: 'busy' as const,
      status_at: T0 + 30 * MIN,
      stretch: { start_at: T0, end_at: null },
    };
    expect(breakStatus(input, T0 + 59 * MIN)).toMatchObject({
      state: 'working',
      working_since: '2026-03-02T09:00:00.000Z',
      worked_s: 3540,
      break_due_at: '2026-03-02T10:00:00.000Z',
      over_limit: false,
    });
    expect(breakStatus(input, T0 + 60 * MIN)).toMatchObject({
      state: 'overdue',
      worked_s: 3600,
      over_limit: false,
    });
    expect(breakStatus(input, T0 + 70 * MIN)).toMatchObject({ state: 'overdue', over_limit: false });
    expect(breakStatus(input, T0 + 70 * MIN + 1000)).toMatchObject({ state: 'overdue', over_limit: true });
  });

  it('on a break: how long, and whether it is long enough (five minutes) to end the stretch', () => {
    const input = {
      status: 'break' as const,
      status_at: T0,
      stretch: { start_at: T0 - 65 * MIN, end_at: T0 },
    };
    expect(breakStatus(input, T0 + 4 * MIN)).toMatchObject({
      state: 'on_break',
      break_s: 240,
      break_counts: false,
    });
    expect(breakStatus(input, T0 + 5 * MIN)).toMatchObject({
      state: 'on_break',
      break_s: 300,
      break_counts: true,
    });
  });

  it('offline or never seen: offline', () => {
    expect(breakStatus({ status: 'offline', status_at: T0, stretch: null }, T0).state).toBe('offline');
    expect(breakStatus({ status: null, status_at: null, stretch: null }, T0).state).toBe('offline');
  });

  it('overdue exactly when the open stretch has lasted the due time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 * 3600 }), (s) => {
        const r = breakStatus(
          { status: 'available', status_at: T0, stretch: { start_at: T0, end_at: null } },
          T0 + s * 1000,
        );
        expect(r.state === 'overdue').toBe(s >= BREAK_DUE_S);
        expect(r.worked_s).toBe(s);
      }),
    );
  });
});
