import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  fixture,
  importLog,
  memoryStore,
  storedEvents,
  tempFile,
  withoutIds,
} from './import-test-helpers.js';

const MAPPING = fixture('desk-mapping.json');
const LOG = readFileSync(fixture('desk-log.csv'), 'utf8');

// desk-log.csv, written out by hand: Moscow is UTC+3, so 12:00 local is 09:00Z.
const A1 = [
  {
    type: 'ticket.created',
    at: '2026-03-02T09:00:00.000Z',
    ticket_id: 'A-1',
    channel: 'email',
    priority: 'low',
    by: 'ann',
  },
  {
    type: 'ticket.classified',
    at: '2026-03-02T09:05:00.000Z',
    ticket_id: 'A-1',
    category: 'billing',
    by: 'ann',
  },
  {
    type: 'ticket.replied',
    at: '2026-03-02T09:10:00.000Z',
    ticket_id: 'A-1',
    kind: 'clarification',
    by: 'ann',
  },
  { type: 'ticket.customer_replied', at: '2026-03-02T10:00:00.000Z', ticket_id: 'A-1' },
  // Dispatch: to a team, nobody named; "2nd" in the team's name makes it line 2; no mode → manual
  {
    type: 'ticket.assigned',
    at: '2026-03-02T10:05:00.000Z',
    ticket_id: 'A-1',
    team_id: 'Apps 2nd',
    line: 2,
    mode: 'manual',
    by: 'ann',
  },
  {
    type: 'ticket.assigned',
    at: '2026-03-02T10:30:00.000Z',
    ticket_id: 'A-1',
    assignee_id: 'bob',
    team_id: 'Apps 2nd',
    line: 2,
    mode: 'manual',
    by: 'bob',
  },
  { type: 'ticket.replied', at: '2026-03-02T11:00:00.000Z', ticket_id: 'A-1', kind: 'solution', by: 'bob' },
  { type: 'ticket.resolved', at: '2026-03-02T11:00:00.000Z', ticket_id: 'A-1', line: 2, by: 'bob' },
  { type: 'ticket.closed', at: '2026-03-05T11:00:00.000Z', ticket_id: 'A-1' },
];
// B-2's rows are in reverse time order: its earliest row ("Call", unmapped) creates the ticket.
const B2 = [
  {
    type: 'ticket.created',
    at: '2026-03-02T07:00:00.000Z',
    ticket_id: 'B-2',
    channel: 'phone',
    priority: 'high',
    by: 'cat',
  },
  {
    type: 'ticket.assigned',
    at: '2026-03-02T07:30:00.000Z',
    ticket_id: 'B-2',
    assignee_id: 'cat',
    team_id: 'Desk 1st',
    line: 1,
    mode: 'manual',
    by: 'cat',
  },
  { type: 'ticket.resolved', at: '2026-03-02T08:00:00.000Z', ticket_id: 'B-2', line: 1, by: 'cat' },
];

