import { useEffect, useState } from 'react';
import { api } from '../api/client.js';
import type { KpiDefinition, KpiGroup, KpiId, KpiReport } from '../api/types.js';
import { EmptyStore } from '../components/empty-store.js';
import { useDashQuery } from '../components/filter-bar.js';
import { KpiCard, sampleSize } from '../components/kpi-card.js';
import { formatDate, formatDateRange, localDateRange } from '../format/format.js';
import { learnTimeZone, pollInterval, useDefinitions, useOrgTimeZone } from '../hooks/org.js';
import { useResource } from '../hooks/use-resource.js';
import { useI18n } from '../i18n/i18n.js';
import { apiParams, searchString, writeQuery } from '../router/url-state.js';

const SKELETON_CARDS = ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8'];
const GROUPS: readonly KpiGroup[] = ['speed_volume', 'quality', 'satisfaction', 'contact_centre', 'team'];

function hasAnyData(report: KpiReport): boolean {
  return Object.values(report.kpis).some((k) => k && sampleSize(k) > 0);
}

export function Overview() {
  const { t, lang } = useI18n();
  const { query } = useDashQuery();
  const tz = useOrgTimeZone();
  const { defs, error: defsError } = useDefinitions();
  const params = apiParams(query, tz, Date.now());
  const key = params.toString();
  // One request per refresh: every KPI of the cut, with its daily series for the sparklines.
  const report = useResource(key, (signal) => api.kpis(params, signal), { pollMs: pollInterval() });
  const data = report.data;
  useEffect(() => {
    if (data) learnTimeZone(data.period.time_zone);
  }, [data]);

  // Only when nothing at all came back: is the store empty, or just this cut?
  const nothing = data !== null && !hasAnyData(data);
  const [storeEmpty, setStoreEmpty] = useState<boolean | null>(null);
  useEffect(() => {
    if (!nothing) return;
    let live = true;
    // "Empty" means no ticket and no contact ever: the store may hold other events (agents' profiles, the
    // accounts' agent users) long before any history is loaded.
    const ever = new URLSearchParams({ from: '2000-01-01', kpis: 'tickets_created,contacts_offered' });
    api.kpis(ever).then(
      (r) => live && setStoreEmpty(!hasAnyData(r)),
      () => live && setStoreEmpty(null),
    );
    return () => {
      live = false;
    };
  }, [nothing]);

  const error = report.error ?? defsError;
  const link = (id: KpiId) => `/kpi/${id}${searchString(writeQuery(query))}`;
  const loading = report.loading || defs === null;
  const prev = data
    ? localDateRange(data.period.previous.from, data.period.previous.to, data.period.time_zone)
    : null;

  return (
    <div
      className="page overview"
      data-testid="overview"
      data-loading={String(loading || report.dataKey !== key)}
    >
      <div className="page-head">
        <div>
          <h1>{t('overview.title')}</h1>
          {prev && (
            <p className="page-sub">
              {t('period.comparedWith', { range: formatDateRange(prev.from, prev.to, lang) })}
            </p>
          )}
        </div>
        <p className="live" aria-live="polite" title={t('app.autoRefresh')} data-testid="live">
          <span className={`live-dot${report.loading ? ' live-busy' : ''}`} aria-hidden="true" />
          {report.updatedAt
            ? t('app.updated', { time: formatDate(report.updatedAt, lang, 'time') })
            : t('app.loading')}
        </p>
      </div>
      {error && (
        <div className="banner banner-error" role="alert">
          {t('app.error', { message: error.message })}
          <button type="button" className="link-button" onClick={report.reload}>
            {t('app.retry')}
          </button>
        </div>
      )}
      {nothing && storeEmpty === true && <EmptyStore />}
      {nothing && storeEmpty === false && (
        <div className="banner banner-info" data-testid="no-period-data">
          {t('overview.noPeriodData')}
        </div>
      )}
      {!(nothing && storeEmpty) &&
        (data && defs ? (
          GROUPS.map((g) => {
            const members = defs.list.filter((d: KpiDefinition) => d.group === g && data.kpis[d.id]);
            if (members.length === 0) return null;
            return (
              <section key={g} className="group" aria-labelledby={`group-${g}`} data-testid={`group-${g}`}>
                <div className="group-head">
                  <h2 id={`group-${g}`}>{t(`group.${g}`)}</h2>
                  <span className="group-hint">{t(`groupHint.${g}`)}</span>
                </div>
                <div className="cards">
                  {members.map((d) => (
                    <KpiCard
                      key={d.id}
                      def={d}
                      kpi={data.kpis[d.id]!}
                      report={data}
                      defs={defs.byId}
                      href={link}
                      filters={query.filters}
                    />
                  ))}
                </div>
              </section>
            );
          })
        ) : !error ? (
          <div className="cards cards-skeleton" aria-busy="true">
            {SKELETON_CARDS.map((k) => (
              <div key={k} className="card skeleton" />
            ))}
          </div>
        ) : null)}
    </div>
  );
}
