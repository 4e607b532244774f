import { basename } from 'node:path';
import type { Store } from '../../store/store.js';
import { MAX_BATCH } from '../ingest.js';
import { type BadRow, BatchWriter, type Pending } from './batch-writer.js';
import { CaseRuns } from './case-runs.js';
import { openInput } from './open-input.js';
import { RejectsFile } from './rejects.js';
import { type ImportSummary, SummaryBuilder } from './summary.js';
import { type FormatAdapter, type ReaderHooks, RecordError, RowError } from './types.js';

export const DEFAULT_BATCH = 5_000;

export interface ImportProgress {
  rows: number;
  /** bytes of the file read (compressed bytes for a .gz): the share done, for the ETA */
  bytes: number;
  total_bytes: number;
  events_written: number;
}

export interface ImportOptions<R> {
  file: string;
  adapter: FormatAdapter<R>;
  /** write bad rows to the rejects file and go on, instead of stopping at the first */
  skipBad?: boolean;
  /** default: `<file name>.rejects.ndjson` in the working directory */
  rejectsPath?: string;
  /** events per ingest batch (all or nothing each); default 5,000 */
  batchSize?: number;
  onProgress?: (p: ImportProgress) => void;
}

/** The import stopped at a bad row: nothing of the batch it was in was written (earlier batches were). */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: string | undefined,
    readonly reason: string,
    readonly summary: ImportSummary,
  ) {
    super(`${file}:${line}${column ? `, column ${JSON.stringify(column)}` : ''}: ${reason}`);
  }
}

export const defaultRejectsPath = (file: string) => `${basename(file)}.rejects.ndjson`;

/**
 * Streams a file through its format's adapter into the event log: rows are read one at a time, ordered
 * per case (CaseRuns), and sent to `ingest` in batches, so memory stays flat whatever the file's size.
 */
export async function runImport<R>(store: Store, opts: ImportOptions<R>): Promise<ImportSummary> {
  const { adapter, file } = opts;
  const batchSize = opts.batchSize ?? DEFAULT_BATCH;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH) {
    throw new Error(`batch size must be a whole number from 1 to ${MAX_BATCH}`);
  }
  const input = await openInput(file);
  const summary = new SummaryBuilder(file, adapter.format);
  const rejects = opts.skipBad ? new RejectsFile(opts.rejectsPath ?? defaultRejectsPath(file)) : null;
  const stop = (line: number, column: string | undefined, reason: string): never => {
    throw new ImportError(file, line, column, reason, summary.finish());
  };
  const bad: BadRow<R> = (item, column, reason) => {
    if (!rejects) stop(item.row.line, column, reason);
    rejects!.write({ line: item.row.line, column, reason, ...(adapter.describe(item.row) as object) });
    summary.s.rows_rejected++;
  };
  const hooks: ReaderHooks = {
    skipBad: Boolean(opts.skipBad),
    onBadRecord(p) {
      summary.s.rows_read++;
      summary.s.rows_rejected++;
      rejects?.write({ line: p.line, reason: p.reason, ...(p.raw ? { raw: p.raw } : {}) });
    },
  };
  const writer = new BatchWriter<R>(store, adapter.columnOf, summary, bad, batchSize);
  const runs = new CaseRuns<Pending<R>>();
  const report = () =>
    opts.onProgress?.({
      rows: summary.s.rows_read,
      bytes: input.bytesRead(),
      total_bytes: input.size,
      events_written: summary.s.events_written,
    });
  try {
    for await (const row of adapter.rows(input.stream, hooks)) {
      summary.s.rows_read++;
      let item: Pending<R>;
      try {
        item = { row, mapped: adapter.map(row) };
      } catch (err) {
        if (!(err instanceof RowError)) throw err;
        bad({ row, mapped: { events: [] } }, err.column, err.reason);
        continue;
      }
      summary.seen(item.mapped.at);
      writer.add(runs.push(item));
      if (writer.full) {
        await writer.flush();
        report();
      } else if (summary.s.rows_read % 1000 === 0) report();
    }
    writer.add(runs.close());
    await writer.flush();
    report();
  } catch (err) {
    if (err instanceof RecordError) stop(err.line, err.column, err.reason);
    throw err;
  } finally {
    input.close();
    await rejects?.close();
    summary.s.rejects_file = rejects?.count ? rejects.path : null;
  }
  return summary.finish();
}
