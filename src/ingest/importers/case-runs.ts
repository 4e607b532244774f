import type { MappedRow } from './types.js';

/**
 * Orders a case's rows by time with bounded memory. Event logs come grouped by case (each case's rows
 * together, not always sorted within it) or sorted by time (cases interleaved). A run is a stretch of
 * consecutive rows of one case: it is held until the case changes, then sorted by time (stably, so equal
 * instants keep file order) and released. Grouped files give one run per case, time-sorted files runs of
 * about one row; either way a case's earliest row comes first. A run longer than `maxRun` rows is released
 * as it is and the case goes on in a new run (correct when the case is itself sorted by time).
 */
export class CaseRuns<T extends { mapped: MappedRow }> {
  private run: T[] = [];
  private runTicket: string | undefined;

  constructor(private readonly maxRun = 20_000) {}

  /** Adds a row; returns the rows now ready, in order. */
  push(item: T): T[] {
    const ticket = item.mapped.ticket?.id;
    const ready =
      this.run.length && (ticket === undefined || ticket !== this.runTicket || this.run.length >= this.maxRun)
        ? this.close()
        : [];
    if (ticket === undefined) ready.push(item);
    else {
      this.runTicket = ticket;
      this.run.push(item);
    }
    return ready;
  }

  /** Releases the open run (at the end of the file). */
  close(): T[] {
    const run = this.run;
    this.run = [];
    this.runTicket = undefined;
    if (run.length > 1) run.sort((a, b) => a.mapped.ticket!.at - b.mapped.ticket!.at);
    return run;
  }
}
