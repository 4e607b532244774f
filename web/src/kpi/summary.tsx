import type { Dimension, KpiDefinition, KpiValue } from '../api/types.js';
import { sampleSize } from '../components/kpi-card.js';
import { TierBadge } from '../components/tier-badge.js';
import { TrendBadge } from '../components/trend.js';
import { formatDuration, formatNumber, formatPercent } from '../format/format.js';
import { headlineText, targetValueText } from '../format/kpi-text.js';
import { useI18n } from '../i18n/i18n.js';

/** The KPI's figures in one row: headline, tier, trend, and every figure the API gives for it. */
export function Summary({
  def,
  kpi,
  filters,
}: {
  def: KpiDefinition;
  kpi: KpiValue;
  filters: Partial<Record<Dimension, string[]>>;
}) {
  const { t, lang } = useI18n();
  const target = targetValueText(kpi, filters, lang);
  const facts: [string, string][] = [];
  if (kpi.kind === 'duration') {
    facts.push([t('kpi.col.median'), formatDuration(kpi.median_s, lang)]);
    facts.push([t('kpi.col.p90'), formatDuration(kpi.p90_s, lang)]);
    facts.push([t('kpi.col.mean'), formatDuration(kpi.mean_s, lang)]);
    if (kpi.with_target > 0) facts.push([t('kpi.col.within'), formatPercent(kpi.within_target, lang)]);
    facts.push([t('kpi.col.n'), formatNumber(kpi.count, lang)]);
    facts.push([t('kpi.col.pending'), formatNumber(kpi.pending, lang)]);
  } else if (kpi.kind === 'rate') {
    facts.push([t('kpi.col.numerator'), formatNumber(kpi.numerator, lang)]);
    facts.push([t('kpi.col.denominator'), formatNumber(kpi.denominator, lang)]);
    if (kpi.mean_score !== undefined && kpi.mean_score !== null)
      facts.push(['CSAT', `${formatNumber(kpi.mean_score, lang, 2)} / 5`]);
  } else {
    facts.push([t('kpi.total'), formatNumber(sampleSize(kpi), lang)]);
    if (kpi.per_agent_hour !== undefined && kpi.per_agent_hour !== null)
      facts.push(['/ h', formatNumber(kpi.per_agent_hour, lang, 2)]);
  }
  if (target)
    facts.push([
      t('card.target'),
      t(target.op === 'atLeast' ? 'card.targetAtLeast' : 'card.targetAtMost', { v: target.value }),
    ]);
  return (
    <section
      className="summary"
      aria-label={def.name[lang]}
      data-testid="summary"
      data-headline={kpi.headline ?? ''}
    >
      <div className="summary-main">
        <span className="summary-value" data-testid="summary-value">
          {headlineText(kpi, lang)}
        </span>
        <span className="value-unit">
          {kpi.kind === 'duration'
            ? kpi.with_target > 0
              ? t('card.withinTarget')
              : t('card.mean')
            : kpi.kind === 'count'
              ? t(`units.${kpi.unit}`, { count: kpi.value })
              : ''}
        </span>
        <div className="summary-badges">
          <TierBadge tier={kpi.tier} />
          <TrendBadge kpi={kpi} better={def.better} />
        </div>
      </div>
      <dl className="summary-facts">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
