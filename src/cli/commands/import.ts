import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import type { Config } from '../../config.js';
import { adapterFor } from '../../ingest/importers/formats.js';
import { ImportError, type ImportProgress, runImport } from '../../ingest/importers/import-runner.js';
import { formatSummary } from '../../ingest/importers/summary.js';
import { openStore } from '../../store/open.js';
import { formatDuration } from '../format.js';

export interface ImportCommandOptions {
  format: string;
  mapping?: string;
  tz?: string;
  skipBad?: boolean;
  rejects?: string;
  batchSize?: number;
  json?: boolean;
}

const n = (x: number) => Math.round(x).toLocaleString('en-US');

/**
 * A bar with rows, rows/s and an ETA on a terminal; plain lines (at most every two seconds) when piped.
 * The total of a stream of rows is unknown: the ETA comes from the share of the file's bytes read.
 */
function importProgress(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  const measure = (p: ImportProgress) => {
    const seconds = Math.max(0.001, (Date.now() - started) / 1000);
    const share = p.total_bytes ? Math.min(1, p.bytes / p.total_bytes) : 0;
    const eta = share > 0 ? seconds * ((1 - share) / share) : null;
    return {
      rows: n(p.rows),
      rate: n(p.rows / seconds),
      share,
      remaining: eta === null ? '—' : formatDuration(eta),
    };
  };
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {percentage}% | {rows} rows | {rate} rows/s | ETA {remaining}`,
        stream,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let begun = false;
    return {
      update(p: ImportProgress) {
        const { share, ...payload } = measure(p);
        if (!begun) bar.start(1000, Math.round(share * 1000), payload);
        else bar.update(Math.round(share * 1000), payload);
        begun = true;
      },
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  return {
    update(p: ImportProgress) {
      if (Date.now() - last < 2000) return;
      last = Date.now();
      const m = measure(p);
      stream.write(
        `${label}: ${m.rows} rows, ${(m.share * 100).toFixed(0)} % of the file, ${m.rate} rows/s, ETA ${m.remaining}\n`,
      );
    },
    stop() {},
  };
}

/**
 * `firstline import <file> --format <f> [--mapping m] [--tz zone] [--skip-bad] [--rejects file]`: history from another
 * help desk through the normal ingest path. The mapping is checked before the store is touched.
 */
export async function importCommand(config: Config, file: string, opts: ImportCommandOptions): Promise<void> {
  const adapter = await adapterFor(opts.format, opts.mapping, { tz: opts.tz });
  const store = await openStore(config.db);
  const view = opts.json ? null : importProgress(`import ${basename(file)}`);
  try {
    const summary = await runImport(store, {
      file,
      adapter,
      ...(opts.skipBad ? { skipBad: true } : {}),
      ...(opts.rejects ? { rejectsPath: opts.rejects } : {}),
      ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
      onProgress: (p) => view?.update(p),
    });
    view?.stop();
    process.stdout.write(opts.json ? `${JSON.stringify(summary)}\n` : formatSummary(summary));
  } catch (err) {
    view?.stop();
    if (err instanceof ImportError) {
      if (!opts.json) process.stderr.write(formatSummary(err.summary, true));
      throw new Error(
        `${err.message}\n  Nothing of the failing batch was written (${n(err.summary.events_written)} events of ` +
          'earlier batches are stored; importing the fixed file again adds only what is missing). ' +
          'With --skip-bad, bad rows go to a rejects file and the import goes on.',
      );
    }
    throw err;
  } finally {
    await store.close();
  }
}
