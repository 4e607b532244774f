import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Stream } from '../../test/support/builder.js';
import { storeKinds } from '../../test/support/stores.js';
import { type ViewApp, viewApp } from '../../test/support/view-app.js';
import { median } from '../kpi/team-medians.js';

type Row = {
  agent_id: string;
  hours_worked: number;
  volume: { basis: string; count: number; per_hour: number | null };
  figures: Record<string, number | null>;
  csat: { mean_score: number | null };
};

for (const kind of storeKinds)
  describe.skipIf(!kind.available)(`GET /api/v1/agents (${kind.name})`, () => {
    let v: ViewApp;

    beforeAll(async () => {
      // 2026-03-02 (UTC), minutes after 08:00. Team t1: a1, a2, a3 on line 1 and their supervisor sup;
      // team t2: s1 on line 2.
      const s = new Stream(Date.parse('2026-03-02T08:00:00Z'), 'ag-');
      const profile = (
        agent_id: string,
        line: 1 | 2,
        team_id: string,
        role: 'agent' | 'supervisor' = 'agent',
      ) => s.add('agent.profile', 0, { agent_id, name: agent_id.toUpperCase(), line, team_id, role });
      profile('a1', 1, 't1');
      profile('a2', 1, 't1');
      profile('a3', 1, 't1');
      profile('sup', 1, 't1', 'supervisor');
      profile('s1', 2, 't2');
      const status = (agent_id: string, at: number, st: 'available' | 'break' | 'offline') =>
        s.add('agent.status', at, { agent_id, status: st });
      // a1: 08:00–09:00 and 09:10–10:10 (2 h, both stretches ≤ 70 min); a2: 08:00–09:05 and 09:15–09:40
      // (1.5 h, both compliant); a3: 08:00–12:00 (4 h, one stretch over 70 min); s1: 08:00–10:00 (2 h, over);
      // sup: 08:00–09:00 (1 h, compliant)
      status('a1', 0, 'available').add('agent.status', 60, { agent_id: 'a1', status: 'break' });
      status('a1', 70, 'available').add('agent.status', 130, { agent_id: 'a1', status: 'offline' });
      status('a2', 0, 'available').add('agent.status', 65, { agent_id: 'a2', status: 'break' });
      status('a2', 75, 'available').add('agent.status', 100, { agent_id: 'a2', status: 'offline' });
      status('a3', 0, 'available').add('agent.status', 240, { agent_id: 'a3', status: 'offline' });
      status('s1', 0, 'available').add('agent.status', 120, { agent_id: 's1', status: 'offline' });
      status('sup', 0, 'available').add('agent.status', 60, { agent_id: 'sup', status: 'offline' });
      // phone calls: a3 handles 600 s and 300 s, a1 300 s
      const call = (id: string, agent: string, at: number, talk_s: number, wrap_s: number) =>
        s
          .add('contact.offered', at, { contact_id: id, channel: 'phone' })
          .add('contact.queued', at, { contact_id: id })
          .add('contact.answered', at + 1, { contact_id: id, agent_id: agent })
          .add('contact.ended', at + 10, { contact_id: id, talk_s, hold_s: 0, wrap_s });
      call('c1', 'a3', 30, 450, 150);
      call('c2', 'a3', 45, 200, 100);
      call('c3', 'a1', 50, 240, 60);
      // T1: a1 answers in 30 min and solves it (FCR), rated 5. T2: a1 answers in 10 min, the customer writes
      // back, a1 solves it; reopened and solved again; rated 2.
      s.add('ticket.created', 60, { ticket_id: 'T1', channel: 'email', by: 'a1' })
        .add('ticket.replied', 90, { ticket_id: 'T1', by: 'a1', kind: 'solution' })
        .add('ticket.resolved', 91, { ticket_id: 'T1', by: 'a1' })
        .add('ticket.rated', 120, { ticket_id: 'T1', score: 5, via: 'link' });
      s.add('ticket.created', 60, { ticket_id: 'T2', channel: 'email', by: 'a1' })
        .add('ticket.replied', 70, { ticket_id: 'T2', by: 'a1', kind: 'comment' })
        .add('ticket.customer_replied', 80, { ticket_id: 'T2' })
        .add('ticket.replied', 100, { ticket_id: 'T2', by: 'a1', kind: 'solution' })
        .add('ticket.resolved', 101, { ticket_id: 'T2', by: 'a1' })
        .add('ticket.reopened', 180, { ticket_id: 'T2' })
        .add('ticket.resolved', 210, { ticket_id: 'T2', by: 'a1' })
        .add('ticket.rated', 240, { ticket_id: 'T2', score: 2, via: 'link' });
      // T3: a2 answers after 5 h (over e-mail's 4 h target) and escalates to line 2; s1 solves it.
      // T4: a2 answers in 20 min and solves it (FCR), rated 4.
      s.add('ticket.created', 60, { ticket_id: 'T3', channel: 'email', by: 'a2' })
        .add('ticket.replied', 360, { ticket_id: 'T3', by: 'a2', kind: 'comment' })
        .add('ticket.escalated', 365, { ticket_id: 'T3', to_line: 2, by: 'a2' })
        .add('ticket.assigned', 370, { ticket_id: 'T3', assignee_id: 's1', line: 2, by: 'a2' })
        .add('ticket.resolved', 420, { ticket_id: 'T3', by: 's1' });
      s.add('ticket.created', 60, { ticket_id: 'T4', channel: 'email', by: 'a2' })
        .add('ticket.replied', 80, { ticket_id: 'T4', by: 'a2', kind: 'solution' })
        .add('ticket.resolved', 81, { ticket_id: 'T4', by: 'a2' })
        .add('ticket.rated', 120, { ticket_id: 'T4', score: 4, via: 'link' });
      // T5: a3 answers in 30 min and hands it to s1 on line 2 (not an escalation); s1 solves it (FCR).
      s.add('ticket.created', 120, { ticket_id: 'T5', channel: 'email', by: 'a3' })
        .add('ticket.replied', 150, { ticket_id: 'T5', by: 'a3', kind: 'solution' })
        .add('ticket.assigned', 155, { ticket_id: 'T5', assignee_id: 's1', line: 2, by: 'a3' })
        .add('ticket.resolved', 180, { ticket_id: 'T5', by: 's1' });
      v = await viewApp(kind, s.events);
    });
    afterAll(() => v.close());

    const get = async (qs: string) => {
      const res = await v.get(`/api/v1/agents?from=2026-03-02&to=2026-03-02${qs}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as {
        agents: Row[];
        teams: { team_id: string; medians: Record<string, number | null> }[];
        ignored_filters: string[];
      };
    };

    it('gives every agent their figures, in one answer', async () => {
      const { agents } = await get('');
      const fig = (id: string) => agents.find((a) => a.agent_id === id)!;
      expect(agents.map((a) => a.agent_id)).toEqual(['a1', 'a2', 'a3', 's1', 'sup']);
      // a1: processed T1, T2 in 2 h; responses 30 and 10 min (both within 4 h); one call of 300 s;
      // FCR 1 of 2 (T2 had a dialogue), reopen 1 of 2, satisfied 1 of 2 (5 and 2: mean 3.5); no escalation
      // among its 2 first-line tickets; both stretches compliant
      expect(fig('a1')).toMatchObject({
        hours_worked: 2,
        volume: { basis: 'processed', count: 2, per_hour: 1 },
      });
      expect(fig('a1').csat.mean_score).toBe(3.5);
      expect(fig('a1').figures).toEqual({
        per_hour: 1,
        first_response: 1,
        handle_time: 300,
        fcr: 0.5,
        reopen: 0.5,
        csat: 0.5,
        escalation: 0,
        break_compliance: 1,
      });
      // a2: processed T3 (dispatched by escalation) and T4 in 1.5 h; 1 of 2 responses within target; FCR, reopen
      // and CSAT over T4 alone; 1 of 2 first-line tickets escalated
      expect(fig('a2').figures).toEqual({
        per_hour: 2 / 1.5,
        first_response: 0.5,
        handle_time: null,
        fcr: 1,
        reopen: 0,
        csat: 1,
        escalation: 0.5,
        break_compliance: 1,
      });
      // a3: dispatched T5 in 4 h; calls of 600 and 300 s; resolved nothing; its one stretch ran 4 h
      expect(fig('a3').figures).toEqual({
        per_hour: 0.25,
        first_response: 1,
        handle_time: 450,
        fcr: null,
        reopen: null,
        csat: null,
        escalation: 0,
        break_compliance: 0,
      });
      // s1 (line 2): volume is what it resolved (T3, T5) in 2 h; FCR 1 of 2 (T3 was escalated)
      expect(fig('s1')).toMatchObject({ volume: { basis: 'resolved', count: 2, per_hour: 1 } });
      expect(fig('s1').figures).toEqual({
        per_hour: 1,
        first_response: null,
        handle_time: null,
        fcr: 0.5,
        reopen: 0,
        csat: null,
        escalation: null,
        break_compliance: 0,
      });
      expect(fig('sup').figures.per_hour).toBe(0);
    });

    it('puts the median of each team beside every figure (supervisors left out)', async () => {
      const { teams } = await get('');
      // t1 over a1, a2, a3: per hour [1, 1.33, 0.25] → 1; AHT [300, 450] → 375; FCR [0.5, 1] → 0.75;
      // reopen [0.5, 0] → 0.25; CSAT [0.5, 1] → 0.75; escalation [0, 0.5, 0] → 0; breaks [1, 1, 0] → 1
      expect(teams).toEqual([
        {
          team_id: 't1',
          agents: 3,
          medians: {
            per_hour: 1,
            first_response: 1,
            handle_time: 375,
            fcr: 0.75,
            reopen: 0.25,
            csat: 0.75,
            escalation: 0,
            break_compliance: 1,
          },
        },
        {
          team_id: 't2',
          agents: 1,
          medians: {
            per_hour: 1,
            first_response: null,
            handle_time: null,
            fcr: 0.5,
            reopen: 0,
            csat: null,
            escalation: null,
            break_compliance: 0,
          },
        },
      ]);
    });

    it('chooses agents by team and cuts their work by the other filters', async () => {
      expect((await get('&team=t2')).agents.map((a) => a.agent_id)).toEqual(['s1']);
      // e-mail only: the calls drop out of AHT; stretches have no channel (said so)
      const email = await get('&channel=email');
      expect(email.agents.find((a) => a.agent_id === 'a1')!.figures.handle_time).toBeNull();
      expect(email.agents.find((a) => a.agent_id === 'a1')!.figures.fcr).toBe(0.5);
      expect(email.ignored_filters).toEqual(['channel']);
    });

    it('refuses bad parameters with a 400 naming them', async () => {
      for (const [qs, field] of [
        ['from=soon', 'from'],
        ['line=7', 'line'],
        ['by=agent', 'by'],
      ] as const) {
        const res = await v.get(`/api/v1/agents?${qs}`);
        expect(res.statusCode, qs).toBe(400);
        expect(JSON.stringify(res.json().error.details)).toContain(field);
      }
    });

    it('takes the median of the known values', () => {
      expect(median([3, null, 1, 2])).toBe(2);
      expect(median([4, 1, 3, 2])).toBe(2.5);
      expect(median([null, undefined])).toBeNull();
    });
  });
