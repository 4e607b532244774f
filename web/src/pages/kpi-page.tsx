import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client.js';
import type { WhyDimension } from '../api/insights.js';
import { DIMENSIONS, type Dimension, type KpiId } from '../api/types.js';
import { useDashQuery } from '../components/filter-bar.js';
import { InfoIcon } from '../components/icons.js';
import { valueLabel } from '../components/labels.js';
import { Segmented } from '../components/segmented.js';
import { formatDateRange, localDateRange } from '../format/format.js';
import { commonThresholds } from '../format/kpi-text.js';
import { learnTimeZone, useDefinitions, useOrgTimeZone } from '../hooks/org.js';
import { useResource } from '../hooks/use-resource.js';
import { useI18n } from '../i18n/i18n.js';
import { Breakdown } from '../kpi/breakdown.js';
import { bucketLabel } from '../kpi/bucket-label.js';
import { DefinitionPanel } from '../kpi/definition-panel.js';
import { Histogram } from '../kpi/histogram.js';
import { type ItemState, ItemsList, statesFor } from '../kpi/items-list.js';
import { Summary } from '../kpi/summary.js';
import { TimeSeries } from '../kpi/time-series.js';
import { WhyMoved, whyDimensionsFor } from '../kpi/why-moved.js';
import { Link, navigate } from '../router/router.js';
import { apiParams, effectiveBucket, resolvePeriod, searchString, writeQuery } from '../router/url-state.js';

