import { useState } from 'react';
import { api } from '../api/client.js';
import {
  DIMENSIONS,
  type Dimension,
  type GroupRow,
  type KpiId,
  type KpiValue,
  type Tier,
} from '../api/types.js';
import { DownloadIcon } from '../components/icons.js';
import { valueLabel } from '../components/labels.js';
import { TierBadge } from '../components/tier-badge.js';
import { formatDuration, formatNumber, formatPercent, type Lang } from '../format/format.js';
import { useResource } from '../hooks/use-resource.js';
import { useI18n } from '../i18n/i18n.js';

type Row = GroupRow<Record<string, unknown>> & { tier?: Tier | null };
type Col = { key: string; label: string; num: (r: Row) => number | null; text: (r: Row) => string };

const num = (r: Row, k: string): number | null => (typeof r[k] === 'number' ? (r[k] as number) : null);

function columns(kind: KpiValue['kind'], total: number, t: (k: string) => string, lang: Lang): Col[] {
  const c = (key: string, label: string, fmt: (v: number | null) => string, field = key): Col => ({
    key,
    label,
    num: (r) => num(r, field),
    text: (r) => fmt(num(r, field)),
  });
  const n = (v: number | null) => formatNumber(v, lang);
  const d = (v: number | null) => formatDuration(v, lang);
  if (kind === 'count')
    return [
      c('value', t('kpi.col.value'), n),
      {
        key: 'share',
        label: t('kpi.share'),
        num: (r) => (total ? (num(r, 'value') ?? 0) / total : null),
        text: (r) => formatPercent(total ? (num(r, 'value') ?? 0) / total : null, lang),
      },
    ];
  if (kind === 'rate')
    return [
      c('value', t('kpi.col.rate'), (v) => formatPercent(v, lang)),
      c('numerator', t('kpi.col.numerator'), n),
      c('denominator', t('kpi.col.denominator'), n),
    ];
  return [
    c('within_target', t('kpi.col.within'), (v) => formatPercent(v, lang)),
    c('median_s', t('kpi.col.median'), d),
    c('p90_s', t('kpi.col.p90'), d),
    c('mean_s', t('kpi.col.mean'), d),
    c('count', t('kpi.col.n'), n),
    c('pending', t('kpi.col.pending'), n),
  ];
}

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function download(name: string, rows: Row[], fields: string[], dim: Dimension): void {
  const lines = [[dim, ...fields, 'tier'].join(',')];
  for (const r of rows) lines.push([r.key, ...fields.map((f) => r[f]), r.tier ?? ''].map(csvCell).join(','));
  const url = URL.createObjectURL(new Blob([`${lines.join('\n')}\n`], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

interface Props {
  id: KpiId;
  kind: KpiValue['kind'];
  params: URLSearchParams;
  dim: Dimension;
  selected: string | null;
  onDim: (d: Dimension) => void;
  onPick: (key: string) => void;
}

export function Breakdown({ id, kind, params, dim, selected, onDim, onPick }: Props) {
  const { t, lang } = useI18n();
  const p = new URLSearchParams(params);
  p.delete('bucket');
  p.set('by', dim);
  p.set('kpis', id);
  const key = p.toString();
  const res = useResource(key, (signal) => api.kpis(p, signal));
  const [sort, setSort] = useState<{ key: string; desc: boolean }>({ key: 'primary', desc: true });
  const kpi = res.data?.kpis[id];
  const rows = (kpi?.groups ?? []) as unknown as Row[];
  const total = kind === 'count' ? rows.reduce((s, r) => s + (num(r, 'value') ?? 0), 0) : 0;
  const cols = columns(kind, total, t, lang);
  const sortCol = sort.key === 'key' ? null : (cols.find((c) => c.key === sort.key) ?? cols[0]!);
  const sorted = [...rows].sort((a, b) => {
    const dir = sort.desc ? -1 : 1;
    if (!sortCol) return dir * valueLabel(t, dim, a.key).localeCompare(valueLabel(t, dim, b.key));
    const x = sortCol.num(a);
    const y = sortCol.num(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return dir * (x - y);
  });
  const header = (key: string, label: string, numeric: boolean) => {
    const active = sort.key === key || (key === cols[0]?.key && sort.key === 'primary');
    return (
      <th
        key={key}
        scope="col"
        className={numeric ? 'num' : ''}
        aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}
      >
        <button
          type="button"
          className="th-button"
          onClick={() => setSort({ key, desc: active ? !sort.desc : numeric })}
        >
          {label}
          <span className="sort-mark" aria-hidden="true">
            {active ? (sort.desc ? '▼' : '▲') : ''}
          </span>
        </button>
      </th>
    );
  };
  const fileName = `firstline-${id}-by-${dim}-${params.get('from') ?? ''}-${params.get('to') ?? ''}.csv`;

  return (
    <div
      className="breakdown"
      data-testid="breakdown"
      data-loading={String(res.loading || res.dataKey !== key)}
    >
      <div className="panel-tools">
        <label className="select-label">
          <span>{t('kpi.by')}</span>
          <select
            value={dim}
            onChange={(e) => onDim(e.target.value as Dimension)}
            data-testid="breakdown-dim"
          >
            {DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {t(`dim.${d}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button"
          disabled={rows.length === 0}
          onClick={() =>
            download(
              fileName,
              sorted,
              cols.filter((c) => c.key !== 'share').map((c) => c.key),
              dim,
            )
          }
          data-testid="csv"
        >
          <DownloadIcon /> {t('kpi.download')}
        </button>
      </div>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              {header('key', t(`dim.${dim}`), false)}
              {cols.map((c) => header(c.key, c.label, true))}
              {kind !== 'count' && <th scope="col">{t('kpi.col.tier')}</th>}
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr
                key={r.key}
                className={selected === r.key ? 'row-selected' : ''}
                data-testid="breakdown-row"
              >
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => onPick(r.key)}>
                    {valueLabel(t, dim, r.key)}
                  </button>
                </th>
                {cols.map((c) => (
                  <td key={c.key} className="num">
                    {c.text(r)}
                  </td>
                ))}
                {kind !== 'count' && (
                  <td>
                    <TierBadge tier={r.tier ?? null} size="sm" />
                  </td>
                )}
              </tr>
            ))}
            {res.data && sorted.length === 0 && (
              <tr>
                <td colSpan={cols.length + 2} className="muted">
                  {t('kpi.noItems')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <p className="chart-note">{t('kpi.clickRow')}</p>
    </div>
  );
}
