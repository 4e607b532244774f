import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ContactEvent, domainEvent } from '../../domain/events.js';
import { deriveContactFacts } from '../../facts/contact-facts.js';
import type { Sequenced } from '../../facts/sequenced.js';
import type { CallSignal } from './call-signal.js';
import { planCallEvents } from './plan-call-events.js';

const at = (s: number) => new Date(Date.parse('2026-03-02T09:00:00Z') + s * 1000).toISOString();
const sig = (stage: CallSignal['stage'], s: number, extra: Partial<CallSignal> = {}): CallSignal => ({
  callId: 'c-1',
  stage,
  at: at(s),
  direction: 'in',
  ...extra,
});

/** Feeds the signals one push at a time, as the server does, and derives the contact's facts. */
function replay(pushes: readonly CallSignal[][]) {
  const stored: Sequenced<ContactEvent>[] = [];
  for (const push of pushes) {
    const { events: planned } = planCallEvents(
      push,
      stored.map((s) => ({ id: s.event.id, type: s.event.type, at: s.event.at })),
      { customer: '+79123456789' },
    );
    for (const e of planned) {
      const event = domainEvent.parse(e) as ContactEvent;
      stored.push({ seq: stored.length + 1, at: Date.parse(event.at), event });
    }
  }
  return { stored, facts: deriveContactFacts(stored) };
}

const answered = [
  sig('ringing', 0, { queue: 'support' }),
  sig('queued', 20, { queue: 'support' }),
  sig('answered', 50, { agent: 'anna' }),
  sig('ended', 350, { talk_s: 300, hold_s: 20, wrap_s: 40 }),
];
const unanswered = [sig('ringing', 0), sig('queued', 20), sig('ended', 23)];

describe('planCallEvents', () => {
  it('records each stage once, with ids from the call id and the stage', () => {
    const { stored, facts } = replay(answered.map((s) => [s]));
    expect(stored.map((s) => s.event.id)).toEqual([
      'call:c-1:offered',
      'call:c-1:queued',
      'call:c-1:answered',
      'call:c-1:ended',
    ]);
    expect(facts).toMatchObject({
      contact_id: 'call-c-1',
      channel: 'phone',
      customer: '+79123456789',
      queue: 'support',
      outcome: 'answered',
      agent_id: 'anna',
      wait_s: 50,
      handle_s: 360,
    });
  });

  it('a hang-up after the queue entry without an answer is an abandon at the hang-up', () => {
    const { facts } = replay(unanswered.map((s) => [s]));
    expect(facts).toMatchObject({ outcome: 'abandoned', abandon_wait_s: 3 });
  });

  it('a hang-up in the IVR (never queued) is self-served, not an abandon', () => {
    const { facts } = replay([[sig('ringing', 0)], [sig('ended', 30)]]);
    expect(facts?.outcome).toBe('self_served');
  });

  it('talk time not given runs from the answer to the hang-up', () => {
    const { facts } = replay([
      [sig('ringing', 0)],
      [sig('answered', 10, { agent: 'a' })],
      [sig('ended', 70)],
    ]);
    expect(facts).toMatchObject({ talk_s: 60, hold_s: 0, wrap_s: 0, handle_s: 60 });
  });

  it('a repeated push plans nothing', () => {
    const { stored } = replay([[answered[0]!], [answered[0]!], [{ ...answered[0]!, at: at(5) }]]);
    expect(stored).toHaveLength(1);
  });

  it('any order of arrival, with repeats, gives the facts of the in-order call', () => {
    for (const call of [answered, unanswered]) {
      const expected = replay(call.map((s) => [s])).facts;
      fc.assert(
        fc.property(
          fc.shuffledSubarray(call, { minLength: call.length, maxLength: call.length }),
          fc.array(fc.nat(call.length - 1), { maxLength: 3 }),
          (order, repeats) => {
            const pushes = [...order, ...repeats.map((i) => call[i]!)].map((s) => [s]);
            expect(replay(pushes).facts).toEqual(expected);
          },
        ),
        { numRuns: 200 },
      );
    }
  });
});
