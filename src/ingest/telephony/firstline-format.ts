import { z } from 'zod';
import { instant, seconds } from '../../domain/primitives.js';
import type { CallSignal } from './call-signal.js';

const text = z.string().trim().min(1).max(250);

/** Firstline's own call event: one stage of one call, with handle-time parts on `ended`. */
export const firstLineCallEvent = z.strictObject({
  call_id: text,
  event: z.enum(['ringing', 'queued', 'answered', 'abandoned', 'ended']),
  at: instant.optional(),
  from: z.string().max(100).optional(),
  to: z.string().max(100).optional(),
  direction: z.enum(['in', 'out']).default('in'),
  queue: text.optional(),
  agent_id: text.optional(),
  talk_s: seconds.optional(),
  hold_s: seconds.optional(),
  wrap_s: seconds.optional(),
});

export type FirstLineCallEvent = z.infer<typeof firstLineCallEvent>;

export function firstLineSignals(e: FirstLineCallEvent, receivedAt: string): CallSignal[] {
  return [
    {
      callId: e.call_id,
      stage: e.event,
      at: e.at ?? receivedAt,
      direction: e.direction,
      from: e.from,
      to: e.to,
      queue: e.queue,
      agent: e.agent_id,
      talk_s: e.talk_s,
      hold_s: e.hold_s,
      wrap_s: e.wrap_s,
    },
  ];
}
