import { BENCHMARKED, benchmarksApi, type ChannelBenchmark } from '../api/insights.js';
import { BenchmarkChart } from '../bench/benchmark-chart.js';
import { useDashQuery } from '../components/filter-bar.js';
import { valueLabel } from '../components/labels.js';
import { TierBadge } from '../components/tier-badge.js';
import { formatDuration, formatNumber, formatPercent } from '../format/format.js';
import { useOrgTimeZone } from '../hooks/org.js';
import { useResource } from '../hooks/use-resource.js';
import { useI18n } from '../i18n/i18n.js';
import { Link } from '../router/router.js';
import { apiParams, searchString, writeQuery } from '../router/url-state.js';

export default function BenchmarksPage() {
  const { t, lang } = useI18n();
  const { query } = useDashQuery();
  const tz = useOrgTimeZone();
  const params = apiParams(query, tz, Date.now());
  params.delete('bucket');
  const key = params.toString();
  const res = useResource(key, (signal) => benchmarksApi.get(params, signal));
  const channels = res.data?.channels ?? [];
  const order = (c: ChannelBenchmark) => {
    const i = (BENCHMARKED as readonly string[]).indexOf(c.channel);
    return i < 0 ? 10 : i;
  };
  const sorted = [...channels].sort((a, b) => order(a) - order(b) || a.channel.localeCompare(b.channel));
  const benchmarked = sorted.filter((c) => c.benchmark !== null);
  const kpiHref = (channel: string) =>
    `/kpi/first_response${searchString(writeQuery({ ...query, filters: { ...query.filters, channel: [channel] } }))}`;

  return (
    <div className="page" data-testid="benchmarks" data-loading={String(res.loading || res.dataKey !== key)}>
      <div className="page-head">
        <div>
          <h1>{t('bench.title')}</h1>
          <p className="page-sub">{t('bench.sub')}</p>
        </div>
      </div>
      {res.error && (
        <div className="banner banner-error" role="alert">
          {t('app.error', { message: res.error.message })}
        </div>
      )}
      {res.data ? (
        <>
          <section className="panel" aria-labelledby="bench-chart-title">
            <div className="panel-head">
              <h2 id="bench-chart-title">{t('bench.chartTitle')}</h2>
            </div>
            {benchmarked.length ? (
              <BenchmarkChart rows={benchmarked} />
            ) : (
              <p className="muted">{t('bench.noneAnswered')}</p>
            )}
            <p className="chart-note">{t('bench.chartNote')}</p>
          </section>
          <section className="panel" aria-labelledby="bench-table-title">
            <div className="panel-head">
              <h2 id="bench-table-title">{t('bench.tableTitle')}</h2>
            </div>
            <div className="table-wrap">
              <table className="table" data-testid="bench-table">
                <thead>
                  <tr>
                    <th scope="col">{t('dim.channel')}</th>
                    <th scope="col" className="num">
                      {t('bench.col.answered')}
                    </th>
                    <th scope="col" className="num">
                      {t('kpi.col.median')}
                    </th>
                    <th scope="col" className="num">
                      {t('kpi.col.p90')}
                    </th>
                    {(['excellent', 'good', 'satisfactory'] as const).map((tier) => (
                      <th key={tier} scope="col" className="num">
                        {t('bench.col.within', { tier: t(`tier.${tier}`) })}
                      </th>
                    ))}
                    <th scope="col">{t('bench.col.tier')}</th>
                    <th scope="col" className="num">
                      {t('bench.col.ownTarget')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {sorted.map((c) => (
                    <tr
                      key={c.channel}
                      data-testid="bench-row"
                      data-channel={c.channel}
                      data-median={c.median_s ?? ''}
                    >
                      <th scope="row" className="nowrap">
                        <Link to={kpiHref(c.channel)}>{valueLabel(t, 'channel', c.channel)}</Link>
                      </th>
                      <td className="num nowrap">
                        {formatNumber(c.count, lang)}
                        {c.pending > 0 && (
                          <span className="muted small">
                            {' '}
                            · {t('card.pending', { n: formatNumber(c.pending, lang) })}
                          </span>
                        )}
                      </td>
                      <td className="num nowrap">{formatDuration(c.median_s, lang)}</td>
                      <td className="num nowrap">{formatDuration(c.p90_s, lang)}</td>
                      {[0, 1, 2].map((i) => (
                        <td key={i} className="num nowrap">
                          {c.benchmark ? (
                            <>
                              {formatPercent(c.benchmark.within[i], lang)}
                              <span className="muted small">
                                {' '}
                                ≤ {formatDuration(c.benchmark.thresholds[i], lang)}
                              </span>
                            </>
                          ) : (
                            <span className="muted">—</span>
                          )}
                        </td>
                      ))}
                      <td data-testid="bench-tier" data-tier={c.benchmark?.tier ?? ''}>
                        {c.benchmark ? (
                          <>
                            <TierBadge tier={c.benchmark.tier} size="sm" />
                            {c.benchmark.previous_tier && (
                              <span className="muted small">
                                {' '}
                                {t('bench.was', {
                                  tier: t(`tier.${c.benchmark.previous_tier}`).toLowerCase(),
                                })}
                              </span>
                            )}
                          </>
                        ) : (
                          <span className="muted small">{t('bench.noBenchmark')}</span>
                        )}
                      </td>
                      <td className="num">{formatPercent(c.within_target, lang)}</td>
                    </tr>
                  ))}
                  {sorted.length === 0 && (
                    <tr>
                      <td colSpan={9} className="muted">
                        {t('kpi.noItems')}
                      </td>
                    </tr>
                  )}
                </tbody>
              </table>
            </div>
            <p className="chart-note">{t('bench.tableNote')}</p>
          </section>
        </>
      ) : (
        !res.error && <div className="panel skeleton skeleton-tall" aria-busy="true" />
      )}
    </div>
  );
}
