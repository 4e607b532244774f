import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Desk, openDesk } from '../../../test/support/desk.js';
import { storeKinds } from '../../../test/support/stores.js';
import type { CallChange } from './call-changes.js';

/** Collects a stream's `call` events in the background until stopped. */
function follow(res: Response): { calls: CallChange[]; stop: () => Promise<void> } {
  const calls: CallChange[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const done = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done || !value) return;
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (/^event: call$/m.test(block) && data) calls.push(JSON.parse(data) as CallChange);
      }
    }
  })();
  return {
    calls,
    stop: async () => {
      await reader.cancel();
      await done;
    },
  };
}

const until = async (ok: () => boolean, ms = 10_000) => {
  for (const end = Date.now() + ms; !ok() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 50));
};

describe.each(storeKinds)('the screen pop: calls pushed on the live stream ($name)', (kind) => {
  let d: Desk;
  let url = '';
  beforeAll(async () => {
    d = await openDesk(kind);
    await d.app.listen({ port: 0, host: '127.0.0.1' });
    const address = d.app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => d.close());

  const push = (body: Record<string, unknown>) =>
    d.app.inject({ method: 'POST', url: '/api/v1/telephony/calls', payload: body, headers: d.admin });

  it('rings at the first line, follows the answering agent, tells the others the call was taken', async () => {
    const open = async (login: string) =>
      follow(await fetch(`${url}/api/v1/stream`, { headers: d.as[login] }));
    const anna = await open('anna'); // line 1, team desk
    const dima = await open('dima'); // line 1, team desk
    const boris = await open('boris'); // line 2, team apps
    const sveta = await open('sveta'); // supervisor
    await new Promise((r) => setTimeout(r, 300)); // the streams take their starting position

    expect((await push({ call_id: 'pop-1', event: 'ringing', from: '+7 912 345-67-89' })).statusCode).toBe(
      200,
    );
    await until(() => anna.calls.length > 0 && dima.calls.length > 0);
    for (const who of [anna, dima])
      expect(who.calls[0]).toMatchObject({
        call_id: 'pop-1',
        contact_id: 'call-pop-1',
        state: 'ringing',
        agent_id: null,
        number: '+79123456789',
      });

    // the call id pushed is the one the screen pop route takes
    const pop = await d.get('anna', `/api/v1/telephony/calls/${anna.calls[0]!.call_id}/popup`);
    expect(pop.json()).toMatchObject({ state: 'ringing', caller: { number: '+79123456789' } });

    await push({ call_id: 'pop-1', event: 'answered', agent_id: 'boris' });
    await until(() => boris.calls.length > 0 && anna.calls.length > 1 && dima.calls.length > 1);
    // line 2 heard no ring, but follows the call it answered; the first line learns it was taken
    expect(boris.calls.map((c) => c.state)).toEqual(['answered']);
    for (const who of [anna, dima])
      expect(who.calls.at(-1)).toMatchObject({ state: 'answered', agent_id: 'boris' });

    await push({ call_id: 'pop-1', event: 'ended', talk_s: 30 });
    await until(() => boris.calls.length > 1);
    expect(boris.calls.at(-1)).toMatchObject({ state: 'ended', agent_id: 'boris' });

    // a queue named like a team rings at that team's first line only (team apps has none: nobody here)
    await push({ call_id: 'pop-2', event: 'ringing', from: '+7 912 000-00-01', queue: 'apps' });
    // and team desk's first line hears its queue's calls
    await push({ call_id: 'pop-3', event: 'ringing', from: '+7 912 000-00-02', queue: 'desk' });
    // a queue that names no team rings at the whole first line
    await push({ call_id: 'pop-4', event: 'ringing', from: '+7 912 000-00-03', queue: 'support' });
    await until(() => ['pop-3', 'pop-4'].every((id) => anna.calls.some((c) => c.call_id === id)));
    await new Promise((r) => setTimeout(r, 1500)); // a poll more: nothing else arrives
    expect(anna.calls.map((c) => c.call_id)).not.toContain('pop-2');
    expect(anna.calls.find((c) => c.call_id === 'pop-3')).toMatchObject({ queue_team: 'desk' });
    expect(anna.calls.find((c) => c.call_id === 'pop-4')).toMatchObject({
      queue: 'support',
      queue_team: null,
    });
    expect(boris.calls.map((c) => c.call_id)).toEqual(['pop-1', 'pop-1']);
    // supervisors answer no phone
    expect(sveta.calls).toEqual([]);
    // a plain ticket change is no call
    await d.create('anna', { channel: 'chat', subject: 'not a call' });
    await new Promise((r) => setTimeout(r, 1500));
    expect(anna.calls.filter((c) => c.call_id === 'pop-3')).toHaveLength(1);
    for (const s of [anna, dima, boris, sveta]) await s.stop();
  }, 30_000);
});
