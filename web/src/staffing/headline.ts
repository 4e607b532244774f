import type { TFunction } from 'i18next';
import type { PlanSummary } from '../api/staffing-types.js';
import { formatNumber, type Lang } from '../format/format.js';

/**
 * The plan's headline in the reader's language, from the same figures and rule as the server's
 * `summary.headline` (src/kpi/staffing/plan-summary.ts), so that in English it reads exactly as the API's.
 */
export function headlineText(s: PlanSummary, t: TFunction, lang: Lang): string {
  const n = (x: number) => formatNumber(x, lang, 1);
  const parts: string[] = [];
  if (s.hire_fte > 0) parts.push(t('staffing.headline.hire', { n: n(s.hire_fte) }));
  if (s.move_fte > 0) parts.push(t('staffing.headline.move', { n: n(s.move_fte) }));
  if (s.over_fte > 0 && s.hire_fte === 0) parts.push(t('staffing.headline.over', { n: n(s.over_fte) }));
  return parts.length > 0 ? parts.join('; ') : t('staffing.headline.even');
}
