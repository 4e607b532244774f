import type { DomainEventInput } from '../../src/domain/events.js';

/** Small deterministic PRNG (mulberry32) so a failing history can be replayed from its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A plausible mixed history: agents, calls that become tickets, replies, reassignments, escalations,
 * resolutions, reopens, ratings, statuses. Every event of a ticket follows its ticket.created in the list.
 */
export function randomHistory(seed: number, tickets: number, prefix = 'h'): DomainEventInput[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const base = Date.parse('2026-03-02T06:00:00Z');
  const iso = (ms: number) => new Date(ms).toISOString();
  const out: DomainEventInput[] = [];
  let n = 0;
  const id = () => `${prefix}-${seed}-${n++}`;
  const agents = ['a1', 'a2', 'a3', 'b1', 'b2', 'c1'];
  agents.forEach((a, i) => {
    out.push({
      id: id(),
      type: 'agent.profile',
      at: iso(base - 86_400_000),
      agent_id: a,
      line: i < 3 ? 1 : i < 5 ? 2 : 3,
      team_id: i < 3 ? 'l1' : i < 5 ? 'l2' : 'l3',
    });
  });
  for (let t = 0; t < tickets; t++) {
    const tid = `${prefix}-t${t}`;
    let at = base + Math.floor(r() * 30 * 86_400_000);
    const channel = pick(['phone', 'chat', 'email', 'email', 'web', 'social'] as const);
    let contactId: string | undefined;
    if ((channel === 'phone' || channel === 'chat') && r() < 0.8) {
      contactId = `${prefix}-c${t}`;
      out.push({
        id: id(),
        type: 'contact.offered',
        at: iso(at),
        contact_id: contactId,
        channel,
        customer: `cust${Math.floor(r() * 50)}`,
      });
      at += Math.floor(r() * 120_000);
      out.push({ id: id(), type: 'contact.queued', at: iso(at), contact_id: contactId });
      at += Math.floor(r() * 300_000);
      if (r() < 0.15) {
        out.push({ id: id(), type: 'contact.abandoned', at: iso(at), contact_id: contactId });
        continue;
      }
      out.push({
        id: id(),
        type: 'contact.answered',
        at: iso(at),
        contact_id: contactId,
        agent_id: pick(agents.slice(0, 3)),
      });
    }
    out.push({
      id: id(),
      type: 'ticket.created',
      at: iso(at),
      ticket_id: tid,
      channel,
      by: pick(agents.slice(0, 3)),
      ...(contactId ? { contact_id: contactId } : {}),
      ...(r() < 0.6 ? { category: pick(['billing', 'delivery', 'warranty']) } : {}),
      ...(r() < 0.3 ? { tags: [pick(['vip', 'refund', 'bug'])] } : {}),
      priority: pick(['low', 'normal', 'high', 'urgent'] as const),
    });
    const steps = Math.floor(r() * 7);
    let resolved = false;
    for (let s = 0; s < steps; s++) {
      at += Math.floor(r() * 8 * 3_600_000);
      const k = r();
      const by = pick(agents);
      if (k < 0.2)
        out.push({
          id: id(),
          type: 'ticket.replied',
          at: iso(at),
          ticket_id: tid,
          by,
          kind: pick(['comment', 'clarification', 'solution'] as const),
        });
      else if (k < 0.3) out.push({ id: id(), type: 'ticket.customer_replied', at: iso(at), ticket_id: tid });
      else if (k < 0.45)
        out.push({
          id: id(),
          type: 'ticket.assigned',
          at: iso(at),
          ticket_id: tid,
          assignee_id: pick(agents),
          team_id: pick(['l1', 'l2', 'l3']),
          line: pick([1, 2, 3] as const),
          mode: pick(['manual', 'auto'] as const),
          by,
        });
      else if (k < 0.52)
        out.push({
          id: id(),
          type: 'ticket.escalated',
          at: iso(at),
          ticket_id: tid,
          to_line: pick([2, 3] as const),
          reason: 'complex',
          by,
        });
      else if (k < 0.58)
        out.push({
          id: id(),
          type: 'ticket.reclassified',
          at: iso(at),
          ticket_id: tid,
          to: pick(['billing', 'delivery', 'warranty']),
          by,
        });
      else if (k < 0.62) out.push({ id: id(), type: 'ticket.note', at: iso(at), ticket_id: tid, by });
      else if (k < 0.66)
        out.push({
          id: id(),
          type: 'ticket.worked',
          at: iso(at),
          ticket_id: tid,
          agent_id: by,
          seconds: Math.floor(r() * 900),
        });
      else if (!resolved) {
        out.push({ id: id(), type: 'ticket.resolved', at: iso(at), ticket_id: tid, by });
        resolved = true;
      } else {
        out.push({ id: id(), type: 'ticket.reopened', at: iso(at), ticket_id: tid });
        resolved = false;
      }
    }
    if (resolved && r() < 0.3)
      out.push({
        id: id(),
        type: 'ticket.rated',
        at: iso(at + 3_600_000),
        ticket_id: tid,
        score: 1 + Math.floor(r() * 5),
        via: 'link',
      });
    if (contactId)
      out.push({
        id: id(),
        type: 'contact.ended',
        at: iso(at + 60_000),
        contact_id: contactId,
        talk_s: Math.floor(r() * 600),
        hold_s: 0,
        wrap_s: 30,
      });
  }
  for (const a of agents.slice(0, 3)) {
    let at = base;
    for (let i = 0; i < 20; i++) {
      at += Math.floor(r() * 90 * 60_000);
      out.push({
        id: id(),
        type: 'agent.status',
        at: iso(at),
        agent_id: a,
        status: pick(['available', 'busy', 'break', 'offline'] as const),
      });
    }
  }
  return out;
}
