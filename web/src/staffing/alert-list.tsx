import type { StoredAlert } from '../api/staffing-types.js';
import { valueLabel } from '../components/labels.js';
import { formatNumber } from '../format/format.js';
import { useI18n } from '../i18n/i18n.js';

/** The stored alerts as the API orders them (newest bucket first). */
export function AlertList({ alerts }: { alerts: readonly StoredAlert[] }) {
  const { t, lang } = useI18n();
  const figure = (x: number) => formatNumber(x, lang, 1);
  if (alerts.length === 0) return <p className="muted">{t('staffing.alerts.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="alert-list">
        <thead>
          <tr>
            <th scope="col">{t('staffing.alerts.when')}</th>
            <th scope="col">{t('staffing.alerts.kind')}</th>
            <th scope="col">{t('staffing.alerts.scope')}</th>
            <th scope="col" className="num">
              {t('staffing.alerts.observed')}
            </th>
            <th scope="col" className="num">
              {t('staffing.alerts.expected')}
            </th>
            <th scope="col" className="num">
              {t('staffing.alerts.ratio')}
            </th>
            <th scope="col">{t('staffing.alerts.message')}</th>
          </tr>
        </thead>
        <tbody>
          {alerts.map((a) => (
            <tr key={a.id} data-testid="alert-row" data-kind={a.kind} data-bucket={a.bucket}>
              <th scope="row" className="nowrap">
                {a.bucket_label}
                <span className="muted small"> · {t(`staffing.alerts.bucket.${a.bucket}`)}</span>
              </th>
              <td className="nowrap">
                <span className={`alert-kind alert-kind-${a.kind}`}>
                  {t(`staffing.alerts.kinds.${a.kind}`)}
                </span>
              </td>
              <td>
                {a.dimension && a.value !== null
                  ? `${t(`dim.${a.dimension}`)}: ${valueLabel(t, a.dimension, a.value)}`
                  : t('staffing.alerts.overall')}
              </td>
              <td className="num nowrap">{figure(a.observed)}</td>
              <td className="num nowrap">{figure(a.expected)}</td>
              <td className="num nowrap">{a.ratio === null ? '—' : `×${formatNumber(a.ratio, lang, 1)}`}</td>
              <td className="small">{a.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
