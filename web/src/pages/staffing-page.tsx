import { useState } from 'react';
import { staffingApi } from '../api/staffing.js';
import type { SeriesForecast } from '../api/staffing-types.js';
import { valueLabel } from '../components/labels.js';
import { Segmented } from '../components/segmented.js';
import { formatDateRange, formatNumber, formatPercent } from '../format/format.js';
import { useResource } from '../hooks/use-resource.js';
import { useI18n } from '../i18n/i18n.js';
import { AlertList } from '../staffing/alert-list.js';
import { ForecastChart } from '../staffing/forecast-chart.js';
import { headlineText } from '../staffing/headline.js';
import { HeatMap } from '../staffing/heat-map.js';
import '../staffing/staffing.css';

/** Alerts shown: the newest hundred (the API's default page); the count of all is said beside. */
const ALERTS_SHOWN = 100;

function Verdict({ s }: { s: SeriesForecast }) {
  const { t, lang } = useI18n();
  const b = s.backtest;
  if (!b)
    return (
      <p className="muted" data-testid="backtest-verdict">
        {t('staffing.fc.noBacktest')}
      </p>
    );
  const figures = {
    model: formatPercent(b.model.smape, lang),
    naive: formatPercent(b.seasonal_naive.smape, lang),
    origins: b.origins,
    days: b.horizon_days,
  };
  return (
    <p
      className={`verdict ${b.beats_baseline ? 'verdict-good' : 'verdict-bad'}`}
      data-testid="backtest-verdict"
      data-beats={String(b.beats_baseline)}
    >
      <strong>{t(b.beats_baseline ? 'staffing.fc.beats' : 'staffing.fc.loses')}</strong>{' '}
      {t('staffing.fc.figures', { ...figures, count: b.origins })}
    </p>
  );
}

export default function StaffingPage() {
  const { t, lang } = useI18n();
  const plan = useResource('plan', (signal) => staffingApi.plan(signal));
  const forecast = useResource('forecast', (signal) => staffingApi.forecast(signal));
  const alerts = useResource('alerts', (signal) => staffingApi.alerts(ALERTS_SHOWN, signal));
  const [channel, setChannel] = useState('all');
  const loading = plan.loading || forecast.loading || alerts.loading;
  const error = plan.error ?? forecast.error ?? alerts.error;
  const series = forecast.data?.series ?? [];
  const shown = series.find((s) => s.channel === channel) ?? series[0];
  const h = (x: number) => t('staffing.hours', { n: formatNumber(x, lang, 1) });
  const channelName = (c: string) => (c === 'all' ? t('staffing.fc.all') : valueLabel(t, 'channel', c));

  return (
    <div className="page" data-testid="staffing" data-loading={String(loading)}>
      <div className="page-head">
        <div>
          <h1>{t('staffing.title')}</h1>
          <p className="page-sub">{t('staffing.sub')}</p>
        </div>
      </div>
      {error && (
        <div className="banner banner-error" role="alert">
          {t('app.error', { message: error.message })}
        </div>
      )}
      <section className="panel" aria-labelledby="staffing-plan-title">
        <div className="panel-head">
          <h2 id="staffing-plan-title">{t('staffing.planTitle')}</h2>
        </div>
        {plan.data ? (
          <>
            <p className="staffing-headline" data-testid="staffing-headline">
              {headlineText(plan.data.summary, t, lang)}
            </p>
            <dl className="staffing-figures">
              <div>
                <dt>{t('staffing.fig.required')}</dt>
                <dd data-testid="fig-required">{h(plan.data.summary.required_hours_per_week)}</dd>
              </div>
              <div>
                <dt>{t('staffing.fig.staffed')}</dt>
                <dd>{h(plan.data.summary.staffed_hours_per_week)}</dd>
              </div>
              <div>
                <dt>{t('staffing.fig.shortfall')}</dt>
                <dd>{h(plan.data.summary.shortfall_hours_per_week)}</dd>
              </div>
              <div>
                <dt>{t('staffing.fig.surplus')}</dt>
                <dd>{h(plan.data.summary.surplus_hours_per_week)}</dd>
              </div>
            </dl>
            <HeatMap slots={plan.data.slots} />
            <p className="chart-note">
              {t('staffing.planNote', {
                period: formatDateRange(plan.data.period.from_date, plan.data.period.to_date, lang),
                level: formatPercent(plan.data.settings.service_level, lang, 0),
                occupancy: formatPercent(plan.data.settings.max_occupancy, lang, 0),
                shrinkage: formatPercent(plan.data.settings.shrinkage, lang),
                source: t(`staffing.shrinkage.${plan.data.settings.shrinkage_source}`),
                fte: formatNumber(plan.data.settings.fte_hours_per_week, lang, 1),
              })}
            </p>
          </>
        ) : (
          !plan.error && <div className="skeleton skeleton-tall" aria-busy="true" />
        )}
      </section>
      <section className="panel" aria-labelledby="staffing-fc-title">
        <div className="panel-head">
          <h2 id="staffing-fc-title">{t('staffing.fc.title')}</h2>
          {series.length > 1 && (
            <div className="panel-tools">
              <Segmented
                small
                label={t('dim.channel')}
                options={series.map((s) => s.channel)}
                value={shown?.channel ?? 'all'}
                onChange={setChannel}
                render={channelName}
                testId={(c) => `fc-channel-${c}`}
              />
            </div>
          )}
        </div>
        {forecast.data && shown ? (
          <>
            <ForecastChart series={shown} />
            <Verdict s={shown} />
            <p className="chart-note">
              {t('staffing.fc.note', {
                measure: t(`staffing.fc.measure.${forecast.data.measure}`),
                days: forecast.data.horizon_days,
              })}
            </p>
          </>
        ) : forecast.data ? (
          <p className="muted">{t('staffing.fc.none')}</p>
        ) : (
          !forecast.error && <div className="skeleton skeleton-tall" aria-busy="true" />
        )}
      </section>
      <section className="panel" aria-labelledby="staffing-alerts-title">
        <div className="panel-head">
          <h2 id="staffing-alerts-title">{t('staffing.alerts.title')}</h2>
          {alerts.data && (
            <span className="muted small" data-testid="alerts-total" data-total={alerts.data.total}>
              {t('staffing.alerts.count', {
                shown: formatNumber(alerts.data.alerts.length, lang),
                count: alerts.data.total,
                total: formatNumber(alerts.data.total, lang),
              })}
            </span>
          )}
        </div>
        {alerts.data ? (
          <AlertList alerts={alerts.data.alerts} />
        ) : (
          !alerts.error && <div className="skeleton skeleton-tall" aria-busy="true" />
        )}
      </section>
    </div>
  );
}
