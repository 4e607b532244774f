import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventLogAdapter } from './event-log.js';
import { loadEventLogMapping, parseEventLogMapping } from './event-log-mapping.js';
import { eventsNdjsonAdapter } from './events-ndjson.js';
import { adapterFor } from './formats.js';
import { ImportError, runImport } from './import-runner.js';
import { fixture, importLog, memoryStore, storedEvents, tempFile } from './import-test-helpers.js';
import { MappingError } from './types.js';

const MAPPING = fixture('desk-mapping.json');
const HEADER = 'Case,Activity,Status,Time,Agent,Team,Channel,Impact,Category';
// Three cases of three rows; each case is four events (created + three), so batches of four hold one case.
const rows = (bad: string) => [
  HEADER,
  'H-1,Take,,02.03.2026 09:00,ann,Desk 1st,,,',
  'H-1,Answer,,02.03.2026 09:10,ann,Desk 1st,,,',
  'H-1,Solve,,02.03.2026 09:20,ann,Desk 1st,,,',
  'J-2,Take,,02.03.2026 10:00,ann,Desk 1st,,,',
  'J-2,Answer,,02.03.2026 10:10,ann,Desk 1st,,,',
  'J-2,Solve,,02.03.2026 10:20,ann,Desk 1st,,,',
  'K-3,Take,,02.03.2026 11:00,ann,Desk 1st,,,',
  bad,
  'K-3,Solve,,02.03.2026 11:20,ann,Desk 1st,,,',
];
const BAD_TIME = 'K-3,Answer,,2.3.2026 11:10,ann,Desk 1st,,,';

async function failure(run: () => Promise<unknown>): Promise<ImportError> {
  try {
    await run();
  } catch (err) {
    if (err instanceof ImportError) return err;
    throw err;
  }
  throw new Error('the import did not fail');
}

describe('bad rows', () => {
  it('stop the import at the first, naming file, line, column and reason; its batch is not written', async () => {
    const file = tempFile('bad.csv', rows(BAD_TIME).join('\n'));
    const store = await memoryStore();
    const err = await failure(() => importLog(store, file, MAPPING, { batchSize: 4 }));
    expect(err).toMatchObject({ file, line: 9, column: 'Time' });
    expect(err.reason).toMatch(/cannot read "2.3.2026 11:10" as a timestamp \(format dd.MM.yyyy HH:mm\)/);
    expect(err.message).toMatch(/bad\.csv:9, column "Time": cannot read/);
    // H-1 and J-2 went in earlier batches; K-3 (its first row is in the failing batch) did not
    const tickets = new Set((await storedEvents(store)).map((e) => e.ticket_id));
    expect([...tickets]).toEqual(['H-1', 'J-2']);
    expect(await store.eventCount()).toBe(8);
    expect(err.summary.events_written).toBe(8);
    await store.close();
  });

  it('a row the store refuses stops the import too, and nothing of its batch is written', async () => {
    const ndjson = [
      '{"id":"x1","type":"ticket.created","at":"2026-03-02T09:00:00Z","ticket_id":"x","channel":"web"}',
      '{"id":"y1","type":"ticket.created","at":"2026-03-02T09:00:00Z","ticket_id":"y","channel":"web"}',
      '{"id":"z2","type":"ticket.resolved","at":"2026-03-02T10:00:00Z","ticket_id":"z"}',
    ].join('\n');
    const store = await memoryStore();
    const file = tempFile('refs.ndjson', ndjson);
    const err = await failure(() => runImport(store, { file, adapter: eventsNdjsonAdapter() }));
    expect(err).toMatchObject({ line: 3, column: 'ticket_id' });
    expect(err.reason).toMatch(/unknown reference: unknown ticket "z"/);
    expect(await store.eventCount()).toBe(0);
    await store.close();
  });

  it('--skip-bad writes them to a rejects file and goes on', async () => {
    const lines = rows(BAD_TIME);
    lines.splice(2, 0, 'H-1,Answer,,02.03.2026 09:05,ann'); // too few fields: the CSV reader refuses it
    const file = tempFile('bad.csv', lines.join('\n'));
    const rejects = join(dirname(file), 'bad.rejects.ndjson');
    const store = await memoryStore();
    const s = await importLog(store, file, MAPPING, { batchSize: 4, skipBad: true, rejectsPath: rejects });
    expect(s).toMatchObject({ rows_read: 10, rows_rejected: 2, rejects_file: rejects, tickets_created: 3 });
    expect(await store.eventCount()).toBe(11);
    const rejected = readFileSync(rejects, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rejected).toEqual([
      {
        line: 3,
        reason: expect.stringMatching(/Invalid Record Length: expect 9, got 5 on line 3/),
        raw: 'H-1,Answer,,02.03.2026 09:05,ann',
      },
      {
        line: 10,
        column: 'Time',
        reason: 'cannot read "2.3.2026 11:10" as a timestamp (format dd.MM.yyyy HH:mm)',
        row: {
          Case: 'K-3',
          Activity: 'Answer',
          Status: '',
          Time: '2.3.2026 11:10',
          Agent: 'ann',
          Team: 'Desk 1st',
          Channel: '',
          Impact: '',
          Category: '',
        },
      },
    ]);
    await store.close();
  });

  it('a value the event schema refuses is reported against its column', async () => {
    const file = tempFile('bad.csv', rows('K-3,Classify,,02.03.2026 11:10,ann,Desk 1st,,,').join('\n'));
    const store = await memoryStore();
    const err = await failure(() => importLog(store, file, MAPPING));
    expect(err).toMatchObject({ line: 9, column: 'Category' });
    expect(err.reason).toMatch(/^ticket.classified category: /);
    await store.close();
  });
});

