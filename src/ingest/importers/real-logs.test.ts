import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadEventLogMapping } from './event-log-mapping.js';
import { exampleMapping, importLog, memoryStore, sharedData } from './import-test-helpers.js';

// The two public event logs beside the repository (../shared/data/), imported whole with the shipped
// mappings and checked against the counts their SOURCE.txt gives. About 6 s (Helpdesk) and 17 s (BPI) on
// a 2-core machine: the store's projections, not the reading, take most of it.

const num = (s: string) => Number(s.replaceAll(',', ''));

/** The date a stored instant falls on in the log's zone (the SOURCE.txt spans are local dates). */
const localDate = (iso: string | null, zone: string) =>
  iso ? new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(iso)) : null;

async function importAndCheck(
  file: string,
  mappingName: string,
  expected: { rows: number; tickets: number; from: string; to: string },
) {
  const mappingFile = exampleMapping(mappingName);
  const zone = (await loadEventLogMapping(mappingFile)).timestamp.zone;
  const store = await memoryStore();
  const s = await importLog(store, file, mappingFile);
  expect(s.rows_read).toBe(expected.rows);
  expect(s.rows_rejected).toBe(0);
  expect(s.rows_out_of_order).toBe(0);
  expect(s.tickets_created).toBe(expected.tickets);
  expect([localDate(s.first_at, zone), localDate(s.last_at, zone)]).toEqual([expected.from, expected.to]);
  // the store holds them: one ticket per case, the span of the stored events is the log's
  const tickets = await store.db
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  expect(Number(tickets.n)).toBe(expected.tickets);
  const span = await store.db
    .selectFrom('events')
    .select((eb) => [eb.fn.min<number>('at').as('first'), eb.fn.max<number>('at').as('last')])
    .executeTakeFirstOrThrow();
  expect([new Date(Number(span.first)).toISOString(), new Date(Number(span.last)).toISOString()]).toEqual([
    s.first_at,
    s.last_at,
  ]);
  expect(await store.eventCount()).toBe(s.events_written);
  await store.close();
  return s;
}

describe('real event logs', () => {
  it('Helpdesk (Italian software company) imports with the counts of its SOURCE.txt', {
    timeout: 90_000,
  }, async () => {
    const source = readFileSync(sharedData('helpdesk-event-log/SOURCE.txt'), 'utf8');
    const m = /Rows\s*:\s*([\d,]+) events, ([\d,]+) tickets, (\d{4}-\d\d-\d\d) \.\. (\d{4}-\d\d-\d\d)/.exec(
      source,
    );
    expect(m, 'SOURCE.txt states rows, tickets and span').not.toBeNull();
    const s = await importAndCheck(sharedData('helpdesk-event-log/Helpdesk.csv.gz'), 'helpdesk.json', {
      rows: num(m![1]!),
      tickets: num(m![2]!),
      from: m![3]!,
      to: m![4]!,
    });
    // Every activity is mapped; 'Insert ticket' (118 rows, each a case's first) only creates its ticket,
    // and the file repeats 127 rows exactly (the same event, stored once).
    expect(s.rows_skipped).toBe(0);
    expect(s.events_duplicate).toBe(127);
    expect(s.events_written).toBe(s.tickets_created + s.rows_read - 118 - 127);
  });

  it('BPI Challenge 2013 incidents (Volvo IT) imports with the counts of its SOURCE.txt', {
    timeout: 90_000,
  }, async () => {
    const source = readFileSync(sharedData('bpi-challenge-2013/SOURCE.txt'), 'utf8');
    const m =
      /incidents: ([\d,]+) events, ([\d,]+) incidents \(SR numbers\), (\d{4}-\d\d-\d\d) \.\. (\d{4}-\d\d-\d\d)/.exec(
        source,
      );
    expect(m, 'SOURCE.txt states events, incidents and span').not.toBeNull();
    const s = await importAndCheck(
      sharedData('bpi-challenge-2013/bpi_challenge_2013_incidents.events.csv.gz'),
      'bpi-2013-incidents.json',
      { rows: num(m![1]!), tickets: num(m![2]!), from: m![3]!, to: m![4]! },
    );
    expect(s.skipped).toEqual({ 'ignored activity "Unmatched / Unmatched"': 5 });
    // one event per other row, plus one ticket.created per case; no row repeats
    expect(s.events_duplicate).toBe(0);
    expect(s.events_written).toBe(s.tickets_created + s.rows_read - 5);
  });
});
