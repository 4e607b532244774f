import { describe, expect, it } from 'vitest';
import { deriveStretches } from './agent-stretches.js';
import { statusRows, T0 } from './test-helpers.js';
import type { AgentStretch } from './types.js';

type Rows = (readonly [number, string])[];
const stretches = (rows: Rows) => deriveStretches('a1', statusRows('a1', rows));
/** A stretch written out by hand: minutes after T0, duration in seconds. */
const done = (from: number, to: number, duration_s: number, compliant: number): AgentStretch => ({
  agent_id: 'a1',
  start_at: T0 + from * 60_000,
  end_at: T0 + to * 60_000,
  duration_s,
  compliant,
});
const running = (from: number): AgentStretch => ({
  agent_id: 'a1',
  start_at: T0 + from * 60_000,
  end_at: null,
  duration_s: null,
  compliant: null,
});

describe('deriveStretches', () => {
  it('a break of 5 minutes or more and offline end a stretch; available and busy continue it', () => {
    const rows: Rows = [
      [0, 'available'],
      [20, 'busy'],
      [60, 'break'],
      [75, 'available'],
      [100, 'offline'],
    ];
    expect(stretches(rows)).toEqual([done(0, 60, 3600, 1), done(75, 100, 1500, 1)]);
  });

  it('a break shorter than 5 minutes does not end a stretch', () => {
    const rows: Rows = [
      [0, 'available'],
      [30, 'break'],
      [34, 'available'],
      [80, 'offline'],
    ];
    expect(stretches(rows)).toEqual([done(0, 80, 4800, 0)]);
  });

  it('a break of 4 min 59 s does not end a stretch either', () => {
    const rows: Rows = [
      [0, 'busy'],
      [30, 'break'],
      [34 + 59 / 60, 'available'],
      [60, 'offline'],
    ];
    expect(stretches(rows)).toEqual([done(0, 60, 3600, 1)]);
  });

  it('a break of exactly 5 minutes ends the stretch at the break start', () => {
    const rows: Rows = [
      [0, 'available'],
      [30, 'break'],
      [35, 'available'],
    ];
    expect(stretches(rows)).toEqual([done(0, 30, 1800, 1), running(35)]);
  });

  it('a break is measured from its first break status', () => {
    const rows: Rows = [
      [0, 'available'],
      [30, 'break'],
      [33, 'break'],
      [36, 'available'],
    ];
    expect(stretches(rows)).toEqual([done(0, 30, 1800, 1), running(36)]);
  });

  it('a stretch still running has no end, duration or compliance', () => {
    expect(
      stretches([
        [0, 'available'],
        [10, 'busy'],
      ]),
    ).toEqual([running(0)]);
  });

  it('exactly 70 minutes is compliant, 70 min 1 s is not', () => {
    expect(
      stretches([
        [0, 'available'],
        [70, 'offline'],
      ]),
    ).toEqual([done(0, 70, 4200, 1)]);
    const over = stretches([
      [0, 'available'],
      [70 + 1 / 60, 'offline'],
    ]);
    expect(over).toEqual([{ ...done(0, 70, 4201, 0), end_at: T0 + 4_201_000 }]);
  });

  it('offline ends a stretch at once; after a short break it ends at the break start', () => {
    const rows: Rows = [
      [0, 'busy'],
      [20, 'offline'],
      [21, 'available'],
      [50, 'break'],
      [52, 'offline'],
    ];
    expect(stretches(rows)).toEqual([done(0, 20, 1200, 1), done(21, 50, 1740, 1)]);
  });

  it('a break still running ends the stretch for now', () => {
    expect(
      stretches([
        [0, 'available'],
        [40, 'break'],
      ]),
    ).toEqual([done(0, 40, 2400, 1)]);
  });

  it('statuses before any work open no stretch', () => {
    expect(
      stretches([
        [0, 'break'],
        [5, 'offline'],
        [6, 'offline'],
      ]),
    ).toEqual([]);
    expect(
      stretches([
        [0, 'break'],
        [2, 'available'],
        [10, 'offline'],
      ]),
    ).toEqual([done(2, 10, 480, 1)]);
    expect(stretches([])).toEqual([]);
  });

  it('gives the same stretches whatever order the statuses arrive in', () => {
    const rows = statusRows('a1', [
      [0, 'available'],
      [20, 'busy'],
      [60, 'break'],
      [75, 'available'],
      [100, 'offline'],
    ]);
    expect(deriveStretches('a1', [...rows].reverse())).toEqual([
      done(0, 60, 3600, 1),
      done(75, 100, 1500, 1),
    ]);
  });
});
