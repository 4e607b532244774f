import { isDurationTargetKpi, isRateTargetKpi, type TargetSettings } from './targets.js';
import type { KpiId } from './types.js';

const dur = (s: number) => (s % 3600 === 0 ? `${s / 3600} h` : s % 60 === 0 ? `${s / 60} min` : `${s} s`);
const pct = (v: number) => `${Math.round(v * 1000) / 10} %`;

/** A target as one table cell: "email: 1 h / 4 h / 12 h; …" or "≥ 80 % / 65 % / 50 %". */
export function formatTargetForDocs(id: KpiId, t: TargetSettings): string {
  if (isDurationTargetKpi(id)) {
    return t.durations[id]
      .map(
        (p) =>
          `${p.channel === '*' ? 'any channel' : p.channel}${p.priority === '*' ? '' : ` (${p.priority})`}: ${dur(p.excellent_s)} / ${dur(p.good_s)} / ${dur(p.satisfactory_s)}`,
      )
      .join('; ');
  }
  if (isRateTargetKpi(id)) {
    const r = t.rates[id];
    return `${r.direction === 'higher' ? '≥' : '≤'} ${pct(r.excellent)} / ${pct(r.good)} / ${pct(r.satisfactory)} (excellent / good / satisfactory)`;
  }
  return '—';
}
