import type { Config } from '../../config.js';
import { type DemoOptions, demoPlan, generateDemo, ticketsPerDayFor } from '../../demo/generate-demo.js';
import { ingest } from '../../ingest/ingest.js';
import { describeStoreUrl, openStore } from '../../store/open.js';
import { progress } from '../progress.js';

export interface DemoCommandOptions {
  days: number;
  seed: number;
  /** about this many tickets in all (benchmarks); default ~350 a day at the end of the period */
  tickets?: number;
  /** ISO instant the history ends at; default: now, rounded down to the hour, so the data is recent */
  end?: string;
  json: boolean;
}

const BATCH = 5000;

function currentHour(now = Date.now()): string {
  return new Date(Math.floor(now / 3_600_000) * 3_600_000).toISOString();
}

/** Fills an empty store with a realistic synthetic history, streamed through ingest batch by batch. */
export async function demo(config: Config, opts: DemoCommandOptions): Promise<void> {
  const base = { days: opts.days, seed: opts.seed, end: opts.end ?? currentHour(), batchSize: BATCH };
  const options: DemoOptions =
    opts.tickets === undefined ? base : { ...base, ticketsPerDay: ticketsPerDayFor(opts.tickets, base) };
  const plan = demoPlan(options);
  const store = await openStore(config.db);
  try {
    // Demo ids are fixed per seed, and a second history on top of real data would spoil its KPIs.
    const any = await store.db.selectFrom('events').select('id').limit(1).execute();
    if (any.length > 0) {
      throw new Error(
        `the store ${describeStoreUrl(config.db)} already holds events; the demo fills an empty store (choose another with --db)`,
      );
    }
    const bar = opts.json ? null : progress('demo', 'events');
    const started = performance.now();
    let events = 0;
    let tickets = 0;
    let contacts = 0;
    for (const batch of generateDemo(options)) {
      await ingest(store, batch);
      events += batch.length;
      for (const e of batch) {
        if (e.type === 'ticket.created') tickets++;
        else if (e.type === 'contact.offered') contacts++;
      }
      bar?.update(events, Math.max(plan.expectedEvents, events));
    }
    bar?.update(events, events);
    bar?.stop();
    const seconds = (performance.now() - started) / 1000;
    const summary = {
      tickets,
      contacts,
      events,
      seconds: Math.round(seconds * 10) / 10,
      events_per_s: Math.round(events / Math.max(seconds, 0.001)),
      from: new Date(plan.startMs).toISOString(),
      to: new Date(plan.endMs).toISOString(),
      seed: opts.seed,
      spike_date: plan.spikeDate,
    };
    if (opts.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else {
      process.stdout.write(
        `Demo history ${summary.from} – ${summary.to} (seed ${summary.seed}): ${tickets} tickets, ${contacts} contacts, ` +
          `${events} events in ${seconds.toFixed(1)} s (${summary.events_per_s} events/s).\n` +
          (plan.spikeDate ? `Escalation spike ('defective goods') on ${plan.spikeDate}.\n` : ''),
      );
    }
  } finally {
    await store.close();
  }
}
