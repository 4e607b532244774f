import { RATE_TARGET_KPIS, type RateTargetKpi } from '../api/insights.js';
import type { KpiDefinition, KpiId } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { FieldMessage, type Messages } from './field-message.js';
import { LEVELS, type RateDraft } from './target-form.js';

interface Props {
  rates: Record<RateTargetKpi, RateDraft>;
  defs: Map<KpiId, KpiDefinition>;
  messages: Messages;
  onChange: (kpi: RateTargetKpi, draft: RateDraft) => void;
  /** only these KPIs (the FCR band has its own panel) */
  only?: readonly RateTargetKpi[];
}

/** Tier thresholds of the rate KPIs, in percent; which way is better is part of the KPI and shown, not edited. */
export function RateTable({ rates, defs, messages, onChange, only }: Props) {
  const { t, lang } = useI18n();
  const kpis = only ?? RATE_TARGET_KPIS;
  return (
    <table className="table targets-table">
      <thead>
        <tr>
          <th scope="col">KPI</th>
          <th scope="col">{t('kpi.better')}</th>
          {LEVELS.map((l) => (
            <th key={l} scope="col">
              {t(`tier.${l}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {kpis.flatMap((kpi) => {
          const r = rates[kpi];
          const name = defs.get(kpi)?.name[lang] ?? kpi;
          const rowMsg = messages.get(`rates.${kpi}`);
          return [
            <tr key={kpi} data-testid={`rate-${kpi}`}>
              <th scope="row">{name}</th>
              <td className="muted">
                {r.direction === 'higher' ? t('targets.higherBetter') : t('targets.lowerBetter')}
              </td>
              {LEVELS.map((level) => {
                const path = `rates.${kpi}.${level}`;
                const msg = messages.get(path);
                return (
                  <td key={level}>
                    <span className="percent-input">
                      <input
                        type="text"
                        inputMode="decimal"
                        id={path}
                        size={6}
                        value={r[level]}
                        aria-label={`${name}: ${t(`tier.${level}`)} (%)`}
                        aria-invalid={msg ? true : undefined}
                        aria-describedby={msg ? `${path}-msg` : undefined}
                        data-testid={`${kpi}-${level}`}
                        onChange={(e) => onChange(kpi, { ...r, [level]: e.target.value })}
                      />
                      <span aria-hidden="true">%</span>
                    </span>
                    <FieldMessage id={`${path}-msg`} text={msg} />
                  </td>
                );
              })}
            </tr>,
            rowMsg ? (
              <tr key={`${kpi}-msg`} className="row-message">
                <td colSpan={5} id={`rates.${kpi}`}>
                  <FieldMessage id={`rates.${kpi}-msg`} text={rowMsg} />
                </td>
              </tr>
            ) : null,
          ];
        })}
      </tbody>
    </table>
  );
}
