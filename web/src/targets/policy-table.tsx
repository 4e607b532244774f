import type { DurationTargetKpi } from '../api/insights.js';
import { valueLabel } from '../components/labels.js';
import { useI18n } from '../i18n/i18n.js';
import { FieldMessage, type Messages } from './field-message.js';
import { LEVELS, newRowId, type PolicyDraft } from './target-form.js';

const CHANNELS = ['*', 'phone', 'chat', 'email', 'social', 'web', 'other'];
const PRIORITIES = ['*', 'low', 'normal', 'high', 'urgent'];

interface Props {
  kpi: DurationTargetKpi;
  name: string;
  rows: PolicyDraft[];
  messages: Messages;
  onChange: (rows: PolicyDraft[]) => void;
}

/** One duration KPI's SLA policies: a row per channel and priority, thresholds typed as durations. */
export function PolicyTable({ kpi, name, rows, messages, onChange }: Props) {
  const { t } = useI18n();
  const set = (i: number, patch: Partial<PolicyDraft>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const any = (dim: 'channel' | 'priority', v: string) =>
    v === '*' ? t('targets.any') : valueLabel(t, dim, v);
  return (
    <section className="panel" aria-labelledby={`t-${kpi}`} data-testid={`policies-${kpi}`}>
      <div className="panel-head">
        <h2 id={`t-${kpi}`}>{name}</h2>
        <button
          type="button"
          className="button"
          onClick={() =>
            onChange([
              ...rows,
              { id: newRowId(), channel: '*', priority: '*', excellent: '', good: '', satisfactory: '' },
            ])
          }
          data-testid={`add-${kpi}`}
        >
          + {t('targets.addPolicy')}
        </button>
      </div>
      {rows.length === 0 ? (
        <p className="muted">{t('targets.noPolicies')}</p>
      ) : (
        <table className="table targets-table">
          <thead>
            <tr>
              <th scope="col">{t('dim.channel')}</th>
              <th scope="col">{t('dim.priority')}</th>
              {LEVELS.map((l) => (
                <th key={l} scope="col">
                  {t(`tier.${l}`)} ≤
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">{t('targets.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const at = `durations.${kpi}.${i}`;
              const rowLabel = `${name}, ${any('channel', row.channel)}, ${any('priority', row.priority)}`;
              return [
                <tr key={row.id} data-testid="policy-row">
                  <td>
                    <select
                      value={row.channel}
                      aria-label={`${rowLabel}: ${t('dim.channel')}`}
                      onChange={(e) => set(i, { channel: e.target.value })}
                    >
                      {CHANNELS.map((c) => (
                        <option key={c} value={c}>
                          {any('channel', c)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select
                      value={row.priority}
                      aria-label={`${rowLabel}: ${t('dim.priority')}`}
                      onChange={(e) => set(i, { priority: e.target.value })}
                    >
                      {PRIORITIES.map((p) => (
                        <option key={p} value={p}>
                          {any('priority', p)}
                        </option>
                      ))}
                    </select>
                  </td>
                  {LEVELS.map((level) => {
                    const path = `${at}.${level}`;
                    const msg = messages.get(path);
                    return (
                      <td key={level}>
                        <input
                          type="text"
                          id={path}
                          value={row[level]}
                          size={11}
                          aria-label={`${rowLabel}: ${t(`tier.${level}`)}`}
                          aria-invalid={msg ? true : undefined}
                          aria-describedby={msg ? `${path}-msg` : undefined}
                          data-testid={`${kpi}-${i}-${level}`}
                          onChange={(e) => set(i, { [level]: e.target.value })}
                        />
                        <FieldMessage id={`${path}-msg`} text={msg} />
                      </td>
                    );
                  })}
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`${t('targets.remove')}: ${rowLabel}`}
                      onClick={() => onChange(rows.filter((_, j) => j !== i))}
                    >
                      ×
                    </button>
                  </td>
                </tr>,
                messages.get(at) ? (
                  <tr key={`${row.id}-msg`} className="row-message">
                    <td colSpan={6} id={at}>
                      <FieldMessage id={`${at}-msg`} text={messages.get(at)} />
                    </td>
                  </tr>
                ) : null,
              ];
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
