import type { Config } from '../../config.js';
import { openStore } from '../../store/open.js';
import { progress } from '../progress.js';

export async function rebuild(config: Config, json: boolean): Promise<void> {
  const store = await openStore(config.db);
  try {
    const bar = json ? null : progress('rebuild', 'events');
    const started = performance.now();
    const result = await store.rebuild((p) => bar?.update(p.events, p.total));
    bar?.stop();
    const seconds = (performance.now() - started) / 1000;
    const rate = Math.round(result.events / Math.max(seconds, 0.001));
    if (json)
      process.stdout.write(`${JSON.stringify({ events: result.events, seconds, events_per_s: rate })}\n`);
    else
      process.stdout.write(
        `Rebuilt all projections from ${result.events} events in ${seconds.toFixed(1)} s (${rate} events/s).\n`,
      );
  } finally {
    await store.close();
  }
}
