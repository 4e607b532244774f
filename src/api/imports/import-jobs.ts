import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { ImportError, runImport } from '../../ingest/importers/import-runner.js';
import type { ImportSummary } from '../../ingest/importers/summary.js';
import { type FormatAdapter, MappingError } from '../../ingest/importers/types.js';
import type { Store } from '../../store/store.js';

export type ImportState = 'queued' | 'running' | 'succeeded' | 'failed';

export interface ImportJobError {
  code: 'bad_row' | 'invalid_mapping' | 'import_failed';
  message: string;
  details: { file: string; line?: number; column?: string | null; reason?: string } | null;
}

/** One import started over HTTP, as `GET /api/v1/imports/:id` shows it. */
export interface ImportJob {
  id: string;
  format: string;
  /** the uploaded file's name, as errors name it */
  file: string;
  state: ImportState;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  progress: {
    rows_read: number;
    events_written: number;
    bytes_read: number;
    total_bytes: number;
    /** share of the file read, 0..1 */
    share: number;
    rows_per_s: number;
  };
  summary: Omit<ImportSummary, 'file' | 'rejects_file'> | null;
  rejects: number;
  error: ImportJobError | null;
}

export interface JobInput {
  format: string;
  fileName: string;
  /** the uploaded file on disk, and the folder holding it (removed when the job is dropped) */
  path: string;
  folder: string;
  adapter: FormatAdapter<unknown>;
  skipBad: boolean;
}

/** Finished jobs kept for polling; the oldest are dropped past this, with their files. */
const KEEP = 100;

/**
 * Imports started over HTTP, run one at a time in the background through the same import runner (and so
 * the same ingest path) as the CLI. Jobs live in memory: a restart forgets them, which is harmless since
 * importing the same file again adds only what is missing.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, { job: ImportJob; input: JobInput }>();
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  get(id: string): ImportJob | undefined {
    return this.jobs.get(id)?.job;
  }

  rejectsPath(id: string): string | null {
    const entry = this.jobs.get(id);
    return entry?.job.rejects ? `${entry.input.folder}/rejects.ndjson` : null;
  }

  /** Queues an import; resolves once its first row was read or it ended (a wrong header fails by then). */
  start(input: JobInput): { job: ImportJob; begun: Promise<void> } {
    const job: ImportJob = {
      id: randomUUID(),
      format: input.format,
      file: input.fileName,
      state: 'queued',
      created_at: new Date(this.now()).toISOString(),
      started_at: null,
      finished_at: null,
      progress: { rows_read: 0, events_written: 0, bytes_read: 0, total_bytes: 0, share: 0, rows_per_s: 0 },
      summary: null,
      rejects: 0,
      error: null,
    };
    this.jobs.set(job.id, { job, input });
    this.forgetOld();
    let firstRow!: () => void;
    const first = new Promise<void>((resolve) => {
      firstRow = resolve;
    });
    const run = this.chain.then(() => this.run(job, input, firstRow));
    this.chain = run;
    return { job, begun: Promise.race([first, run]) };
  }

  /** Resolves when every queued import has ended (the server waits for it when closing). */
  idle(): Promise<void> {
    return this.chain;
  }

  private async run(job: ImportJob, input: JobInput, firstRow: () => void): Promise<void> {
    const started = this.now();
    Object.assign(job, { state: 'running', started_at: new Date(started).toISOString() });
    const { adapter } = input;
    const watched: FormatAdapter<unknown> = {
      ...adapter,
      map(row) {
        firstRow();
        return adapter.map(row);
      },
    };
    const seconds = () => Math.max(0.001, (this.now() - started) / 1000);
    try {
      const summary = await runImport(this.store, {
        file: input.path,
        adapter: watched,
        skipBad: input.skipBad,
        rejectsPath: `${input.folder}/rejects.ndjson`,
        onProgress: (p) => {
          job.progress = {
            rows_read: p.rows,
            events_written: p.events_written,
            bytes_read: p.bytes,
            total_bytes: p.total_bytes,
            share: p.total_bytes ? Math.min(1, p.bytes / p.total_bytes) : 1,
            rows_per_s: Math.round(p.rows / seconds()),
          };
        },
      });
      this.finish(job, summary, null);
    } catch (err) {
      this.finish(job, err instanceof ImportError ? err.summary : null, this.errorOf(err, job.file));
    } finally {
      firstRow();
      await rm(input.path, { force: true });
    }
  }

  private finish(job: ImportJob, summary: ImportSummary | null, error: ImportJobError | null) {
    if (summary) {
      const { file: _file, rejects_file: _rejects, ...rest } = summary;
      job.summary = rest;
      job.rejects = summary.rows_rejected;
      job.progress = {
        ...job.progress,
        rows_read: summary.rows_read,
        events_written: summary.events_written,
        share: error ? job.progress.share : 1,
        rows_per_s: summary.rows_per_s,
      };
    }
    Object.assign(job, {
      state: error ? 'failed' : 'succeeded',
      finished_at: new Date(this.now()).toISOString(),
      error,
    });
  }

  private errorOf(err: unknown, file: string): ImportJobError {
    if (err instanceof ImportError) {
      const where = `${file}:${err.line}${err.column ? `, column ${JSON.stringify(err.column)}` : ''}`;
      return {
        code: 'bad_row',
        message: `${where}: ${err.reason} (nothing of the failing batch was written)`,
        details: { file, line: err.line, column: err.column ?? null, reason: err.reason },
      };
    }
    if (err instanceof MappingError)
      return { code: 'invalid_mapping', message: err.message, details: { file } };
    return {
      code: 'import_failed',
      message: err instanceof Error ? err.message : String(err),
      details: { file },
    };
  }

  private forgetOld() {
    for (const [id, { job, input }] of this.jobs) {
      if (this.jobs.size <= KEEP) return;
      if (job.state !== 'succeeded' && job.state !== 'failed') continue;
      this.jobs.delete(id);
      void rm(input.folder, { recursive: true, force: true });
    }
  }
}
