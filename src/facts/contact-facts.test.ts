import { describe, expect, it } from 'vitest';
import { deriveContactFacts } from './contact-facts.js';
import { contactRows, type Row, T0 } from './test-helpers.js';
import type { ContactFacts } from './types.js';

function derive(rows: readonly Row[]): ContactFacts {
  const f = deriveContactFacts(contactRows('c1', rows));
  if (!f) throw new Error('no contact.offered');
  return f;
}
const offered = (channel = 'phone', extra: Record<string, unknown> = {}): Row => [
  0,
  'contact.offered',
  { channel, ...extra },
];

describe('deriveContactFacts', () => {
  it('is null until contact.offered is known', () => {
    expect(deriveContactFacts(contactRows('c1', [[2, 'contact.answered', { agent_id: 'a1' }]]))).toBe(null);
  });

  it('an answered call: wait from the first ring (IVR included), handle parts from contact.ended', () => {
    expect(
      derive([
        offered('phone', { customer: '+79001234567', queue: 'ivr' }),
        [1, 'contact.queued', { queue: 'sales' }],
        [2, 'contact.answered', { agent_id: 'a1' }],
        [10, 'contact.ended', { talk_s: 400, hold_s: 60, wrap_s: 30, ticket_id: 't9' }],
      ]),
    ).toEqual({
      contact_id: 'c1',
      channel: 'phone',
      live: 1,
      queue: 'sales',
      customer: '+79001234567',
      ticket_id: 't9',
      agent_id: 'a1',
      offered_at: T0,
      queued_at: T0 + 60_000,
      answered_at: T0 + 120_000,
      abandoned_at: null,
      ended_at: T0 + 600_000,
      outcome: 'answered',
      wait_s: 120,
      abandon_wait_s: null,
      talk_s: 400,
      hold_s: 60,
      wrap_s: 30,
      handle_s: 490,
      negative_clamped: 0,
      last_event_at: T0 + 600_000,
    });
  });

  it('an abandon after queueing measures its wait from the queue entry', () => {
    const f = derive([offered('chat'), [1, 'contact.queued', {}], [1 + 4 / 60, 'contact.abandoned', {}]]);
    expect(f).toMatchObject({
      outcome: 'abandoned',
      live: 1,
      queue: null,
      abandoned_at: T0 + 64_000,
      abandon_wait_s: 4,
      wait_s: null,
      answered_at: null,
      agent_id: null,
    });
  });

  it('an abandon without contact.queued measures its wait from arrival', () => {
    expect(derive([offered(), [0.5, 'contact.abandoned', {}]])).toMatchObject({
      outcome: 'abandoned',
      queued_at: null,
      abandon_wait_s: 30,
    });
  });

  it('a live contact that ended unanswered without contact.abandoned is self-served (IVR)', () => {
    expect(derive([offered(), [3, 'contact.ended', {}]])).toMatchObject({
      outcome: 'self_served',
      wait_s: null,
      abandon_wait_s: null,
      abandoned_at: null,
      ended_at: T0 + 180_000,
      talk_s: 0,
      hold_s: 0,
      wrap_s: 0,
      handle_s: 0,
    });
  });

  it('a queued contact that ended without answer or contact.abandoned is still self-served (SPEC §3)', () => {
    const f = derive([offered(), [1, 'contact.queued', {}], [4, 'contact.ended', {}]]);
    expect(f).toMatchObject({ outcome: 'self_served', queued_at: T0 + 60_000, abandon_wait_s: null });
  });

  it.each<[string, Row[]]>([
    ['offered only', [offered()]],
    ['waiting in the queue', [offered('chat'), [1, 'contact.queued', {}]]],
  ])('a live contact still in progress is pending: %s', (_name, rows) => {
    expect(derive(rows)).toMatchObject({ outcome: 'pending', wait_s: null, handle_s: null });
  });

  it.each(['email', 'social', 'web', 'other'])('a %s contact is received, not live', (channel) => {
    expect(derive([offered(channel), [5, 'contact.ended', {}]])).toMatchObject({
      outcome: 'received',
      live: 0,
      channel,
    });
  });

  it('an answer wins over an abandon recorded for the same contact', () => {
    const f = derive([
      offered(),
      [1, 'contact.queued', {}],
      [2, 'contact.abandoned', {}],
      [3, 'contact.answered', { agent_id: 'a2' }],
    ]);
    expect(f).toMatchObject({
      outcome: 'answered',
      abandoned_at: null,
      abandon_wait_s: null,
      wait_s: 180,
      agent_id: 'a2',
    });
  });

  it('the first answer names the agent; the last contact.ended gives the handle parts', () => {
    const f = derive([
      offered(),
      [2, 'contact.answered', { agent_id: 'a1' }],
      [5, 'contact.answered', { agent_id: 'a2' }],
      [10, 'contact.ended', { talk_s: 100 }],
      [12, 'contact.ended', { talk_s: 200, wrap_s: 10 }],
    ]);
    expect(f).toMatchObject({
      agent_id: 'a1',
      wait_s: 120,
      ended_at: T0 + 720_000,
      talk_s: 200,
      handle_s: 210,
    });
  });

  it('the latest link names the ticket', () => {
    expect(derive([offered('phone', { ticket_id: 't0' })]).ticket_id).toBe('t0');
    const f = derive([
      offered(),
      [5, 'contact.linked', { ticket_id: 't1' }],
      [6, 'contact.linked', { ticket_id: 't2' }],
    ]);
    expect(f).toMatchObject({ ticket_id: 't2', last_event_at: T0 + 360_000 });
  });

  it('gives the same facts whatever order the events arrive in', () => {
    const rows = contactRows('c1', [
      offered(),
      [1, 'contact.queued', { queue: 'q2' }],
      [2, 'contact.answered', { agent_id: 'a1' }],
      [9, 'contact.ended', { talk_s: 300 }],
    ]);
    const f = deriveContactFacts([...rows].reverse());
    expect(f).toEqual(deriveContactFacts(rows));
    expect(f).toMatchObject({ queue: 'q2', wait_s: 120, handle_s: 300, last_event_at: T0 + 540_000 });
  });

  it('clamps a negative wait to 0 and reports it', () => {
    expect(derive([offered(), [-1, 'contact.answered', { agent_id: 'a1' }]])).toMatchObject({
      wait_s: 0,
      negative_clamped: 1,
      last_event_at: T0,
    });
    expect(derive([offered(), [2, 'contact.queued', {}], [1, 'contact.abandoned', {}]])).toMatchObject({
      abandon_wait_s: 0,
      negative_clamped: 1,
    });
  });
});
