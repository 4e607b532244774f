import type { Dimension, KpiDefinition, KpiId, KpiReport, KpiValue } from '../api/types.js';
import { formatDuration, formatNumber } from '../format/format.js';
import { figureHeadline, headlineText, targetValueText } from '../format/kpi-text.js';
import { useI18n } from '../i18n/i18n.js';
import { Link } from '../router/router.js';
import { Sparkline } from './sparkline.js';
import { TierBadge, TierDot } from './tier-badge.js';
import { TrendBadge } from './trend.js';

interface Props {
  def: KpiDefinition;
  kpi: KpiValue;
  report: KpiReport;
  defs: Map<KpiId, KpiDefinition>;
  href: (id: KpiId) => string;
  filters: Partial<Record<Dimension, string[]>>;
}

/** How many items stand behind the number (the n of the card). */
export function sampleSize(kpi: KpiValue): number {
  if (kpi.kind === 'duration') return kpi.count + kpi.pending;
  if (kpi.kind === 'rate') return kpi.denominator;
  return kpi.value;
}

function Details({ kpi }: { kpi: KpiValue }) {
  const { t, lang } = useI18n();
  if (kpi.kind === 'duration') {
    const parts = [
      `${t('card.median')} ${formatDuration(kpi.median_s, lang)}`,
      `${t('card.p90')} ${formatDuration(kpi.p90_s, lang)}`,
    ];
    if (kpi.with_target === 0 && kpi.mean_s === null)
      return <p className="card-details">{t('card.noItems')}</p>;
    return <p className="card-details">{parts.join(' · ')}</p>;
  }
  if (kpi.kind === 'rate') {
    if (kpi.denominator === 0) return <p className="card-details">{t('card.noItems')}</p>;
    const outOf = t('card.outOf', {
      num: formatNumber(kpi.numerator, lang),
      den: formatNumber(kpi.denominator, lang),
    });
    const score =
      kpi.mean_score !== undefined && kpi.mean_score !== null
        ? ` · ${t('card.meanScore', { score: formatNumber(kpi.mean_score, lang, 2) })}`
        : '';
    return (
      <p className="card-details" data-testid="kpi-fraction">
        {outOf}
        {score}
      </p>
    );
  }
  if (kpi.per_agent_hour !== undefined && kpi.per_agent_hour !== null)
    return (
      <p className="card-details">
        {t('card.perAgentHour', { v: formatNumber(kpi.per_agent_hour, lang, 2) })}
      </p>
    );
  if (kpi.by_age) {
    const old = (kpi.by_age['3-7d'] ?? 0) + (kpi.by_age['>7d'] ?? 0);
    return <p className="card-details">{t('card.backlogAge', { n: formatNumber(old, lang) })}</p>;
  }
  return <p className="card-details">&nbsp;</p>;
}

function unitText(kpi: KpiValue, t: ReturnType<typeof useI18n>['t']): string {
  if (kpi.kind === 'duration') return kpi.with_target > 0 ? t('card.withinTarget') : t('card.mean');
  if (kpi.kind === 'count') return t(`units.${kpi.unit}`, { count: kpi.value });
  return '';
}

export function KpiCard({ def, kpi, report, defs, href, filters }: Props) {
  const { t, lang } = useI18n();
  const name = def.name[lang];
  const target = targetValueText(kpi, filters, lang);
  const spark = (kpi.series ?? []).map((p) => figureHeadline(kpi.kind, p));
  const n = sampleSize(kpi);
  const pending = kpi.kind === 'duration' ? kpi.pending : 0;
  return (
    <article
      className={`card card-${kpi.tier ?? 'none'}`}
      data-testid="kpi-card"
      data-kpi={def.id}
      data-headline={kpi.headline ?? ''}
      data-n={n}
      {...(kpi.kind === 'rate'
        ? { 'data-numerator': kpi.numerator, 'data-denominator': kpi.denominator }
        : {})}
    >
      <div className="card-head">
        <h3 className="card-title">
          <Link to={href(def.id)} className="card-link" title={def.definition[lang]}>
            {name}
          </Link>
        </h3>
        <TierBadge tier={kpi.tier} size="sm" />
      </div>
      <div className="card-value">
        <span className="value" data-testid="kpi-value">
          {headlineText(kpi, lang)}
        </span>
        <span className="value-unit">{unitText(kpi, t)}</span>
      </div>
      <Details kpi={kpi} />
      <Sparkline values={spark} label={name} />
      <div className="card-meta">
        <TrendBadge kpi={kpi} better={def.better} />
        {kpi.kind !== 'count' && (
          <span className="card-n" data-testid="kpi-n">
            {t('card.n', { n: formatNumber(n, lang) })}
            {pending > 0 && ` · ${t('card.pending', { n: formatNumber(pending, lang) })}`}
          </span>
        )}
      </div>
      {(target || (kpi.kind === 'duration' && kpi.target)) && (
        <p className="card-target" data-testid="kpi-target">
          {t('card.target')}:{' '}
          {target
            ? t(target.op === 'atLeast' ? 'card.targetAtLeast' : 'card.targetAtMost', { v: target.value })
            : t('card.targetPolicies')}
        </p>
      )}
      {def.counterparts.length > 0 && (
        <div className="card-pair">
          <span className="card-pair-label">{t('card.pairedWith')}</span>
          {def.counterparts.map((id) => {
            const other = report.kpis[id];
            const od = defs.get(id);
            if (!other || !od) return null;
            return (
              <Link key={id} to={href(id)} className="pair" data-testid="counterpart" data-kpi={id}>
                <TierDot tier={other.tier} />
                <span className="pair-name">{od.name[lang]}</span>
                <span className="pair-value">{headlineText(other, lang)}</span>
              </Link>
            );
          })}
        </div>
      )}
    </article>
  );
}
