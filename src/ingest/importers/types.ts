import type { Readable } from 'node:stream';
import type { DomainEvent } from '../../domain/events.js';

/** One row of a source file, as a format's reader yields it. */
export interface SourceRow<R = unknown> {
  /** 1-based line of the file where the row is (its last line when a quoted field spans lines) */
  line: number;
  data: R;
}

/** A file-level problem found while reading (a CSV row with the wrong number of fields, bad quoting). */
export interface ReadProblem {
  line: number;
  reason: string;
  raw?: string;
}

export interface ReaderHooks {
  /** called with a problem the reader could skip (only when bad rows are skipped) */
  onBadRecord(problem: ReadProblem): void;
  /** whether bad records are skipped (otherwise the reader throws at the first) */
  skipBad: boolean;
}

/**
 * What one source row becomes. Formats that build tickets from a case's rows (event logs, audit trails)
 * name the ticket: the runner then orders the rows of a case by time and emits `created` for the case's
 * earliest row — unless the ticket is already stored, which keeps re-imports idempotent. `created` is
 * built (and validated: it throws RowError) only for that row.
 */
export interface MappedRow {
  /** the row's events, validated, with their stable ids */
  events: DomainEvent[];
  ticket?: { id: string; at: number; created: () => DomainEvent };
  /** why the row yields no events of its own (it may still create its ticket) */
  skip?: string;
  /** the row's instant, for the summary's time span */
  at?: number;
}

/** A format: how to read its rows and turn one row into events. */
export interface FormatAdapter<R = unknown> {
  readonly format: string;
  rows(input: Readable, hooks: ReaderHooks): AsyncIterable<SourceRow<R>>;
  /** throws RowError for a bad row */
  map(row: SourceRow<R>): MappedRow;
  /** the source column an event field comes from, to name it in an error */
  columnOf(field: string): string | undefined;
  /** the row as it is written to the rejects file */
  describe(row: SourceRow<R>): unknown;
}

/** A row that cannot be imported: names the column and the reason. */
export class RowError extends Error {
  constructor(
    readonly column: string | undefined,
    readonly reason: string,
  ) {
    super(column ? `column ${JSON.stringify(column)}: ${reason}` : reason);
  }
}

/** The mapping (or the file's header against it) is wrong: nothing is imported. */
export class MappingError extends Error {}

/** A record the reader cannot read (bad quoting, wrong number of fields, not JSON). */
export class RecordError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
    readonly column?: string,
  ) {
    super(reason);
  }
}
