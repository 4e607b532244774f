import { basename } from 'node:path';
import type { Config } from '../../config.js';
import { importCustomerRows, readCustomerRows } from '../../ingest/customers/import-customers.js';
import { assertCountry } from '../../ingest/customers/phone.js';
import { openInput } from '../../ingest/importers/open-input.js';
import { RecordError } from '../../ingest/importers/types.js';
import { openStore } from '../../store/open.js';

/**
 * `firstline customers import <file>`: customers (name, company, phones, e-mails, handles) from a CSV file,
 * merged with known customers by identifier. Every row is checked before anything is written.
 */
export async function importCustomersCommand(
  config: Config,
  file: string,
  opts: { country: string; json?: boolean },
): Promise<void> {
  assertCountry(opts.country);
  const input = await openInput(file);
  let rows: Awaited<ReturnType<typeof readCustomerRows>>;
  try {
    rows = await readCustomerRows(input.stream, opts.country);
  } catch (err) {
    if (err instanceof RecordError)
      throw new Error(
        `${basename(file)}:${err.line}${err.column ? ` column ${err.column}` : ''}: ${err.reason} (nothing was written)`,
      );
    throw err;
  } finally {
    input.close();
  }
  const store = await openStore(config.db);
  try {
    const s = await importCustomerRows(store, rows, opts.country);
    process.stdout.write(
      opts.json
        ? `${JSON.stringify(s)}\n`
        : `${s.rows} rows: ${s.created} customers created, ${s.updated} updated, ${s.unchanged} unchanged, ${s.merged} merged into others (${s.events} events)\n`,
    );
  } finally {
    await store.close();
  }
}