describe('a wrong mapping', () => {
  it('naming an unknown column fails before anything is written', async () => {
    const mapping = JSON.parse(readFileSync(MAPPING, 'utf8')) as { columns: Record<string, string> };
    mapping.columns.resource = 'Owner';
    const mappingFile = tempFile('mapping.json', JSON.stringify(mapping));
    const store = await memoryStore();
    const run = importLog(store, fixture('desk-log.csv'), mappingFile, { batchSize: 1 });
    await expect(run).rejects.toThrow(MappingError);
    await expect(importLog(store, fixture('desk-log.csv'), mappingFile)).rejects.toThrow(
      /columns.resource: unknown column "Owner"; the file has "Case", "Activity"/,
    );
    expect(await store.eventCount()).toBe(0);
    await store.close();
  });

  it('that does not match the schema fails when it is read, with the path of each problem', async () => {
    expect(() => parseEventLogMapping({ columns: { case: 'c' }, activities: [] })).toThrow(
      /columns.activity: .*; columns.timestamp: .*; activities: /,
    );
    expect(() =>
      parseEventLogMapping({
        columns: { case: 'c', activity: 'a', timestamp: 't' },
        timestamp: { zone: 'Mars/Olympus' },
        activities: [{ activity: 'x', event: 'ticket.exploded' }],
      }),
    ).toThrow(/timestamp.zone: must be an IANA time zone.*activities.0.event/);
    const base = {
      columns: { case: 'c', activity: 'a', timestamp: 't' },
      activities: [{ activity: 'x', event: 'ticket.note' }],
    };
    expect(() => parseEventLogMapping({ ...base, ticket: { channel: { constant: 'fax' } } })).toThrow(
      /ticket.channel: "fax" is not one of phone, chat, email, social, web, other/,
    );
    expect(() =>
      parseEventLogMapping({ ...base, ticket: { priority: { column: 'p', values: { P1: 'critical' } } } }),
    ).toThrow(/ticket.priority: "critical" is not one of low, normal, high, urgent/);
    const file = tempFile('m.json', '{ "columns": ');
    await expect(loadEventLogMapping(file)).rejects.toThrow(MappingError);
    await expect(adapterFor('event-log')).rejects.toThrow(/needs --mapping/);
    await expect(adapterFor('call-records')).rejects.toThrow(/--format call-records needs --mapping/);
    await expect(adapterFor('zendesk', file)).rejects.toThrow(/--format zendesk takes no mapping/);
    await expect(adapterFor('excel')).rejects.toThrow(/unknown format "excel"/);
  });

  it('an empty file is refused before anything is written', async () => {
    const adapter = eventLogAdapter(await loadEventLogMapping(MAPPING));
    const store = await memoryStore();
    const file = tempFile('empty.csv', '');
    writeFileSync(file, '');
    await expect(runImport(store, { file, adapter })).rejects.toThrow(/the file is empty/);
    await store.close();
  });
});
