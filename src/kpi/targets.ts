import { z } from 'zod';
import { CHANNELS, PRIORITIES } from '../domain/primitives.js';
import type { Thresholds } from './reducers.js';
import type { KpiId, Tier } from './types.js';

const H = 3600;
const M = 60;

const durationTarget = z.strictObject({
  channel: z.enum([...CHANNELS, '*']).default('*'),
  priority: z.enum([...PRIORITIES, '*']).default('*'),
  excellent_s: z.number().positive(),
  good_s: z.number().positive(),
  satisfactory_s: z.number().positive(),
});
export type DurationTarget = z.infer<typeof durationTarget>;

const rateTarget = z.strictObject({
  direction: z.enum(['higher', 'lower']),
  excellent: z.number().min(0).max(1),
  good: z.number().min(0).max(1),
  satisfactory: z.number().min(0).max(1),
});
export type RateTarget = z.infer<typeof rateTarget>;

export const DURATION_TARGET_KPIS = ['first_response', 'time_to_assign', 'resolution', 'wait'] as const;
export type DurationTargetKpi = (typeof DURATION_TARGET_KPIS)[number];
export const RATE_TARGET_KPIS = [
  'abandonment',
  'fcr',
  'l1_resolution',
  'correct_classification',
  'correct_assignment',
  'escalation',
  'reopen',
  'csat',
  'rated',
  'callback',
  'break_compliance',
] as const;
export type RateTargetKpi = (typeof RATE_TARGET_KPIS)[number];

export const targetSettings = z
  .strictObject({
    durations: z.strictObject(
      Object.fromEntries(DURATION_TARGET_KPIS.map((k) => [k, z.array(durationTarget).max(200)])) as Record<
        DurationTargetKpi,
        z.ZodArray<typeof durationTarget>
      >,
    ),
    rates: z.strictObject(
      Object.fromEntries(RATE_TARGET_KPIS.map((k) => [k, rateTarget])) as Record<
        RateTargetKpi,
        typeof rateTarget
      >,
    ),
  })
  .superRefine((t, ctx) => {
    for (const [kpi, list] of Object.entries(t.durations)) {
      list.forEach((d, i) => {
        if (!(d.excellent_s <= d.good_s && d.good_s <= d.satisfactory_s)) {
          ctx.addIssue({
            code: 'custom',
            path: ['durations', kpi, i],
            message: 'must satisfy excellent_s ≤ good_s ≤ satisfactory_s',
          });
        }
      });
    }
    for (const [kpi, r] of Object.entries(t.rates)) {
      const ordered =
        r.direction === 'higher'
          ? r.excellent >= r.good && r.good >= r.satisfactory
          : r.excellent <= r.good && r.good <= r.satisfactory;
      if (!ordered)
        ctx.addIssue({
          code: 'custom',
          path: ['rates', kpi],
          message: `tiers must be ordered for "${r.direction} is better"`,
        });
    }
  });
export type TargetSettings = z.infer<typeof targetSettings>;

const d = (
  channel: DurationTarget['channel'],
  priority: DurationTarget['priority'],
  e: number,
  g: number,
  s: number,
): DurationTarget => ({
  channel,
  priority,
  excellent_s: e,
  good_s: g,
  satisfactory_s: s,
});
const hi = (e: number, g: number, s: number): RateTarget => ({
  direction: 'higher',
  excellent: e,
  good: g,
  satisfactory: s,
});
const lo = (e: number, g: number, s: number): RateTarget => ({
  direction: 'lower',
  excellent: e,
  good: g,
  satisfactory: s,
});

/**
 * Seed benchmarks (SPEC §4, Zendesk 2023) for first response by e-mail, social and chat, and the FCR band
 * 50–80 %; the other figures are Firstline's defaults, meant to be edited.
 */
export const DEFAULT_TARGETS: TargetSettings = {
  durations: {
    first_response: [
      d('email', '*', 1 * H, 4 * H, 12 * H),
      d('web', '*', 1 * H, 4 * H, 12 * H),
      d('other', '*', 1 * H, 4 * H, 12 * H),
      d('social', '*', 15 * M, 1 * H, 2 * H),
      d('chat', '*', 1 * M, 5 * M, 1 * H),
      d('phone', '*', 20, 1 * M, 5 * M),
    ],
    time_to_assign: [d('*', '*', 15 * M, 1 * H, 4 * H), d('*', 'urgent', 5 * M, 15 * M, 1 * H)],
    resolution: [
      d('*', '*', 4 * H, 24 * H, 72 * H),
      d('*', 'high', 2 * H, 8 * H, 24 * H),
      d('*', 'urgent', 1 * H, 4 * H, 8 * H),
    ],
    wait: [d('phone', '*', 10, 20, 60), d('chat', '*', 30, 60, 120)],
  },
  rates: {
    abandonment: lo(0.03, 0.05, 0.1),
    fcr: hi(0.8, 0.65, 0.5),
    l1_resolution: hi(0.75, 0.65, 0.5),
    correct_classification: hi(0.95, 0.9, 0.8),
    correct_assignment: hi(0.95, 0.9, 0.8),
    escalation: lo(0.15, 0.25, 0.35),
    reopen: lo(0.03, 0.06, 0.1),
    csat: hi(0.9, 0.8, 0.7),
    rated: hi(0.3, 0.2, 0.1),
    callback: hi(0.1, 0.05, 0.02),
    break_compliance: hi(0.95, 0.85, 0.7),
  },
};

const memo = new WeakMap<readonly DurationTarget[], Map<string, Thresholds | null>>();

/** The most specific policy for an item: channel and priority, then channel, then priority, then the default. */
export function thresholdsFor(
  list: readonly DurationTarget[],
  channel: string,
  priority: string | null,
): Thresholds | null {
  // Called once per item: a policy list has a handful of (channel, priority) answers, computed once each.
  let answers = memo.get(list);
  if (!answers) {
    answers = new Map();
    memo.set(list, answers);
  }
  const key = `${channel}\u0000${priority ?? ''}`;
  let found = answers.get(key);
  if (found === undefined) {
    found = matchThresholds(list, channel, priority);
    answers.set(key, found);
  }
  return found;
}

function matchThresholds(
  list: readonly DurationTarget[],
  channel: string,
  priority: string | null,
): Thresholds | null {
  let best: DurationTarget | undefined;
  let bestScore = -1;
  for (const t of list) {
    if (t.channel !== '*' && t.channel !== channel) continue;
    if (t.priority !== '*' && t.priority !== priority) continue;
    const score = (t.channel !== '*' ? 2 : 0) + (t.priority !== '*' ? 1 : 0);
    if (score > bestScore) {
      best = t;
      bestScore = score;
    }
  }
  return best ? [best.excellent_s, best.good_s, best.satisfactory_s] : null;
}

export function rateTier(value: number | null, t: RateTarget | undefined): Tier | null {
  if (value === null || !t) return null;
  const meets = (x: number) => (t.direction === 'higher' ? value >= x : value <= x);
  return meets(t.excellent)
    ? 'excellent'
    : meets(t.good)
      ? 'good'
      : meets(t.satisfactory)
        ? 'satisfactory'
        : 'poor';
}

export const isRateTargetKpi = (id: KpiId): id is RateTargetKpi =>
  (RATE_TARGET_KPIS as readonly string[]).includes(id);
export const isDurationTargetKpi = (id: KpiId): id is DurationTargetKpi =>
  (DURATION_TARGET_KPIS as readonly string[]).includes(id);
