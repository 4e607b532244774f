import type { z } from 'zod';
import type { CallSignal } from './call-signal.js';
import { firstLineCallEvent, firstLineSignals } from './firstline-format.js';
import { ZAMMAD_EVENTS, zammadCallEvent, zammadSignals } from './zammad-format.js';

export type PushFormat = 'firstline' | 'zammad';

export type ParsedPush =
  | { ok: true; format: PushFormat; signals: CallSignal[] }
  | { ok: false; format: PushFormat | null; issues: { field: string; message: string }[] };

const issuesOf = (err: z.ZodError) =>
  err.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));

/**
 * A PBX push in either format: Zammad's Generic CTI (`event` newCall / answer / hangup, `callId`) or
 * Firstline's own (`event` ringing / queued / answered / abandoned / ended, `call_id`). The format is told
 * by the event name, so a script written for Zammad works unchanged.
 */
export function parsePush(body: unknown, receivedAt: string): ParsedPush {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return {
      ok: false,
      format: null,
      issues: [{ field: '(body)', message: 'must be one call event object' }],
    };
  }
  const event = (body as { event?: unknown }).event;
  const name = typeof event === 'string' ? event.replace(/^"(.*)"$/, '$1') : event;
  if ((ZAMMAD_EVENTS as readonly unknown[]).includes(name)) {
    const r = zammadCallEvent.safeParse(body);
    return r.success
      ? { ok: true, format: 'zammad', signals: zammadSignals(r.data, receivedAt) }
      : { ok: false, format: 'zammad', issues: issuesOf(r.error) };
  }
  const r = firstLineCallEvent.safeParse(body);
  return r.success
    ? { ok: true, format: 'firstline', signals: firstLineSignals(r.data, receivedAt) }
    : { ok: false, format: 'firstline', issues: issuesOf(r.error) };
}
