import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../../test/support/auth.js';
import { type Desk, openDesk } from '../../../test/support/desk.js';
import { storeKinds } from '../../../test/support/stores.js';

/** Reads server-sent events from a streaming response until `until` holds or time runs out. */
async function readEvents(
  body: ReadableStream<Uint8Array>,
  until: (events: { event: string; data: string }[]) => boolean,
  timeoutMs = 10_000,
) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const events: { event: string; data: string }[] = [];
  let buffer = '';
  const deadline = Date.now() + timeoutMs;
  while (!until(events) && Date.now() < deadline) {
    const { value, done } = await Promise.race([
      reader.read(),
      new Promise<{ value: undefined; done: true }>((r) =>
        setTimeout(() => r({ value: undefined, done: true }), deadline - Date.now()),
      ),
    ]);
    if (done || !value) break;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event && data) events.push({ event, data });
      end = buffer.indexOf('\n\n');
    }
  }
  await reader.cancel();
  return events;
}

describe('live changes and the audit trail', () => {
  let d: Desk;
  let url = '';
  beforeAll(async () => {
    d = await openDesk(storeKinds[0]!);
    await d.app.listen({ port: 0, host: '127.0.0.1' });
    const address = d.app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => d.close());

  it('streams every changed ticket, from actions and from plain ingest alike, filtered by line', async () => {
    const res = await fetch(`${url}/api/v1/stream?line=1`, { headers: d.as.boris });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    await new Promise((r) => setTimeout(r, 300)); // the stream takes its starting position
    const created = await d.create('anna', { channel: 'phone', subject: 'Live' });
    const id = created.json().ticket.ticket_id;
    await d.act('anna', id, 'note', { text: 'typing' });
    // an integration writing raw events is seen too
    const ingest = await d.app.inject({
      method: 'POST',
      url: '/api/v1/events',
      headers: d.admin,
      payload: { id: 'ext-1', type: 'ticket.customer_replied', at: '2026-03-02T09:01:00Z', ticket_id: id },
    });
    expect(ingest.statusCode).toBe(200);
    // moved to line 2: told once (so a line-1 view drops it), then of no more interest to a line-1 stream
    await d.act('anna', id, 'assign', { assignee_id: 'boris' });
    await new Promise((r) => setTimeout(r, 1500));
    await d.act('boris', id, 'note', { text: 'on line 2 now' });
    const other = (await d.create('dima', { channel: 'chat', subject: 'Next' })).json().ticket.ticket_id;
    const events = await readEvents(
      res.body!,
      (ev) => ev.some((e) => JSON.parse(e.data).ticket_id === other),
      8000,
    );
    const changes = events.filter((e) => e.event === 'ticket').map((e) => JSON.parse(e.data));
    expect(
      changes.flatMap((c) => c.types.map((t: string) => `${c.ticket_id === id ? 'first' : 'other'} ${t}`)),
    ).toEqual([
      'first ticket.created',
      'first ticket.note',
      'first ticket.customer_replied',
      'first ticket.assigned',
      'other ticket.created',
    ]);
    expect(changes.at(-2)).toMatchObject({ ticket_id: id, line: 2, assignee_id: 'boris', version: 4 });
    expect(changes.at(-1)).toMatchObject({ ticket_id: other, line: 1, status: 'open', version: 1 });
  });

  it('refuses the stream to a caller without credentials', async () => {
    expect((await fetch(`${url}/api/v1/stream`)).status).toBe(401);
  });

  it('shows administrators who did what and when: the event log, newest first, and the account log', async () => {
    const id = (await d.create('dima', { channel: 'email', subject: 'Audited' })).json().ticket.ticket_id;
    d.clock.now = d.at(5);
    await d.act('dima', id, 'classify', { category: 'billing' });
    await d.act('boris', id, 'take');
    const res = await d.get('admin', `/api/v1/audit?ticket_id=${id}`);
    expect(res.statusCode).toBe(200);
    const entries = res.json().entries;
    expect(entries.map((e: { type: string; actor: string; at: string }) => [e.type, e.actor, e.at])).toEqual([
      ['ticket.assigned', 'boris', '2026-03-02T09:05:00.000Z'],
      ['ticket.classified', 'dima', '2026-03-02T09:05:00.000Z'],
      ['ticket.created', 'dima', '2026-03-02T09:00:00.000Z'],
    ]);
    expect(entries[1].event).toMatchObject({ category: 'billing', by: 'dima' });
    const page = (await d.get('admin', `/api/v1/audit?actor=dima&limit=1`)).json();
    expect(page.entries).toHaveLength(1);
    const next = (
      await d.get('admin', `/api/v1/audit?actor=dima&limit=1&before_seq=${page.next_before_seq}`)
    ).json();
    expect(next.entries[0].seq).toBeLessThan(page.entries[0].seq);
    expect((await d.get('sveta', '/api/v1/audit')).statusCode).toBe(403);

    await signIn(d.app, 'vera');
    const accounts = (await d.get('admin', '/api/v1/audit/accounts?user_id=vera')).json();
    expect(accounts[0]).toMatchObject({ action: 'sign_in', user_id: 'vera' });
  });
});
