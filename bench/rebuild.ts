// `firstline rebuild` throughput on a copy of the 100k demo store; with --quick, on a store of 6,000 random
// tickets (some 30,000 events) ingested for the purpose, so the quick run stays short.
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../src/ingest/ingest.js';
import { openStore } from '../src/store/open.js';
import { randomHistory } from '../test/support/random-history.js';
import { CACHE, dataset } from './datasets.js';

export interface RebuildResult {
  store: string;
  events: number;
  seconds: number;
  events_per_s: number;
}

export async function rebuildBench(quick: boolean): Promise<RebuildResult> {
  const copy = join(CACHE, 'rebuild-copy.db');
  rmSync(copy, { force: true });
  if (quick) {
    const seed = await openStore(`sqlite:${copy}`);
    const events = randomHistory(5, 6000, 'rq');
    for (let i = 0; i < events.length; i += 1000) await ingest(seed, events.slice(i, i + 1000));
    await seed.close();
  } else copyFileSync(dataset(100_000).path, copy);
  const store = await openStore(`sqlite:${copy}`);
  try {
    const events = await store.eventCount();
    const started = performance.now();
    await store.rebuild();
    const seconds = (performance.now() - started) / 1000;
    return {
      store: quick ? 'random 6k tickets' : '100k',
      events,
      seconds: Math.round(seconds * 10) / 10,
      events_per_s: Math.round(events / seconds),
    };
  } finally {
    await store.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${copy}${suffix}`, { force: true });
  }
}
