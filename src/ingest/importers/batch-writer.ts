import type { DomainEvent } from '../../domain/events.js';
import type { Store } from '../../store/store.js';
import { ticketEventsOfTypes } from '../../store/ticket-events.js';
import { IngestError, ingest } from '../ingest.js';
import type { SummaryBuilder } from './summary.js';
import { type MappedRow, RowError, type SourceRow } from './types.js';

export interface Pending<R> {
  row: SourceRow<R>;
  mapped: MappedRow;
}

/** Reports a bad row: throws (stop at the first) or writes it to the rejects file and returns. */
export type BadRow<R> = (item: Pending<R>, column: string | undefined, reason: string) => void;

interface Outgoing<R> {
  event: DomainEvent;
  item: Pending<R>;
}

/** When each of these tickets was created, for those already stored. */
async function storedCreations(store: Store, ids: Iterable<string>): Promise<Map<string, number>> {
  const created = await ticketEventsOfTypes(store.db, ids, ['ticket.created']);
  return new Map(created.map((e) => [e.ticket_id, e.at]));
}

/**
 * Collects rows and sends their events to `ingest` in batches. A ticket gets its `ticket.created` from the
 * first of its rows the log does not yet know — the store is the memory of which cases exist, so nothing
 * per case is kept between batches and a re-import creates nothing twice.
 */
export class BatchWriter<R> {
  private items: Pending<R>[] = [];
  private pendingEvents = 0;

  constructor(
    private readonly store: Store,
    private readonly columnOf: (field: string) => string | undefined,
    private readonly summary: SummaryBuilder,
    private readonly bad: BadRow<R>,
    readonly batchSize: number,
  ) {}

  add(items: readonly Pending<R>[]): void {
    for (const item of items) {
      this.items.push(item);
      this.pendingEvents += item.mapped.events.length + (item.mapped.ticket ? 1 : 0);
    }
  }

  get full(): boolean {
    return this.pendingEvents >= this.batchSize;
  }

  async flush(): Promise<void> {
    const items = this.items;
    this.items = [];
    this.pendingEvents = 0;
    if (!items.length) return;
    const tickets = items.flatMap((it) => (it.mapped.ticket ? [it.mapped.ticket.id] : []));
    const known = await storedCreations(this.store, tickets);
    const out: Outgoing<R>[] = [];
    for (const item of items) {
      const t = item.mapped.ticket;
      const before = out.length;
      if (t) {
        const first = known.get(t.id);
        if (first === undefined) {
          try {
            out.push({ event: t.created(), item });
            known.set(t.id, t.at);
          } catch (err) {
            if (!(err instanceof RowError)) throw err;
            this.bad(item, err.column, err.reason);
            continue;
          }
        } else if (t.at < first) this.summary.s.rows_out_of_order++;
      }
      for (const event of item.mapped.events) out.push({ event, item });
      if (out.length === before) this.summary.skip(item.mapped.skip ?? 'no event');
    }
    let start = 0;
    for (let i = 1; i <= out.length; i++) {
      // a row's events stay in one batch, so a row is written whole or not at all
      const boundary = i === out.length || (i - start >= this.batchSize && out[i]!.item !== out[i - 1]!.item);
      if (boundary) {
        await this.send(out.slice(start, i));
        start = i;
      }
    }
  }

  /** One all-or-nothing batch; with skipping, a row the store refuses is rejected and the rest sent again. */
  private async send(batch: Outgoing<R>[]): Promise<void> {
    let current = batch;
    while (current.length) {
      try {
        const outcome = await ingest(
          this.store,
          current.map((o) => o.event),
        );
        const s = this.summary.s;
        s.events_sent += current.length;
        s.events_written += outcome.appended;
        s.events_duplicate += outcome.duplicates;
        s.tickets_created += current.filter((o) => o.event.type === 'ticket.created').length;
        s.rows_imported += new Set(current.map((o) => o.item)).size;
        return;
      } catch (err) {
        const detail = err instanceof IngestError ? err.details[0] : undefined;
        if (!detail || detail.index === undefined) throw err;
        const failed = current[detail.index]!.item;
        const code = (err as IngestError).code.replaceAll('_', ' ');
        this.bad(failed, this.columnOf(detail.field) ?? detail.field, `${code}: ${detail.message}`);
        current = current.filter((o) => o.item !== failed);
      }
    }
  }
}