export default function KpiPage({ id }: { id: KpiId }) {
  const { t, lang } = useI18n();
  const { query, update, location } = useDashQuery();
  const tz = useOrgTimeZone();
  const { defs } = useDefinitions();
  const [showDef, setShowDef] = useState(false);
  const itemsRef = useRef<HTMLElement>(null);

  const cut = apiParams(query, tz, Date.now());
  const bucket = effectiveBucket(query, resolvePeriod(query, tz, Date.now()));
  const main = new URLSearchParams(cut);
  main.set('kpis', id);
  const key = main.toString();
  const res = useResource(key, (signal) => api.kpis(main, signal));
  const data = res.data;
  useEffect(() => {
    if (data) learnTimeZone(data.period.time_zone);
  }, [data]);

  const page = location.params;
  const dimParam = page.get('breakdown');
  const dim: Dimension = (DIMENSIONS as readonly string[]).includes(dimParam ?? '')
    ? (dimParam as Dimension)
    : 'channel';
  const whyParam = page.get('why');
  const whyDim: WhyDimension = (whyDimensionsFor(id) as readonly string[]).includes(whyParam ?? '')
    ? (whyParam as WhyDimension)
    : whyDimensionsFor(id)[0]!;
  const bucketStart = page.get('bucket_start');
  const group = page.get('group');
  const offset = Math.max(0, Number.parseInt(page.get('offset') ?? '0', 10) || 0);
  const def = defs?.byId.get(id);
  const kpi = data?.kpis[id];
  const hasShare = kpi?.kind === 'duration' && kpi.with_target > 0;
  const view: 'share' | 'times' = hasShare && page.get('chart') !== 'times' ? 'share' : 'times';
  const stateParam = page.get('state');
  const state =
    kpi && (statesFor(kpi.kind) as string[]).includes(stateParam ?? '') ? (stateParam as ItemState) : null;

  /** Changes this page's own keys (drill-down, breakdown, paging), keeping the cut. */
  const setPage = (changes: Record<string, string | null>, scroll = false) => {
    const next = new URLSearchParams(page);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    navigate(location.pathname + searchString(next));
    if (scroll)
      requestAnimationFrame(() => itemsRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  };
  const previous = data
    ? localDateRange(data.period.previous.from, data.period.previous.to, data.period.time_zone)
    : null;
  const previousRange = previous ? formatDateRange(previous.from, previous.to, lang) : null;
  const overviewHref = `/${searchString(writeQuery(query))}`;
  const kpiHref = (other: KpiId) => `/kpi/${other}${searchString(writeQuery(query))}`;
  const ticketHref = (ticket: string) =>
    `/tickets/${encodeURIComponent(ticket)}${searchString(writeQuery(query))}`;

  const drill = new URLSearchParams(cut);
  let drillTitle = t('kpi.itemsAll');
  if (bucketStart) {
    drill.set('bucket_start', bucketStart);
    drillTitle = bucketLabel(bucketStart, bucket, lang, data?.period.time_zone ?? tz, true);
  } else if (group !== null) {
    drill.delete('bucket');
    drill.set('by', dim);
    drill.set('group', group);
    drillTitle = t('kpi.itemsGroup', { dim: t(`dim.${dim}`), value: valueLabel(t, dim, group) });
  } else drill.delete('bucket');

  return (
    <div
      className="page kpi-page"
      data-testid="kpi-page"
      data-kpi={id}
      data-loading={String(res.loading || res.dataKey !== key)}
    >
      <nav className="crumbs" aria-label="breadcrumb">
        <Link to={overviewHref} data-testid="back-overview">
          ← {t('kpi.back')}
        </Link>
      </nav>
      <div className="page-head">
        <div>
          <h1>{def ? def.name[lang] : id}</h1>
          {def && <p className="page-sub">{def.definition[lang]}</p>}
        </div>
        <div className="head-tools">
          {kpi?.kind === 'duration' && (
            <Segmented
              label={t('time.label')}
              options={['calendar', 'business'] as const}
              value={query.time}
              onChange={(m) => update({ ...query, time: m })}
              render={(m) => t(`time.${m}`)}
              testId={(m) => `time-${m}`}
            />
          )}
          <button
            type="button"
            className="button"
            onClick={() => setShowDef(true)}
            data-testid="show-definition"
          >
            <InfoIcon /> {t('kpi.definition')}
          </button>
        </div>
      </div>
      {res.error && (
        <div className="banner banner-error" role="alert">
          {t('app.error', { message: res.error.message })}
        </div>
      )}
      {def && kpi && data ? (
        <>
          <Summary def={def} kpi={kpi} filters={query.filters} />
          <div className={kpi.kind === 'duration' ? 'grid-2' : ''}>
            <section className="panel" aria-labelledby="ts-title">
              <div className="panel-head">
                <h2 id="ts-title">
                  {t('kpi.overTime')} <span className="muted small">· {t(`bucket.${bucket}`)}</span>
                </h2>
                {hasShare && (
                  <Segmented
                    label={t('kpi.overTime')}
                    small
                    options={['share', 'times'] as const}
                    value={view}
                    onChange={(v) => setPage({ chart: v === 'share' ? null : v })}
                    render={(v) => t(`kpi.view.${v}`)}
                    testId={(v) => `chart-${v}`}
                  />
                )}
              </div>
              <TimeSeries
                def={def}
                kpi={kpi}
                bucket={bucket}
                timeZone={data.period.time_zone}
                filters={query.filters}
                selected={bucketStart}
                onPick={(start) => setPage({ bucket_start: start, group: null, offset: null }, true)}
                view={view}
              />
              <p className="chart-note">
                {t('kpi.clickBar')}
                {kpi.kind === 'duration' &&
                view === 'times' &&
                kpi.target &&
                !commonThresholds(kpi.target, query.filters)
                  ? ` ${t('kpi.bandsNote')}`
                  : ''}
              </p>
            </section>
            {kpi.kind === 'duration' && (
              <section className="panel" aria-labelledby="hist-title">
                <div className="panel-head">
                  <h2 id="hist-title">{t('kpi.distribution')}</h2>
                </div>
                <Histogram id={id} kpi={kpi} params={cut} filters={query.filters} />
              </section>
            )}
          </div>
          <section className="panel" aria-labelledby="why-title" id="why">
            <div className="panel-head">
              <h2 id="why-title">{t('why.title')}</h2>
            </div>
            <WhyMoved
              id={id}
              kpi={kpi}
              name={def.name[lang]}
              params={cut}
              dim={whyDim}
              mean={page.get('why_measure') === 'mean'}
              previousRange={previousRange}
              onDim={(d) => setPage({ why: d })}
              onMean={(m) => setPage({ why_measure: m ? 'mean' : null })}
              onPick={(key) =>
                setPage({ breakdown: whyDim, group: key, bucket_start: null, offset: null }, true)
              }
            />
          </section>
          <section className="panel" aria-labelledby="bd-title">
            <div className="panel-head">
              <h2 id="bd-title">{t('kpi.breakdown')}</h2>
            </div>
            <Breakdown
              id={id}
              kind={kpi.kind}
              params={cut}
              dim={dim}
              selected={group}
              onDim={(d) => setPage({ breakdown: d, group: null, offset: null })}
              onPick={(key) =>
                setPage({ breakdown: dim, group: key, bucket_start: null, offset: null }, true)
              }
            />
          </section>
          <section className="panel" aria-labelledby="items-title" ref={itemsRef} id="items">
            <div className="panel-head">
              <h2 id="items-title">{t('kpi.items')}</h2>
              {(bucketStart || group !== null) && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setPage({ bucket_start: null, group: null, offset: null })}
                >
                  {t('kpi.showAll')}
                </button>
              )}
            </div>
            <ItemsList
              id={id}
              kind={kpi.kind}
              params={drill}
              title={drillTitle}
              state={state}
              offset={offset}
              timeZone={data.period.time_zone}
              onState={(s) => setPage({ state: s, offset: null })}
              onOffset={(o) => setPage({ offset: o ? String(o) : null })}
              ticketHref={ticketHref}
            />
          </section>
          <DefinitionPanel
            def={def}
            kpi={kpi}
            defs={defs?.byId ?? new Map()}
            open={showDef}
            onClose={() => setShowDef(false)}
            href={kpiHref}
          />
        </>
      ) : (
        !res.error && <div className="panel skeleton skeleton-tall" aria-busy="true" />
      )}
    </div>
  );
}
