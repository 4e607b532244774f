import { useEffect, useRef } from 'react';
import type { KpiDefinition, KpiId, KpiValue } from '../api/types.js';
import { valueLabel } from '../components/labels.js';
import { formatDuration, formatPercent } from '../format/format.js';
import { useI18n } from '../i18n/i18n.js';
import { Link } from '../router/router.js';

interface Props {
  def: KpiDefinition;
  kpi: KpiValue | undefined;
  defs: Map<KpiId, KpiDefinition>;
  open: boolean;
  onClose: () => void;
  href: (id: KpiId) => string;
}

function Targets({ kpi }: { kpi: KpiValue }) {
  const { t, lang } = useI18n();
  if (kpi.kind === 'rate' && kpi.target) {
    const op = kpi.target.direction === 'higher' ? '≥' : '≤';
    return (
      <ul className="plain">
        {(['excellent', 'good', 'satisfactory'] as const).map((tier) => (
          <li key={tier}>
            {t(`tier.${tier}`)}: {op} {formatPercent(kpi.target?.[tier] ?? null, lang)}
          </li>
        ))}
      </ul>
    );
  }
  if (kpi.kind === 'duration' && kpi.target?.length)
    return (
      <table className="table table-compact">
        <thead>
          <tr>
            <th scope="col">{t('dim.channel')}</th>
            <th scope="col">{t('dim.priority')}</th>
            <th scope="col">{t('tier.excellent')}</th>
            <th scope="col">{t('tier.good')}</th>
            <th scope="col">{t('tier.satisfactory')}</th>
          </tr>
        </thead>
        <tbody>
          {kpi.target.map((p) => (
            <tr key={`${p.channel}/${p.priority}`}>
              <td>{p.channel === '*' ? t('kpi.policyAny') : valueLabel(t, 'channel', p.channel)}</td>
              <td>{p.priority === '*' ? t('kpi.policyAny') : valueLabel(t, 'priority', p.priority)}</td>
              <td>≤ {formatDuration(p.excellent_s, lang)}</td>
              <td>≤ {formatDuration(p.good_s, lang)}</td>
              <td>≤ {formatDuration(p.satisfactory_s, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  return <p className="muted">{t('card.noTarget')}</p>;
}

/** The KPI's definition, formula, reference instant and targets, in a modal side panel. */
export function DefinitionPanel({ def, kpi, defs, open, onClose, href }: Props) {
  const { t, lang } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  const better =
    def.better === 'higher'
      ? t('kpi.betterHigher')
      : def.better === 'lower'
        ? t('kpi.betterLower')
        : t('kpi.betterNone');
  return (
    <dialog
      ref={ref}
      className="drawer"
      onClose={onClose}
      aria-labelledby="def-title"
      data-testid="definition"
    >
      <div className="drawer-head">
        <h2 id="def-title">{def.name[lang]}</h2>
        <button type="button" className="button" onClick={onClose}>
          {t('kpi.close')}
        </button>
      </div>
      <p className="def-text">{def.definition[lang]}</p>
      <dl className="def-list">
        <dt>{t('kpi.formula')}</dt>
        <dd>{def.formula[lang]}</dd>
        <dt>{t('kpi.reference')}</dt>
        <dd>{def.reference[lang]}</dd>
        <dt>{t('kpi.better')}</dt>
        <dd>{better}</dd>
        {def.counterparts.length > 0 && (
          <>
            <dt>{t('kpi.counterparts')}</dt>
            <dd>
              {def.counterparts.map((id, i) => (
                <span key={id}>
                  {i > 0 && ', '}
                  <Link to={href(id)} onClick={onClose}>
                    {defs.get(id)?.name[lang] ?? id}
                  </Link>
                </span>
              ))}
            </dd>
          </>
        )}
      </dl>
      <h3>{t('kpi.targets')}</h3>
      {kpi ? <Targets kpi={kpi} /> : null}
    </dialog>
  );
}
