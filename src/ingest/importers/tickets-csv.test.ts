import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { computeKpis } from '../../kpi/engine.js';
import { kpiOf, kpiQuery } from '../../kpi/kpi-test-helpers.js';
import { adapterFor } from './formats.js';
import { ImportError, runImport } from './import-runner.js';
import {
  exampleMapping,
  memoryStore,
  storedEvents,
  tempFile,
  tempPath,
  withoutIds,
} from './import-test-helpers.js';
import { ticketsCsvMappingJsonSchema } from './tickets-csv-mapping.js';
import { MappingError } from './types.js';

const SAMPLE = fileURLToPath(new URL('../../../examples/samples/tickets.csv', import.meta.url));
const MAPPING = exampleMapping('tickets-csv.json');
const TEXT = readFileSync(SAMPLE, 'utf8');

const importTickets = async (store: Awaited<ReturnType<typeof memoryStore>>, file: string, skipBad = false) =>
  runImport(store, {
    file,
    adapter: await adapterFor('tickets-csv', MAPPING),
    ...(skipBad ? { skipBad, rejectsPath: tempPath('rejects.ndjson') } : {}),
  });

// examples/samples/tickets.csv written out by hand: Moscow is UTC+3, so 09:00 local is 06:00Z.
const EXPECTED = [
  {
    type: 'ticket.created',
    at: '2026-03-02T06:00:00.000Z',
    ticket_id: '1001',
    channel: 'email',
    priority: 'normal',
    category: 'Billing',
    subject: 'Refund not received',
    customer: 'alice@example.com',
    tags: ['refund', 'invoice'],
  },
  { type: 'ticket.replied', at: '2026-03-02T06:40:00.000Z', ticket_id: '1001', kind: 'comment', by: 'ann' },
  {
    type: 'ticket.assigned',
    at: '2026-03-02T06:05:00.000Z',
    ticket_id: '1001',
    assignee_id: 'ann',
    team_id: 'Service Desk',
    line: 1,
    mode: 'manual',
  },
  { type: 'ticket.resolved', at: '2026-03-02T08:00:00.000Z', ticket_id: '1001', by: 'ann', line: 1 },
  { type: 'ticket.closed', at: '2026-03-05T08:00:00.000Z', ticket_id: '1001' },
  { type: 'ticket.rated', at: '2026-03-02T08:00:00.000Z', ticket_id: '1001', score: 5, via: 'link' },
  {
    type: 'ticket.created',
    at: '2026-03-02T07:00:00.000Z',
    ticket_id: '1002',
    channel: 'phone',
    priority: 'high',
    category: 'Delivery',
    subject: 'Parcel late',
    customer: '+79990000001',
    tags: ['late'],
  },
  { type: 'ticket.replied', at: '2026-03-02T07:00:00.000Z', ticket_id: '1002', kind: 'comment', by: 'bob' },
  {
    type: 'ticket.assigned',
    at: '2026-03-02T07:02:00.000Z',
    ticket_id: '1002',
    assignee_id: 'bob',
    team_id: 'Logistics 2nd line',
    line: 2,
    mode: 'manual',
  },
  { type: 'ticket.resolved', at: '2026-03-03T13:00:00.000Z', ticket_id: '1002', by: 'bob', line: 2 },
  { type: 'ticket.rated', at: '2026-03-03T13:00:00.000Z', ticket_id: '1002', score: 1, via: 'link' },
  // 1003: nothing but its creation ("Offered" is no rating): every milestone stays pending
  {
    type: 'ticket.created',
    at: '2026-03-03T09:30:00.000Z',
    ticket_id: '1003',
    channel: 'web',
    subject: 'Cannot log in',
    customer: 'carol@example.com',
  },
];

