import { once } from 'node:events';
import { createWriteStream, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportCommand } from '../../cli/commands/export.js';
import { openStore } from '../../store/open.js';
import { PROJECTION_TABLES } from '../../store/schema.js';
import type { Store } from '../../store/store.js';
import { eventsNdjsonAdapter } from './events-ndjson.js';
import { eventBodies, exportBounds } from './export-events.js';
import { runImport } from './import-runner.js';
import { fixture, importLog, memoryStore, storedEvents, tempFile, tempPath } from './import-test-helpers.js';

const importNdjson = (store: Store, file: string) =>
  runImport(store, { file, adapter: eventsNdjsonAdapter() });

/** Every projection, rows in a stable order: what "the same facts" means. */
async function projections(store: Store): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of PROJECTION_TABLES) {
    const rows = await store.db.selectFrom(table).selectAll().execute();
    // `rev` is the log position that last wrote a row: it follows how the events were batched, not what they say
    const keys = (r: object) =>
      Object.keys(r)
        .filter((k) => k !== 'rev')
        .sort();
    out[table] = rows.map((r) => JSON.stringify(r, keys(r))).sort();
  }
  return out;
}

describe('events-ndjson', () => {
  it('imports our own events with their ids, skipping blank lines', async () => {
    const store = await memoryStore();
    const s = await importNdjson(store, fixture('events.ndjson'));
    expect(s).toMatchObject({ rows_read: 12, events_written: 12, tickets_created: 1, rows_skipped: 0 });
    const events = await storedEvents(store);
    expect(events.map((e) => e.id)).toEqual(
      readFileSync(fixture('events.ndjson'), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => (JSON.parse(l) as { id: string }).id),
    );
    // stored as validated: instants in UTC, defaults filled in
    expect(events.find((e) => e.id === 't1-assigned')).toMatchObject({
      at: '2026-03-02T09:10:00.000Z',
      mode: 'manual',
    });
    const again = await importNdjson(store, fixture('events.ndjson'));
    expect(again).toMatchObject({ events_written: 0, events_duplicate: 12 });
    await store.close();
  });

  it('names the line and the field of a bad event', async () => {
    const store = await memoryStore();
    const file = tempFile(
      'bad.ndjson',
      '{"id":"a","type":"ticket.rated","at":"2026-03-02T09:00:00Z","ticket_id":"t","score":9,"via":"link"}\n',
    );
    await expect(importNdjson(store, file)).rejects.toThrow(/bad\.ndjson:1, column "score": must be 1\.\.5/);
    const notJson = tempFile('bad.ndjson', '\n{"id":\n');
    await expect(importNdjson(store, notJson)).rejects.toThrow(/bad\.ndjson:2: not JSON/);
    await store.close();
  });

  it('export → import into an empty store reproduces the same events and facts', async () => {
    const source = await memoryStore();
    await importNdjson(source, fixture('events.ndjson'));
    await importLog(source, fixture('desk-log.csv'), fixture('desk-mapping.json'));
    const file = tempPath('export.ndjson');
    const dbFile = tempPath('firstline.db');
    // the CLI command over a file store (its own connection)
    const fileStore = await openStore(`sqlite:${dbFile}`);
    await importNdjson(fileStore, fixture('events.ndjson'));
    await importLog(fileStore, fixture('desk-log.csv'), fixture('desk-mapping.json'));
    await fileStore.close();
    const out = createWriteStream(file);
    const count = await exportCommand(
      { db: `sqlite:${dbFile}` } as Parameters<typeof exportCommand>[0],
      {},
      out,
    );
    out.end();
    await once(out, 'finish');
    expect(count).toBe(24);

    const target = await memoryStore();
    const s = await importNdjson(target, file);
    expect(s).toMatchObject({ rows_read: 24, events_written: 24 });
    expect(await storedEvents(target)).toEqual(await storedEvents(source));
    expect(await projections(target)).toEqual(await projections(source));
    // and into the store it came from: nothing new
    expect(await importNdjson(source, file)).toMatchObject({ events_written: 0, events_duplicate: 24 });
    await Promise.all([source.close(), target.close()]);
  });

  it('export --from/--to keeps the events whose instant falls in the period, in log order', async () => {
    const store = await memoryStore();
    await importNdjson(store, fixture('events.ndjson'));
    const all: string[] = [];
    for await (const body of eventBodies(store)) all.push(body);
    expect(all).toHaveLength(12);
    const { fromMs, toMs } = exportBounds({ from: '2026-03-02', to: '2026-03-02T10:00:00Z' }, 'UTC');
    const some: string[] = [];
    for await (const body of eventBodies(store, fromMs, toMs))
      some.push((JSON.parse(body) as { id: string }).id);
    expect(some).toEqual(['c1-offered', 'c1-queued', 'c1-answered', 't1-created', 'c1-ended', 't1-assigned']);
    expect(exportBounds({ to: '2026-03-02' }, 'Europe/Moscow').toMs).toBe(Date.parse('2026-03-02T21:00:00Z'));
    expect(() => exportBounds({ from: 'soon' }, 'UTC')).toThrow(/--from: must be a date/);
    await store.close();
  });
});
