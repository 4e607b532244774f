import type { KpiValue } from '../api/types.js';
import { formatHeadlineOf, trendChangeText } from '../format/kpi-text.js';
import { useI18n } from '../i18n/i18n.js';
import { ArrowIcon } from './icons.js';

/** The change against the previous period of equal length, coloured by whether it is good news. */
export function TrendBadge({ kpi, better }: { kpi: KpiValue; better: 'higher' | 'lower' | null }) {
  const { t, lang } = useI18n();
  const { direction, assessment, previous } = kpi.trend;
  const change = trendChangeText(kpi, lang);
  if (change === null) return <span className="trend trend-none">{t('card.noPrevious')}</span>;
  const tone = better === null || assessment === null ? 'neutral' : assessment;
  const verdict =
    assessment === 'better' ? t('card.better') : assessment === 'worse' ? t('card.worse') : null;
  const prev = formatHeadlineOf(kpi.kind, kpi, previous, lang);
  return (
    <span
      className={`trend trend-${tone}`}
      data-testid="trend"
      title={`${t('card.trendTitle', { value: prev })}${verdict ? ` — ${verdict}` : ''}`}
    >
      <ArrowIcon direction={direction} />
      <span>{change}</span>
      <span className="visually-hidden">
        {t('card.vsPrevious')}
        {verdict ? `, ${verdict}` : ''}
      </span>
    </span>
  );
}
