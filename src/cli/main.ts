#!/usr/bin/env node
import { Command, Option } from 'commander';
import { type Config, loadConfig } from '../config.js';
import { rebuild } from './commands/rebuild.js';
import { serve } from './commands/serve.js';

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
  .action(async (opts: { port?: number }) => serve(config(opts.port ? { port: opts.port } : {})));

program
  .command('rebuild')
  .description('drop all projections and derive them again from the event log')
  .option('--json', 'print the result as JSON')
  .action(async (opts: { json?: boolean }) => rebuild(config(), Boolean(opts.json)));

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`firstline: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
