/** What an import did, row by row; printed at the end (and as JSON with --json). */
export interface ImportSummary {
  file: string;
  format: string;
  /** data rows read (the header is not a row) */
  rows_read: number;
  /** rows that became at least one event (or created their ticket) */
  rows_imported: number;
  /** rows that yield no event, by reason (unmapped activity, …) */
  rows_skipped: number;
  skipped: Record<string, number>;
  /** bad rows written to the rejects file (--skip-bad) */
  rows_rejected: number;
  rejects_file: string | null;
  events_sent: number;
  /** events appended to the log */
  events_written: number;
  /** events already stored (a re-import) or repeated in the file: no-ops */
  events_duplicate: number;
  tickets_created: number;
  /** rows earlier than their ticket's first event: the file is neither grouped by case nor sorted by time */
  rows_out_of_order: number;
  first_at: string | null;
  last_at: string | null;
  seconds: number;
  rows_per_s: number;
}

/** Distinct skip reasons kept; the rest are pooled, so a file of garbage cannot grow the summary. */
const MAX_REASONS = 100;
export const OTHER_REASONS = '(other reasons)';

export class SummaryBuilder {
  readonly s: ImportSummary;
  private firstMs = Number.POSITIVE_INFINITY;
  private lastMs = Number.NEGATIVE_INFINITY;
  private readonly started = performance.now();

  constructor(file: string, format: string) {
    this.s = {
      file,
      format,
      rows_read: 0,
      rows_imported: 0,
      rows_skipped: 0,
      skipped: {},
      rows_rejected: 0,
      rejects_file: null,
      events_sent: 0,
      events_written: 0,
      events_duplicate: 0,
      tickets_created: 0,
      rows_out_of_order: 0,
      first_at: null,
      last_at: null,
      seconds: 0,
      rows_per_s: 0,
    };
  }

  seen(atMs: number | undefined): void {
    if (atMs === undefined) return;
    if (atMs < this.firstMs) this.firstMs = atMs;
    if (atMs > this.lastMs) this.lastMs = atMs;
  }

  skip(reason: string): void {
    this.s.rows_skipped++;
    const key =
      reason in this.s.skipped || Object.keys(this.s.skipped).length < MAX_REASONS ? reason : OTHER_REASONS;
    this.s.skipped[key] = (this.s.skipped[key] ?? 0) + 1;
  }

  finish(): ImportSummary {
    this.s.seconds = (performance.now() - this.started) / 1000;
    this.s.rows_per_s = Math.round(this.s.rows_read / Math.max(this.s.seconds, 0.001));
    if (this.lastMs >= this.firstMs) {
      this.s.first_at = new Date(this.firstMs).toISOString();
      this.s.last_at = new Date(this.lastMs).toISOString();
    }
    return this.s;
  }
}

const n = (x: number) => x.toLocaleString('en-US');

/** The human-readable summary the CLI prints. */
export function formatSummary(s: ImportSummary, stopped = false): string {
  const head = stopped
    ? `Stopped importing ${s.file} (${s.format}) after`
    : `Imported ${s.file} (${s.format}) in`;
  const lines = [
    `${head} ${s.seconds.toFixed(1)} s: ${n(s.rows_read)} rows read (${n(s.rows_per_s)} rows/s)`,
    `  rows imported     ${n(s.rows_imported)}`,
    `  tickets created   ${n(s.tickets_created)}`,
    `  events written    ${n(s.events_written)}` +
      (s.events_duplicate ? ` (${n(s.events_duplicate)} already stored or repeated in the file)` : ''),
    `  rows skipped      ${n(s.rows_skipped)}`,
    ...Object.entries(s.skipped)
      .sort((a, b) => b[1] - a[1])
      .map(([reason, count]) => `    ${reason}: ${n(count)}`),
  ];
  if (s.rows_rejected || s.rejects_file)
    lines.push(`  rows rejected     ${n(s.rows_rejected)}${s.rejects_file ? ` → ${s.rejects_file}` : ''}`);
  if (s.rows_out_of_order)
    lines.push(
      `  out of order      ${n(s.rows_out_of_order)} rows earlier than their ticket's creation (sort the file by case or time)`,
    );
  if (s.first_at) lines.push(`  time span         ${s.first_at} .. ${s.last_at}`);
  return `${lines.join('\n')}\n`;
}
