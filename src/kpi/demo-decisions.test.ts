import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_END, demoPlan, generateDemo } from '../demo/generate-demo.js';
import { ingest } from '../ingest/ingest.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { startOfLocalDate } from '../time/local-date.js';
import { evaluateAlerts } from './alerts/evaluate.js';
import { volumeForecast } from './forecast/forecast.js';
import { forecastVolumeFactors } from './staffing/forecast-basis.js';
import { DEFAULT_TARGETS } from './targets.js';

// The demo desk over 90 days (at 150 tickets a day rather than 350, to keep the run short), ingested
// through the normal path: the numbers the decisions of SPEC §5 must get right on realistic data.
const options = { days: 90, seed: 1, ticketsPerDay: 150 };
const TZ = 'Europe/Moscow';

describe('decisions from a 90-day demo history', () => {
  let store: Store;
  const plan = demoPlan(options);
  beforeAll(async () => {
    store = await openStore('sqlite::memory:');
    for (const batch of generateDemo(options)) await ingest(store, batch);
  }, 600_000);
  afterAll(() => store.close());

  it('forecasts volume better than the seasonal-naive forecast in the rolling backtest', async () => {
    const report = await volumeForecast(store, {
      from: plan.startMs,
      // The demo ends at 03:00 on 2026-11-23 in Moscow: its last whole day is the 22nd.
      to: startOfLocalDate(DEFAULT_DEMO_END.slice(0, 10), TZ),
      timeZone: TZ,
      horizonDays: 28,
      seasonality: 'auto',
    });
    expect(report.measure).toBe('contacts_offered');
    expect(report.period.history_days).toBeGreaterThanOrEqual(88);
    expect(report.series.map((s) => s.channel)).toEqual(['all', 'phone', 'chat', 'email', 'social', 'web']);
    for (const s of report.series) {
      expect(s.backtest, s.channel).not.toBeNull();
      expect(s.backtest!.origins, s.channel).toBeGreaterThanOrEqual(6);
      expect(s.backtest!.model.smape, s.channel).toBeLessThan(s.backtest!.seasonal_naive.smape);
      expect(s.backtest!.beats_baseline, s.channel).toBe(true);
      expect(s.recommended).toBe('holt_winters');
      expect(s.forecast).toHaveLength(28);
    }
  });

  it('turns the forecast into growth factors for the staffing plan, each channel within ±10–20 % of its last four weeks', async () => {
    const to = startOfLocalDate('2026-11-23', TZ);
    const factors = await forecastVolumeFactors(store, { from: to - 28 * 86_400_000, to, timeZone: TZ });
    expect(Object.keys(factors).sort()).toEqual(['chat', 'email', 'phone', 'social', 'web']);
    for (const f of Object.values(factors)) {
      expect(f).toBeGreaterThan(0.9);
      expect(f).toBeLessThan(1.2);
    }
  });

  it("alerts the injected 'defective goods' escalation spike on its day, and nothing on the ordinary days before", async () => {
    const alerts = await evaluateAlerts(store, {
      from: plan.startMs,
      to: plan.endMs,
      timeZone: TZ,
      targets: DEFAULT_TARGETS,
    });
    const spikeStart = startOfLocalDate(plan.spikeDate!, TZ);
    // 2026-11-09, a Monday 75 days in: 60 ordinary days lie before it (the first 28 teach the baseline).
    expect(plan.spikeDate).toBe('2026-11-09');
    expect((spikeStart - plan.startMs) / 86_400_000).toBeGreaterThan(60);
    const onSpike = alerts.filter(
      (a) => a.kind === 'escalation_spike' && a.bucket === 'day' && a.bucket_label === plan.spikeDate,
    );
    expect(onSpike.map((a) => a.value)).toContain('defective goods');
    const spike = onSpike.find((a) => a.value === 'defective goods')!;
    expect(spike.dimension).toBe('category');
    expect(spike.observed).toBeGreaterThan(3 * spike.expected);
    expect(spike.p_value).toBeLessThan(1e-4);
    // Nothing at all — no escalation, SLA-breach or abandonment alert, daily or hourly — before that day.
    expect(alerts.filter((a) => a.bucket_start < spikeStart).map((a) => a.message)).toEqual([]);
  });
});
