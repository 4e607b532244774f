#!/usr/bin/env node
import { Command, Option } from 'commander';
import { type Config, loadConfig } from '../config.js';
import { renderKpiDocs } from '../kpi/kpi-docs.js';
import { DIMENSIONS } from '../kpi/types.js';
import { registerAccounts } from './commands/accounts.js';
import { registerAlerts } from './commands/alerts.js';
import { importCustomersCommand } from './commands/customers.js';
import { demo } from './commands/demo.js';
import { exportCommand } from './commands/export.js';
import { facts } from './commands/facts.js';
import { registerForecast } from './commands/forecast.js';
import { importCommand } from './commands/import.js';
import { kpi } from './commands/kpi.js';
import { rebuild } from './commands/rebuild.js';
import { serve } from './commands/serve.js';
import { registerStaffing } from './commands/staffing.js';

// `firstline facts | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const program = new Command()
  .name('firstline')
  .description('Firstline help desk: exact support KPIs from an event log')
  .addOption(
    new Option(
      '--db <url>',
      'store: sqlite:<path> or postgres://… (default: $FIRSTLINE_DB or sqlite:./data/firstline.db)',
    ),
  )
  .showHelpAfterError();

function config(overrides: Partial<Config> = {}): Config {
  const base = loadConfig();
  const db = program.opts<{ db?: string }>().db;
  return { ...base, ...(db ? { db } : {}), ...overrides };
}

program
  .command('serve')
  .description('start the HTTP API (and, later, the web app)')
  .option('-p, --port <port>', 'port to listen on', (v) => Number.parseInt(v, 10))
  .action(async (opts: { port?: number }) =>
    serve(config(opts.port !== undefined ? { port: opts.port } : {})),
  );

program
  .command('rebuild')
  .description('drop all projections and derive them again from the event log')
  .option('--json', 'print the result as JSON')
  .action(async (opts: { json?: boolean }) => rebuild(config(), Boolean(opts.json)));

const int = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`--${name} must be a whole number, got ${JSON.stringify(v)}`);
  return n;
};

program
  .command('demo')
  .description('fill an empty store with a realistic synthetic service desk, through the normal ingest path')
  .option('--days <n>', 'days of history', int('days'), 90)
  .option('--seed <n>', 'random seed (the same seed gives the same history)', int('seed'), 1)
  .option('--tickets <n>', 'about this many tickets in all (for benchmarks)', int('tickets'))
  .option('--end <instant>', 'the instant the history ends (default: now)')
  .option('--json', 'print the summary as JSON')
  .action(async (opts: { days: number; seed: number; tickets?: number; end?: string; json?: boolean }) =>
    demo(config(), {
      days: opts.days,
      seed: opts.seed,
      ...(opts.tickets !== undefined ? { tickets: opts.tickets } : {}),
      ...(opts.end ? { end: opts.end } : {}),
      json: Boolean(opts.json),
    }),
  );

const kpiCommand = program
  .command('kpi')
  .description('the KPIs of SPEC §3 for a period: value, target, tier, trend, n (docs/kpis.md defines each)')
  .option(
    '--from <date>',
    'first day (YYYY-MM-DD, organisation time zone) or ISO instant; default 30 days before --to',
  )
  .option('--to <date>', 'last day, inclusive (YYYY-MM-DD) or ISO instant (exclusive); default today')
  .option('--bucket <unit>', 'hour | day | week | month: a series per bucket')
  .option('--by <dimension>', `group by ${DIMENSIONS.join(' | ')}`)
  .option('--time <mode>', "calendar | business (the team calendars' working hours)")
  .option('--kpis <ids>', 'only these KPI ids, comma-separated')
  .option('--reopen-window <duration>', 'reopen window for FCR and reopen rate, e.g. 7d (default)')
  .option('--short-abandon-s <seconds>', 'abandons shorter than this are left out (default 5)')
  .option('--json', 'print the JSON report');
for (const d of DIMENSIONS) kpiCommand.option(`--${d} <values>`, `only these ${d} values, comma-separated`);
kpiCommand.action(async (opts: Record<string, unknown>) => {
  const { reopenWindow, shortAbandonS, json, ...rest } = opts;
  await kpi(
    config(),
    { ...rest, reopen_window: reopenWindow, short_abandon_s: shortAbandonS },
    Boolean(json),
  );
});

program
  .command('facts')
  .description('export one row per ticket: milestones, counters, flags, calendar and business durations')
  .option('--from <date>', 'tickets created from this day (YYYY-MM-DD) or instant')
  .option('--to <date>', 'to this day (inclusive) or instant')
  .option('--csv', 'CSV (the default)')
  .option('--ndjson', 'one JSON object per line instead of CSV')
  .action(async (opts: { from?: string; to?: string; ndjson?: boolean }) =>
    facts(config(), {
      ...(opts.from ? { from: opts.from } : {}),
      ...(opts.to ? { to: opts.to } : {}),
      csv: !opts.ndjson,
    }),
  );

program
  .command('import <file>')
  .description(
    'import history (CSV, gzipped CSV or NDJSON) through the normal ingest path; importing again adds only what is new',
  )
  .requiredOption(
    '--format <format>',
    'tickets-csv | event-log | servicenow | zendesk | call-records | events-ndjson',
  )
  .option('--mapping <file>', 'mapping JSON (tickets-csv, event-log, call-records; see examples/mappings/)')
  .option('--tz <zone>', 'IANA time zone of the servicenow export’s times (default UTC)')
  .option('--skip-bad', 'write bad rows to a rejects file and go on, instead of stopping at the first')
  .option('--rejects <file>', 'where --skip-bad writes the rejected rows')
  .option('--batch-size <n>', 'events per transaction', int('batch-size'))
  .option('--json', 'print the summary as JSON')
  .action(
    async (
      file: string,
      opts: {
        format: string;
        mapping?: string;
        tz?: string;
        skipBad?: boolean;
        rejects?: string;
        batchSize?: number;
        json?: boolean;
      },
    ) =>
      importCommand(config(), file, {
        format: opts.format,
        ...(opts.mapping ? { mapping: opts.mapping } : {}),
        ...(opts.tz ? { tz: opts.tz } : {}),
        ...(opts.skipBad ? { skipBad: true } : {}),
        ...(opts.rejects ? { rejects: opts.rejects } : {}),
        ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
        json: Boolean(opts.json),
      }),
  );

program
  .command('export')
  .description('write every stored event, in log order, as NDJSON (importable with --format events-ndjson)')
  .option('--from <date>', 'events from this day (YYYY-MM-DD) or instant')
  .option('--to <date>', 'to this day (inclusive) or instant')
  .action(async (opts: { from?: string; to?: string }) => {
    await exportCommand(config(), {
      ...(opts.from ? { from: opts.from } : {}),
      ...(opts.to ? { to: opts.to } : {}),
    });
  });

program
  .command('customers')
  .description('customer records')
  .command('import <file>')
  .description(
    'import customers from CSV (columns: customer_id, name, company, company_id, phones, emails, handles)',
  )
  .option('--country <code>', 'country of phone numbers written without a country code', 'RU')
  .option('--json', 'print the summary as JSON')
  .action(async (file: string, opts: { country: string; json?: boolean }) =>
    importCustomersCommand(config(), file, opts),
  );

program
  .command('docs')
  .description(
    "print docs/kpis.md: every KPI's definition, formula, reference instant, unit, target (English and Russian)",
  )
  .action(() => {
    process.stdout.write(renderKpiDocs());
  });

registerStaffing(program, config);
registerForecast(program, config);
registerAlerts(program, config);

registerAccounts(program, config);

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`firstline: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
