import type { Bucket, Dimension } from '../api/types.js';
import { formatDateRange } from '../format/format.js';
import { useOrgTimeZone } from '../hooks/org.js';
import { useI18n } from '../i18n/i18n.js';
import { navigate, useLocation } from '../router/router.js';
import {
  BUCKETS,
  type DashQuery,
  effectiveBucket,
  FILTER_DIMENSIONS,
  PRESETS,
  type Preset,
  parseQuery,
  resolvePeriod,
  searchString,
  writeQuery,
} from '../router/url-state.js';
import { valueLabel } from './labels.js';
import { MultiSelect } from './multi-select.js';
import { Segmented } from './segmented.js';

/** Keys of a page's own state (drill-down, paging) that a new cut makes meaningless. */
const DRILL_KEYS = ['bucket_start', 'group', 'state', 'offset'];

export function useDashQuery() {
  const loc = useLocation();
  const query = parseQuery(loc.params);
  const update = (next: DashQuery) => {
    const params = writeQuery(next, loc.params);
    for (const k of DRILL_KEYS) params.delete(k);
    navigate(loc.pathname + searchString(params));
  };
  return { query, update, location: loc };
}

/** The period and filters; `buckets` shows the bucket choice (pages that draw series over time). */
export function FilterBar({ buckets = true }: { buckets?: boolean }) {
  const { t, lang } = useI18n();
  const tz = useOrgTimeZone();
  const { query, update } = useDashQuery();
  const period = resolvePeriod(query, tz, Date.now());
  const auto = effectiveBucket({ ...query, bucket: null }, period);

  const setPreset = (preset: Preset) =>
    update(
      preset === 'custom'
        ? { ...query, preset, from: period.from, to: period.to }
        : { ...query, preset, from: null, to: null },
    );
  const setDate = (which: 'from' | 'to', value: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return;
    const next = { ...period, [which]: value };
    if (next.from > next.to) return;
    update({ ...query, preset: 'custom', ...next });
  };
  const setFilter = (dim: Dimension, values: string[]) => {
    const filters = { ...query.filters };
    if (values.length) filters[dim] = values;
    else delete filters[dim];
    update({ ...query, filters });
  };
  const active = FILTER_DIMENSIONS.filter((d) => query.filters[d]?.length);

  return (
    <section className="filterbar" aria-label={t('filters.label')} data-testid="filterbar">
      <div className="filterbar-row">
        <Segmented
          label={t('period.label')}
          options={PRESETS}
          value={query.preset}
          onChange={setPreset}
          render={(p) => t(`period.${p}`)}
          testId={(p) => `preset-${p}`}
        />
        {query.preset === 'custom' ? (
          <div className="dates">
            <label>
              <span className="visually-hidden">{t('period.from')}</span>
              <input
                type="date"
                value={period.from}
                max={period.to}
                data-testid="date-from"
                onChange={(e) => setDate('from', e.target.value)}
              />
            </label>
            <span aria-hidden="true">–</span>
            <label>
              <span className="visually-hidden">{t('period.to')}</span>
              <input
                type="date"
                value={period.to}
                min={period.from}
                data-testid="date-to"
                onChange={(e) => setDate('to', e.target.value)}
              />
            </label>
          </div>
        ) : (
          <span className="period-text" data-testid="period-text">
            {formatDateRange(period.from, period.to, lang)}
          </span>
        )}
        {buckets && (
          <label className="select-label">
            <span>{t('bucket.label')}</span>
            <select
              value={query.bucket ?? ''}
              data-testid="bucket"
              onChange={(e) => update({ ...query, bucket: (e.target.value || null) as Bucket | null })}
            >
              <option value="">{t('bucket.auto', { bucket: t(`bucket.${auto}`).toLowerCase() })}</option>
              {BUCKETS.map((b) => (
                <option key={b} value={b}>
                  {t(`bucket.${b}`)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div className="filterbar-row">
        {FILTER_DIMENSIONS.map((d) => (
          <MultiSelect
            key={d}
            dim={d}
            selected={query.filters[d] ?? []}
            period={period}
            onChange={(v) => setFilter(d, v)}
          />
        ))}
        {query.time === 'business' && (
          <span className="chip">
            {t('time.business')}
            <button
              type="button"
              className="chip-x"
              aria-label={t('filters.remove', { name: t('time.business') })}
              onClick={() => update({ ...query, time: 'calendar' })}
            >
              ×
            </button>
          </span>
        )}
        {active.length > 0 && (
          <button type="button" className="link-button" onClick={() => update({ ...query, filters: {} })}>
            {t('filters.clear')}
          </button>
        )}
      </div>
      {active.length > 0 && (
        <ul className="chips" aria-label={t('filters.label')}>
          {active.flatMap((d) =>
            (query.filters[d] ?? []).map((v) => {
              const name = `${t(`dim.${d}`)}: ${valueLabel(t, d, v)}`;
              return (
                <li key={`${d}=${v}`} className="chip" data-testid="filter-chip">
                  {name}
                  <button
                    type="button"
                    className="chip-x"
                    aria-label={t('filters.remove', { name })}
                    onClick={() =>
                      setFilter(
                        d,
                        (query.filters[d] ?? []).filter((x) => x !== v),
                      )
                    }
                  >
                    ×
                  </button>
                </li>
              );
            }),
          )}
        </ul>
      )}
    </section>
  );
}