describe('tickets-csv import', () => {
  it('the shipped JSON Schema is the one the mapping schema gives (regenerate it when this fails)', () => {
    const shipped = JSON.parse(readFileSync(exampleMapping('tickets-csv.schema.json'), 'utf8')) as unknown;
    expect(shipped).toEqual(ticketsCsvMappingJsonSchema());
  });

  it('turns each row into its ticket and one event per milestone; KPIs follow', async () => {
    const store = await memoryStore();
    const s = await importTickets(store, SAMPLE);
    const events = await storedEvents(store);
    expect(withoutIds(events)).toEqual(EXPECTED);
    expect(events[0]!.id).toBe('tickets-csv:1001:created');
    expect(events[1]!.id).toMatch(/^tickets-csv:1001:[0-9a-f]{16}$/);
    expect(s).toMatchObject({ rows_read: 3, rows_imported: 3, tickets_created: 3, events_written: 12 });
    const r = await computeKpis(store, kpiQuery(), [
      'first_response',
      'time_to_assign',
      'resolution',
      'csat',
    ]);
    // first response: 1001 40 min, 1002 0 s; 1003 pending
    expect(kpiOf(r, 'first_response')).toMatchObject({ count: 2, pending: 1, mean_s: 1200 });
    // assignment: 5 min and 2 min
    expect(kpiOf(r, 'time_to_assign')).toMatchObject({ count: 2, pending: 1, mean_s: 210 });
    // resolution: 2 h and 30 h
    expect(kpiOf(r, 'resolution')).toMatchObject({ count: 2, pending: 1, mean_s: (7200 + 108_000) / 2 });
    // CSAT: scores 5 and 1
    expect(kpiOf(r, 'csat')).toMatchObject({ mean_score: 3, numerator: 1, denominator: 2 });
    await store.close();
  });

  it('is idempotent, and an extended export adds only what is new', async () => {
    const store = await memoryStore();
    await importTickets(store, SAMPLE);
    const again = await importTickets(store, SAMPLE);
    expect(again).toMatchObject({ rows_read: 3, events_written: 0, tickets_created: 0, events_duplicate: 9 });
    // later: 1003 got its first reply and a new ticket 1004 came in
    const extended = TEXT.replace(
      '1003,2026-03-03 12:30,Web form,,,,carol@example.com,Cannot log in,,,,,,,Offered',
      '1003,2026-03-03 12:30,Web form,,,,carol@example.com,Cannot log in,2026-03-03 13:00,,cat,,,,Offered',
    ).concat('1004,2026-03-04 08:00,E-mail,Low,,,dan@example.com,Hello,,,,,,,\n');
    const s = await importTickets(store, tempFile('tickets.csv', extended));
    expect(s).toMatchObject({ rows_read: 4, tickets_created: 1, events_written: 2 });
    const added = withoutIds((await storedEvents(store)).slice(-2));
    expect(added).toEqual([
      {
        type: 'ticket.replied',
        at: '2026-03-03T10:00:00.000Z',
        ticket_id: '1003',
        kind: 'comment',
        by: 'cat',
      },
      {
        type: 'ticket.created',
        at: '2026-03-04T05:00:00.000Z',
        ticket_id: '1004',
        channel: 'email',
        priority: 'low',
        subject: 'Hello',
        customer: 'dan@example.com',
      },
    ]);
    await store.close();
  });

  it('stops at a bad row naming file, line, column and reason; --skip-bad rejects it and goes on', async () => {
    const bad = TEXT.replace('2026-03-03 16:00', '3/3/2026 16:00');
    const file = tempFile('bad.csv', bad);
    const store = await memoryStore();
    const err = await importTickets(store, file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err).toMatchObject({ file, line: 3, column: 'Resolved' });
    expect((err as ImportError).message).toMatch(
      /bad\.csv:3, column "Resolved": cannot read "3\/3\/2026 16:00"/,
    );
    expect(await store.eventCount()).toBe(0); // one batch: nothing of it is written
    const s = await importTickets(store, file, true);
    expect(s).toMatchObject({ rows_read: 3, rows_rejected: 1, tickets_created: 2 });
    const rejects = readFileSync(s.rejects_file!, 'utf8').trim().split('\n');
    expect(JSON.parse(rejects[0]!)).toMatchObject({ line: 3, column: 'Resolved', row: { Ticket: '1002' } });
    await store.close();
  });

  it('a record the CSV reader cannot read (a stray quote) is named by its line', async () => {
    const store = await memoryStore();
    // csv-parse's INVALID_OPENING_QUOTE, the one code without the CSV_ prefix
    const file = tempFile('q.csv', TEXT.replace('1003,', '1003 "x",'));
    const err = await importTickets(store, file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as Error).message).toMatch(/q\.csv:4: Invalid Opening Quote/);
    expect(await store.eventCount()).toBe(0);
    await store.close();
  });

  it('a score that is neither 1..5 nor mapped is a bad row', async () => {
    const store = await memoryStore();
    const err = await importTickets(store, tempFile('t.csv', TEXT.replace(',Good', ',Great'))).catch(
      (e) => e,
    );
    expect(err).toMatchObject({ line: 2, column: 'Rating' });
    expect((err as ImportError).reason).toMatch(/"Great" is not a score 1..5/);
    await store.close();
  });

  it('a wrong mapping fails before anything is written', async () => {
    const store = await memoryStore();
    const file = tempFile('t.csv', TEXT.replace('First reply', 'First response'));
    const err = await importTickets(store, file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MappingError);
    expect((err as Error).message).toMatch(/columns\.first_reply: unknown column "First reply"/);
    expect(await store.eventCount()).toBe(0);
    const mapping = tempFile('m.json', JSON.stringify({ columns: { id: 'Ticket' } }));
    await expect(adapterFor('tickets-csv', mapping)).rejects.toThrow(/columns\.created/);
    const channel = tempFile(
      'c.json',
      JSON.stringify({ columns: { id: 'T', created: 'C' }, ticket: { channel: { constant: 'fax' } } }),
    );
    await expect(adapterFor('tickets-csv', channel)).rejects.toThrow(/"fax" is not one of phone/);
    await store.close();
  });
});
