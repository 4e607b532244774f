import { useCallback } from 'react';
import { insightsApi, WHY_DIMENSIONS, type WhyDimension, type WhyReport } from '../api/insights.js';
import type { KpiId, KpiValue } from '../api/types.js';
import { valueLabel } from '../components/labels.js';
import { Segmented } from '../components/segmented.js';
import { formatPercent } from '../format/format.js';
import { useResource } from '../hooks/use-resource.js';
import { useI18n } from '../i18n/i18n.js';
import { MIX_COLOUR, RATE_COLOUR, WhyChart } from './why-chart.js';
import { formatLevel, formatSteps, type WhyRow, whyRows, whyScale } from './why-figures.js';
import './why.css';

/** Work stretches belong to agents: they split by the agent's own dimensions only. */
const AGENT_ONLY: readonly WhyDimension[] = ['agent', 'team', 'line'];
export const whyDimensionsFor = (id: KpiId): readonly WhyDimension[] =>
  id === 'break_compliance' ? AGENT_ONLY : WHY_DIMENSIONS;

interface Props {
  id: KpiId;
  kpi: KpiValue;
  name: string;
  /** the cut (period, filters, time mode) */
  params: URLSearchParams;
  dim: WhyDimension;
  /** durations: decompose the mean instead of the share within target */
  mean: boolean;
  previousRange: string | null;
  onDim: (d: WhyDimension) => void;
  onMean: (mean: boolean) => void;
  onPick: (key: string) => void;
}

export function WhyMoved({ id, kpi, name, params, dim, mean, previousRange, onDim, onMean, onPick }: Props) {
  const { t } = useI18n();
  const hasShare = kpi.kind === 'duration' && kpi.with_target > 0;
  const p = new URLSearchParams(params);
  p.delete('bucket');
  p.set('by', dim);
  if (kpi.kind === 'duration') p.set('measure', mean || !hasShare ? 'mean_s' : 'share');
  const key = p.toString();
  const res = useResource(key, (signal) => insightsApi.why(id, p, signal));
  const report = res.dataKey === key ? res.data : null;
  const label = useCallback((k: string) => (k ? valueLabel(t, dim, k) : ''), [t, dim]);

  return (
    <div className="why" data-testid="why" data-loading={String(res.loading || res.dataKey !== key)}>
      <div className="panel-tools">
        <label className="select-label">
          <span>{t('why.by')}</span>
          <select value={dim} onChange={(e) => onDim(e.target.value as WhyDimension)} data-testid="why-dim">
            {whyDimensionsFor(id).map((d) => (
              <option key={d} value={d}>
                {t(`dim.${d}`)}
              </option>
            ))}
          </select>
        </label>
        {hasShare && (
          <Segmented
            label={t('why.measure')}
            small
            options={['share', 'mean'] as const}
            value={mean ? 'mean' : 'share'}
            onChange={(m) => onMean(m === 'mean')}
            render={(m) => t(`why.measures.${m}`)}
            testId={(m) => `why-measure-${m}`}
          />
        )}
      </div>
      {res.error && (
        <p className="banner banner-error" role="alert">
          {t('app.error', { message: res.error.message })}
        </p>
      )}
      {report && (
        <WhyBody report={report} name={name} label={label} previousRange={previousRange} onPick={onPick} />
      )}
      {!report && !res.error && <div className="skeleton skeleton-chart" aria-busy="true" />}
    </div>
  );
}

interface BodyProps {
  report: WhyReport;
  name: string;
  label: (key: string) => string;
  previousRange: string | null;
  onPick: (key: string) => void;
}

function WhyBody({ report, name, label, previousRange, onPick }: BodyProps) {
  const { t, lang } = useI18n();
  if (report.change === null || report.parts.length === 0)
    return (
      <p className="muted" data-testid="why-none">
        {t('why.noPrevious')}
      </p>
    );
  const scale = whyScale(report);
  const { rows, change } = whyRows(report, scale);
  const count = report.measure === 'count';
  const level = (v: number | null | undefined) => formatLevel(v, report.measure, lang);
  const steps = (n: number, testId?: string) => (
    <td className="num" data-steps={n} data-testid={testId}>
      {formatSteps(n, scale, lang)}
    </td>
  );
  const sum = (f: (r: WhyRow) => number) => rows.reduce((s, r) => s + f(r), 0);
  return (
    <>
      <p
        className="why-headline"
        data-testid="why-headline"
        data-change-steps={change}
        data-change={report.change}
      >
        {t('why.headline', {
          name,
          before: level(report.before),
          after: level(report.after),
          change: formatSteps(change, scale, lang),
        })}
        {previousRange && <span className="muted"> · {t('why.against', { range: previousRange })}</span>}
      </p>
      {!count && (
        <p className="chart-legend why-legend">
          <span>
            <i className="legend-box" style={{ background: MIX_COLOUR }} /> <b>{t('why.mix')}</b> —{' '}
            {t('why.mixHint')}
          </span>
          <span>
            <i className="legend-box" style={{ background: RATE_COLOUR }} /> <b>{t('why.rate')}</b> —{' '}
            {t('why.rateHint')}
          </span>
        </p>
      )}
      <WhyChart report={report} rows={rows} scale={scale} change={change} label={label} />
      <div className="table-wrap">
        <table className="table" data-testid="why-table">
          <thead>
            <tr>
              <th scope="col">{t(`dim.${report.by}`)}</th>
              {count ? (
                <>
                  <th scope="col" className="num">
                    {t('why.previous')}
                  </th>
                  <th scope="col" className="num">
                    {t('why.current')}
                  </th>
                </>
              ) : (
                <>
                  <th scope="col" className="num">
                    {t('why.volumeShare')}
                  </th>
                  <th scope="col" className="num">
                    {t(`why.value.${report.measure}`)}
                  </th>
                  <th scope="col" className="num">
                    {t('why.mix')}
                  </th>
                  <th scope="col" className="num">
                    {t('why.rate')}
                  </th>
                </>
              )}
              <th scope="col" className="num">
                {t('why.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.part.key} data-testid="why-row" data-key={r.part.key}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => onPick(r.part.key)}>
                    {label(r.part.key)}
                  </button>
                </th>
                {count ? (
                  <>
                    <td className="num">{level(r.part.before?.value ?? 0)}</td>
                    <td className="num">{level(r.part.after?.value ?? 0)}</td>
                  </>
                ) : (
                  <>
                    <td className="num nowrap">
                      {formatPercent(r.part.before?.share ?? 0, lang)} →{' '}
                      {formatPercent(r.part.after?.share ?? 0, lang)}
                    </td>
                    <td className="num nowrap">
                      {level(r.part.before?.value)} → {level(r.part.after?.value)}
                    </td>
                    {steps(r.mix, 'why-mix')}
                    {steps(r.rate, 'why-rate')}
                  </>
                )}
                {steps(r.total, 'why-total')}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('why.sum')}</th>
              {count ? (
                <>
                  <td className="num">{level(report.before)}</td>
                  <td className="num">{level(report.after)}</td>
                </>
              ) : (
                <>
                  <td />
                  <td className="num nowrap">
                    {level(report.before)} → {level(report.after)}
                  </td>
                  {steps(sum((r) => r.mix))}
                  {steps(sum((r) => r.rate))}
                </>
              )}
              {steps(change, 'why-sum')}
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="chart-note">{t('why.note')}</p>
    </>
  );
}
