import { useState } from 'react';
import type { PlanSlot } from '../api/staffing-types.js';
import { formatNumber, formatSigned } from '../format/format.js';
import { useI18n } from '../i18n/i18n.js';
import { hourLabel, weekdayName } from './week-labels.js';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
/** gaps within this many agents read as "matches": staffing is an average, a tenth of an agent is noise */
const EVEN = 0.05;

/** The slot's colour: red where agents are short, blue where there are more than needed, white at parity. */
function gapColour(gap: number, scale: number): string {
  if (Math.abs(gap) < EVEN) return 'rgb(248, 250, 252)';
  const k = Math.min(1, Math.abs(gap) / scale);
  const alpha = (0.12 + 0.78 * k).toFixed(3);
  return gap < 0 ? `rgba(185, 28, 28, ${alpha})` : `rgba(59, 111, 216, ${alpha})`;
}

const arrivalsOf = (s: PlanSlot) => Object.values(s.channels).reduce((n, c) => n + (c?.arrivals ?? 0), 0);

/**
 * The typical week as a grid (weekday rows × hour columns) coloured by the gap between staffed and
 * required agents. A plain grid rather than a chart: every cell is focusable and announces its figures,
 * and the page need not load the chart library's heat-map parts.
 */
export function HeatMap({ slots }: { slots: readonly PlanSlot[] }) {
  const { t, lang } = useI18n();
  const [active, setActive] = useState<string | null>(null);
  const byKey = new Map(slots.map((s) => [`${s.weekday}-${s.hour}`, s]));
  const scale = Math.max(1, ...slots.map((s) => Math.abs(s.gap)));
  const n = (x: number) => formatNumber(x, lang, 1);
  const tip = (s: PlanSlot) => [
    `${weekdayName(s.weekday, lang, 'long')} ${hourLabel(s.hour)}–${hourLabel((s.hour + 1) % 24)}`,
    t('staffing.tip.required', { n: n(s.required) }),
    t('staffing.tip.staffed', { n: n(s.staffed) }),
    t('staffing.tip.gap', { n: formatSigned(s.gap, lang, 1) }),
    t('staffing.tip.arrivals', { n: n(arrivalsOf(s)) }),
  ];
  return (
    <div className="heat-wrap">
      <table className="heat" data-testid="heat-map" aria-label={t('staffing.heatLabel')}>
        <thead>
          <tr>
            <td />
            {HOURS.map((h) => (
              <th key={h} scope="col" className="heat-hour">
                {h % 3 === 0 ? String(h).padStart(2, '0') : ''}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((wd) => (
            <tr key={wd}>
              <th scope="row" className="heat-day">
                {weekdayName(wd, lang)}
              </th>
              {HOURS.map((h) => {
                const key = `${wd}-${h}`;
                const s = byKey.get(key);
                if (!s) return <td key={h} className="heat-cell heat-empty" />;
                const lines = tip(s);
                return (
                  <td
                    key={h}
                    className="heat-cell"
                    style={{ background: gapColour(s.gap, scale) }}
                    data-testid="heat-cell"
                    data-weekday={wd}
                    data-hour={h}
                    data-gap={s.gap}
                  >
                    <button
                      type="button"
                      className="heat-btn"
                      aria-label={lines.join(', ')}
                      aria-describedby={active === key ? 'heat-tip' : undefined}
                      onMouseEnter={() => setActive(key)}
                      onMouseLeave={() => setActive((a) => (a === key ? null : a))}
                      onFocus={() => setActive(key)}
                      onBlur={() => setActive((a) => (a === key ? null : a))}
                    />
                    {active === key && (
                      <div
                        id="heat-tip"
                        className={`heat-tip${h >= 16 ? ' heat-tip-left' : ''}`}
                        role="tooltip"
                        data-testid="heat-tip"
                      >
                        {lines.map((l, i) => (
                          <div key={l} className={i === 0 ? 'heat-tip-head' : undefined}>
                            {l}
                          </div>
                        ))}
                      </div>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="heat-legend" aria-hidden="true">
        <span className="heat-swatch" style={{ background: gapColour(-scale, scale) }} />
        {t('staffing.legend.short', { n: n(scale) })}
        <span className="heat-swatch" style={{ background: gapColour(0, scale) }} />
        {t('staffing.legend.even')}
        <span className="heat-swatch" style={{ background: gapColour(scale, scale) }} />
        {t('staffing.legend.over', { n: n(scale) })}
      </div>
    </div>
  );
}
