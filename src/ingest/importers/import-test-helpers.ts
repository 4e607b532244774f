import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../store/open.js';
import type { Store } from '../../store/store.js';
import { eventLogAdapter } from './event-log.js';
import { loadEventLogMapping } from './event-log-mapping.js';
import { type ImportOptions, runImport } from './import-runner.js';
import type { ImportSummary } from './summary.js';

const REPO = new URL('../../../', import.meta.url);
export const fixture = (name: string) => fileURLToPath(new URL(`test/fixtures/import/${name}`, REPO));
export const exampleMapping = (name: string) => fileURLToPath(new URL(`examples/mappings/${name}`, REPO));
/** The real data sets live beside the repository (`../shared/data/`), never in it. */
export const sharedData = (path: string) => fileURLToPath(new URL(`../shared/data/${path}`, REPO));

export const memoryStore = (): Promise<Store> => openStore('sqlite::memory:');

/** A path in a fresh temporary folder. */
export const tempPath = (name: string): string =>
  join(mkdtempSync(join(tmpdir(), 'firstline-import-')), name);

export function tempFile(name: string, content: string): string {
  const path = tempPath(name);
  writeFileSync(path, content);
  return path;
}

/** Stored events in log order, as their bodies say. */
export async function storedEvents(store: Store): Promise<Record<string, unknown>[]> {
  const rows = await store.db.selectFrom('events').select('body').orderBy('seq').execute();
  return rows.map((r) => JSON.parse(r.body) as Record<string, unknown>);
}

export const withoutIds = (events: Record<string, unknown>[]) => events.map(({ id: _id, ...rest }) => rest);

/** Imports an event log with a mapping file. */
export async function importLog(
  store: Store,
  file: string,
  mappingFile: string,
  opts: Omit<ImportOptions<string[]>, 'file' | 'adapter'> = {},
): Promise<ImportSummary> {
  const adapter = eventLogAdapter(await loadEventLogMapping(mappingFile));
  return runImport(store, { file, adapter, ...opts });
}
