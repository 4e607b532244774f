// Import throughput: rows/s and the importing process's peak RSS for each format on a generated file
// (1,000,000 rows by default, cached under bench/.cache/), each imported into a fresh SQLite store in a
// child process, so one format's memory does not hide another's. The last line of stdout is one JSON object.
// Usage: npx tsx bench/import.ts [--rows 1000000] [--formats tickets-csv,zendesk]
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { adapterFor, IMPORT_FORMATS, type ImportFormat } from '../src/ingest/importers/formats.js';
import { runImport } from '../src/ingest/importers/import-runner.js';
import { openStore } from '../src/store/open.js';
import * as data from './import-data.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const CACHE = join(HERE, '.cache');
const EXAMPLES = fileURLToPath(new URL('../examples/mappings/', import.meta.url));

interface Source {
  ext: string;
  write: (path: string, rows: number) => Promise<void>;
  mapping?: () => string;
  tz?: string;
}

const SOURCES: Record<ImportFormat, Source> = {
  'tickets-csv': { ext: 'csv', write: data.ticketsCsv, mapping: () => join(EXAMPLES, 'tickets-csv.json') },
  'event-log': {
    ext: 'csv',
    write: data.eventLog,
    mapping: () => {
      const path = join(CACHE, 'event-log-mapping.json');
      writeFileSync(path, JSON.stringify(data.EVENT_LOG_MAPPING, null, 2));
      return path;
    },
  },
  servicenow: { ext: 'csv', write: data.servicenow, tz: 'UTC' },
  zendesk: { ext: 'ndjson', write: data.zendesk },
  'call-records': { ext: 'csv', write: data.callRecords, mapping: () => join(EXAMPLES, 'call-records.json') },
  'events-ndjson': { ext: 'ndjson', write: data.eventsNdjson },
};

interface ChildResult {
  rows: number;
  events_written: number;
  seconds: number;
  rows_per_s: number;
  /** the whole resident set at its peak, which includes the SQLite file's pages it maps (mmap_size) */
  peak_rss_mb: number;
  /** the anonymous part (heap, buffers, SQLite's page cache), sampled at each progress report: what the import holds */
  peak_anon_mb: number;
}

/** RssAnon of /proc/self/status in MB (0 where there is no /proc). */
function anonMb(): number {
  try {
    const m = /RssAnon:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

/** The child: imports one file into a fresh store and reports on its stdout. */
async function child(format: string, file: string, mapping: string, tz: string, db: string) {
  const store = await openStore(`sqlite:${db}`);
  const adapter = await adapterFor(format, mapping || undefined, { tz: tz || undefined });
  let peakAnon = 0;
  const s = await runImport(store, {
    file,
    adapter,
    onProgress: () => (peakAnon = Math.max(peakAnon, anonMb())),
  });
  await store.close();
  const result: ChildResult = {
    rows: s.rows_read,
    events_written: s.events_written,
    seconds: Math.round(s.seconds * 10) / 10,
    rows_per_s: s.rows_per_s,
    // maxRSS is in kilobytes: the peak of the whole process, reading, parsing and the store together
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    peak_anon_mb: Math.max(peakAnon, anonMb()),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function runChild(args: string[]): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const p = fork(fileURLToPath(import.meta.url), ['--child', ...args], {
      execArgv: process.execArgv,
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    let out = '';
    p.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
    });
    p.on('error', reject);
    p.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`the import child exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1)!) as ChildResult);
    });
  });
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      rows: { type: 'string', default: '1000000' },
      formats: { type: 'string', default: IMPORT_FORMATS.join(',') },
      child: { type: 'boolean', default: false },
    },
  });
  if (values.child) {
    const [format, file, mapping, tz, db] = positionals as [string, string, string, string, string];
    return child(format, file, mapping, tz, db);
  }
  const rows = Number(values.rows);
  if (!Number.isInteger(rows) || rows < 1) throw new Error('--rows must be a whole number ≥ 1');
  const formats = values.formats.split(',') as ImportFormat[];
  mkdirSync(CACHE, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'firstline-bench-import-'));
  const results: Record<string, ChildResult & { file_mb: number; events_per_s: number }> = {};
  try {
    for (const format of formats) {
      const source = SOURCES[format];
      if (!source) throw new Error(`unknown format ${format}`);
      const file = join(CACHE, `${format}-${rows}.${source.ext}`);
      if (!existsSync(file)) {
        process.stderr.write(`writing ${file}…\n`);
        await source.write(`${file}.tmp`, rows);
        renameSync(`${file}.tmp`, file);
      }
      const { size } = await import('node:fs/promises').then((fs) => fs.stat(file));
      process.stderr.write(`importing ${format} (${rows.toLocaleString('en-US')} rows)…\n`);
      const r = await runChild([
        format,
        file,
        source.mapping?.() ?? '',
        source.tz ?? '',
        join(dir, `${format}.db`),
      ]);
      results[format] = {
        ...r,
        file_mb: Math.round(size / 1024 ** 2),
        events_per_s: Math.round(r.events_written / Math.max(r.seconds, 0.1)),
      };
      process.stderr.write(
        `  ${r.rows_per_s.toLocaleString('en-US')} rows/s, ${results[format].events_per_s.toLocaleString('en-US')} events/s, peak RSS ${r.peak_rss_mb} MB (anonymous ${r.peak_anon_mb} MB), ${r.seconds} s\n`,
      );
      rmSync(join(dir, `${format}.db`), { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`${JSON.stringify({ rows, store: 'sqlite', formats: results })}\n`);
}

await main();
