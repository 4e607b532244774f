import { z } from 'zod';
import type { CallSignal } from './call-signal.js';

export const ZAMMAD_EVENTS = ['newCall', 'answer', 'hangup'] as const;

/** `curl --form 'event="hangup"'` as printed in Zammad's examples may leave the quotes in: they are no part of the value. */
const unquote = (v: string) => v.trim().replace(/^"(.*)"$/s, '$1');
const value = z
  .union([z.string(), z.number()])
  .transform((v) => unquote(String(v)))
  .pipe(z.string().max(250));
const list = z
  .union([value, z.array(value)])
  .transform((v) => (Array.isArray(v) ? v : [v]).filter((x) => x.length > 0));

/**
 * Zammad's Generic CTI push (newCall, answer, hangup). Form bodies name the list `user[]`, JSON bodies
 * `user` (a string or an array); the fields a PBX adds beyond these are ignored, as Zammad ignores them.
 */
export const zammadCallEvent = z
  .object({
    event: z.enum(ZAMMAD_EVENTS),
    callId: value.pipe(z.string().min(1, 'must not be empty')),
    from: value.optional(),
    to: value.optional(),
    direction: value.pipe(z.enum(['in', 'out'])).default('in'),
    user: list.optional(),
    'user[]': list.optional(),
    queue: value.optional(),
    cause: value.optional(),
    answeringNumber: value.optional(),
  })
  .transform(({ 'user[]': bracketed, user, ...rest }) => ({
    ...rest,
    users: [...(user ?? []), ...(bracketed ?? [])],
  }));

export type ZammadCallEvent = z.infer<typeof zammadCallEvent>;

/**
 * Zammad's pushes carry no time: the moment the server receives one is when it happened. A new call
 * rings at the agents, so the caller is already waiting for a live agent: it is offered and queued at once.
 */
export function zammadSignals(e: ZammadCallEvent, receivedAt: string): CallSignal[] {
  const common = {
    callId: e.callId,
    at: receivedAt,
    direction: e.direction as 'in' | 'out',
    from: e.from || undefined,
    to: e.to || undefined,
    queue: e.queue || undefined,
  };
  const agent = e.answeringNumber || e.users[0] || undefined;
  switch (e.event) {
    case 'newCall':
      return [
        { ...common, stage: 'ringing', ringing: e.users },
        { ...common, stage: 'queued' },
      ];
    case 'answer':
      return [{ ...common, stage: 'answered', agent }];
    case 'hangup':
      return [
        {
          ...common,
          stage: 'ended',
          agent,
          connected: e.cause === 'normalClearing' || e.cause === 'forwarded',
        },
      ];
  }
}
