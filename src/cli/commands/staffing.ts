import type { Command } from 'commander';
import type { Config } from '../../config.js';
import { QueryError } from '../../kpi/query-params.js';
import { calculatorAnswer, calculatorJson, planFromParams } from '../../kpi/staffing/answer.js';
import { type StaffingParams, staffingParams } from '../../kpi/staffing/params.js';
import type { StaffingPlan } from '../../kpi/staffing/plan.js';
import { openStore } from '../../store/open.js';
import { formatDuration, formatShare, table } from '../format.js';
import { optionError, snakeOptions } from '../options.js';
import { gapHeatMap } from './staffing-heat-map.js';

/** 'target_sl: …' as the CLI user types it: '--target-sl: …'. */
const flagNames = (message: string) =>
  message.replace(
    /\b(arrivals|interval_s|aht_s|target_sl|target_s|target_asa_s|agents)\b/g,
    (m) => `--${m.replaceAll('_', '-')}`,
  );

function calculator(p: StaffingParams, json: boolean): void {
  const { request, answer: a } = calculatorAnswer(p);
  if (json) {
    process.stdout.write(`${JSON.stringify(calculatorJson(a))}\n`);
    return;
  }
  const within = request.target.kind === 'service_level' ? request.target.withinS : (request.slWithinS ?? 20);
  const rows = [
    ['agents', String(a.agents)],
    ['scheduled', `${a.scheduled} (shrinkage ${formatShare(request.shrinkage ?? 0, 0)})`],
    ['P(wait)', formatShare(a.p_wait)],
    ['service level', `${formatShare(a.service_level)} within ${formatDuration(within)}`],
    ['ASA', a.asa_s === null ? '∞ (the queue never settles)' : `${a.asa_s.toFixed(1)} s`],
    ['occupancy', formatShare(a.occupancy)],
    ...(a.p_abandon !== null ? [['abandoned', formatShare(a.p_abandon)]] : []),
  ];
  process.stdout.write(
    `${a.model === 'erlang_a' ? 'Erlang A' : 'Erlang C'}: ${a.load_erlangs.toFixed(2)} erlangs offered ` +
      `(${request.arrivals} arrivals in ${formatDuration(request.intervalS)}, AHT ${formatDuration(request.ahtS)})\n\n` +
      `${table(['', 'value'], rows)}\n`,
  );
}

function printPlan(plan: StaffingPlan): void {
  const s = plan.settings;
  const rows = plan.channels.map((c) => [
    c.channel,
    c.model === 'erlang_a' ? 'Erlang A' : c.kind === 'written' ? 'workload' : 'Erlang C',
    `${formatShare(c.target.service_level, 0)} in ${formatDuration(c.target.within_s)}`,
    `${formatDuration(c.aht_s)}${c.aht_source === 'default' ? ' (assumed)' : ''}`,
    c.patience_s === null ? '—' : formatDuration(c.patience_s),
    String(c.items),
    String(c.dedicated_hours_per_week),
    String(c.staffed_hours_per_week),
  ]);
  process.stdout.write(
    `Staffing plan from the history of ${plan.period.from_date} – ${plan.period.to_date} (${plan.period.weeks} weeks, ${plan.period.time_zone}); ` +
      `occupancy ≤ ${formatShare(s.max_occupancy, 0)}, shrinkage ${formatShare(s.shrinkage)} (${s.shrinkage_source})` +
      (s.basis === 'forecast'
        ? `; arrivals grown to the forecast of the next four weeks (${Object.entries(s.volume_factors)
            .map(([c, f]) => `${c} ×${f}`)
            .join(', ')})`
        : '') +
      '\n\n' +
      `${table(['channel', 'model', 'target', 'AHT', 'patience', 'items', 'dedicated h/wk', 'staffed h/wk'], rows)}\n\n` +
      'Gap per hour of a typical week: agents at work − agents needed (blended first line)\n\n' +
      `${gapHeatMap(plan.slots)}\n\n` +
      `Agent-hours a week: ${plan.summary.required_hours_per_week} needed, ${plan.summary.staffed_hours_per_week} worked, ` +
      `${plan.summary.shortfall_hours_per_week} short, ${plan.summary.surplus_hours_per_week} over.\n` +
      `Headline: ${plan.summary.headline}.\n`,
  );
}

export async function staffing(
  config: Config,
  options: Record<string, unknown>,
  json: boolean,
): Promise<void> {
  let p: StaffingParams;
  try {
    p = staffingParams.parse(snakeOptions(options));
  } catch (err) {
    throw optionError(err);
  }
  try {
    if (p.arrivals !== undefined) return calculator(p, json);
  } catch (err) {
    if (err instanceof QueryError) throw new Error(flagNames(err.message));
    throw err;
  }
  const store = await openStore(config.db);
  try {
    const plan = await planFromParams(store, p, Date.now());
    if (json) process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
    else printPlan(plan);
  } finally {
    await store.close();
  }
}

/** `firstline staffing`: the Erlang calculator for one interval, or the plan of a typical week from history. */
export function registerStaffing(program: Command, config: () => Config): void {
  program
    .command('staffing')
    .description(
      'agents needed: the Erlang C/A calculator (--arrivals …) or the plan of a typical week from history (required vs staffed, gap, FTE)',
    )
    .option('--arrivals <n>', 'calculator: contacts arriving in the interval')
    .option('--interval-s <s>', 'calculator: interval length, seconds (e.g. 1800)')
    .option('--aht-s <s>', 'calculator: average handle time, seconds')
    .option('--patience-s <s>', 'calculator: mean caller patience, seconds (Erlang A); omitted: Erlang C')
    .option('--target-sl <share>', 'share answered within --target-s (e.g. 0.8)')
    .option(
      '--target-s <s>',
      'service-level threshold, seconds (calculator default 20; plan: each channel’s wait target)',
    )
    .option(
      '--target-asa-s <s>',
      'calculator: target average speed of answer, seconds (instead of --target-sl)',
    )
    .option('--max-occupancy <share>', 'occupancy cap (plan default 0.85)')
    .option('--shrinkage <share>', 'share of paid time off the phones (plan default: measured from breaks)')
    .option('--agents <n>', 'calculator: the figures with this many agents')
    .option('--from <date>', 'plan: first day of history (YYYY-MM-DD); default four weeks before --to')
    .option('--to <date>', 'plan: last day of history, inclusive; default today')
    .option('--channel <list>', 'plan: only these channels, comma-separated')
    .option('--fte-hours <h>', 'plan: paid hours of one full-time agent a week (default 40)')
    .option('--basis <basis>', 'plan: history (as it was) | forecast (arrivals grown to the next four weeks)')
    .option('--json', 'print JSON')
    .action(async (opts: Record<string, unknown>) => staffing(config(), opts, Boolean(opts.json)));
}