describe('event-log import', () => {
  it('turns each case into a ticket and each mapped activity into its event', async () => {
    const store = await memoryStore();
    const s = await importLog(store, fixture('desk-log.csv'), MAPPING);
    const events = await storedEvents(store);
    expect(withoutIds(events)).toEqual([...A1, ...B2]);
    expect(events[0]!.id).toBe('event-log:A-1:created');
    for (const e of events.slice(1, 9)) expect(e.id).toMatch(/^event-log:A-1:[0-9a-f]{16}$/);
    expect(s).toMatchObject({
      rows_read: 14,
      rows_imported: 13,
      rows_skipped: 1,
      skipped: { 'unmapped activity "Survey"': 1 },
      tickets_created: 2,
      events_written: 12,
      events_duplicate: 1, // the repeated "Closed (auto)" row is the same event
      rows_rejected: 0,
      rows_out_of_order: 0,
      first_at: '2026-03-02T07:00:00.000Z',
      last_at: '2026-03-06T07:00:00.000Z',
    });
    await store.close();
  });

  it('is idempotent: the same file again writes nothing', async () => {
    const store = await memoryStore();
    await importLog(store, fixture('desk-log.csv'), MAPPING);
    const again = await importLog(store, fixture('desk-log.csv'), MAPPING);
    expect(again).toMatchObject({
      rows_read: 14,
      events_written: 0,
      tickets_created: 0,
      events_duplicate: 11,
    });
    expect(await store.eventCount()).toBe(12);
    await store.close();
  });

  it('an extended export adds only what is new, wherever the new rows sit', async () => {
    const store = await memoryStore();
    await importLog(store, fixture('desk-log.csv'), MAPPING);
    const lines = LOG.trimEnd().split('\n');
    lines.splice(11, 0, 'A-1,Reopen,,05.03.2026 18:00,,,E-mail,Low,'); // inside A-1, before Survey
    lines.push('E-5,Take,,07.03.2026 09:00,dan,Dev 3rd,,,', 'E-5,Solve,,07.03.2026 09:30,dan,Dev 3rd,,,');
    const s = await importLog(store, tempFile('desk-log.csv', `${lines.join('\n')}\n`), MAPPING);
    expect(s).toMatchObject({ rows_read: 17, events_written: 4, tickets_created: 1 });
    const added = withoutIds((await storedEvents(store)).slice(12));
    expect(added).toEqual([
      { type: 'ticket.reopened', at: '2026-03-05T15:00:00.000Z', ticket_id: 'A-1' },
      // no channel in the cell: the mapping's default
      {
        type: 'ticket.created',
        at: '2026-03-07T06:00:00.000Z',
        ticket_id: 'E-5',
        channel: 'other',
        by: 'dan',
      },
      {
        type: 'ticket.assigned',
        at: '2026-03-07T06:00:00.000Z',
        ticket_id: 'E-5',
        assignee_id: 'dan',
        team_id: 'Dev 3rd',
        line: 3,
        mode: 'manual',
        by: 'dan',
      },
      { type: 'ticket.resolved', at: '2026-03-07T06:30:00.000Z', ticket_id: 'E-5', line: 3, by: 'dan' },
    ]);
    await store.close();
  });

  it('takes logs sorted by time, cases interleaved, with bounded memory', async () => {
    const csv = [
      'Case,Activity,Status,Time,Agent,Team,Channel,Impact,Category',
      'C-3,Register,,02.03.2026 09:00,ann,Desk 1st,Phone,,',
      'D-4,Register,,02.03.2026 09:01,bob,Desk 1st,Phone,,',
      'C-3,Take,,02.03.2026 09:02,ann,Desk 1st,Phone,,',
      'D-4,Solve,,02.03.2026 09:03,bob,Desk 1st,Phone,,',
      'C-3,Solve,,02.03.2026 09:04,ann,Desk 1st,Phone,,',
    ].join('\n');
    const store = await memoryStore();
    // batches of two events: every case spans several batches; the store knows which tickets exist
    const s = await importLog(store, tempFile('sorted.csv', csv), MAPPING, { batchSize: 2 });
    expect(s).toMatchObject({ tickets_created: 2, events_written: 5, rows_out_of_order: 0 });
    expect((await storedEvents(store)).map((e) => `${e.ticket_id} ${e.type}`)).toEqual([
      'C-3 ticket.created',
      'D-4 ticket.created',
      'C-3 ticket.assigned',
      'D-4 ticket.resolved',
      'C-3 ticket.resolved',
    ]);
    const c3 = await store.getTicket('C-3');
    expect(c3?.ticket.status).toBe('resolved');
    await store.close();
  });

  it('counts rows that come before their ticket was created (neither grouped nor sorted)', async () => {
    const csv = [
      'Case,Activity,Status,Time,Agent,Team,Channel,Impact,Category',
      'F-6,Take,,02.03.2026 10:00,ann,Desk 1st,Phone,,',
      'G-7,Take,,02.03.2026 10:00,ann,Desk 1st,Phone,,',
      'F-6,Register,,02.03.2026 09:00,ann,Desk 1st,Phone,,',
    ].join('\n');
    const store = await memoryStore();
    const s = await importLog(store, tempFile('unsorted.csv', csv), MAPPING, { batchSize: 1 });
    expect(s).toMatchObject({ tickets_created: 2, rows_out_of_order: 1, rows_skipped: 1 });
    await store.close();
  });
});
