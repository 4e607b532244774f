import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.js';
import { DURATION_TARGET_KPIS, insightsApi, RATE_TARGET_KPIS, TargetsRejected } from '../api/insights.js';
import { useDefinitions } from '../hooks/org.js';
import { useResource } from '../hooks/use-resource.js';
import { useI18n } from '../i18n/i18n.js';
import { PolicyTable } from '../targets/policy-table.js';
import { RateTable } from '../targets/rate-table.js';
import { checkDraft, draftOf, type FieldError, type TargetsDraft } from '../targets/target-form.js';
import '../targets/targets.css';

type Status =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'refused'; message: string; fields: string[] }
  | { kind: 'forbidden' }
  | { kind: 'failed'; message: string };

export default function TargetsPage() {
  const { t, lang } = useI18n();
  const { defs } = useDefinitions();
  const res = useResource('targets', (signal) => insightsApi.targets(signal));
  const [draft, setDraft] = useState<TargetsDraft | null>(null);
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (res.data && !draft) setDraft(draftOf(res.data, lang));
  }, [res.data, draft, lang]);

  const edit = (next: TargetsDraft) => {
    setDraft(next);
    setDirty(true);
    // once the user was told what is wrong, the messages follow their corrections
    if (status.kind === 'invalid') setStatus({ kind: 'invalid', errors: checkDraft(next).errors });
    else if (status.kind !== 'idle') setStatus({ kind: 'idle' });
  };
  const save = async () => {
    if (!draft) return;
    const { settings, errors } = checkDraft(draft);
    if (!settings) {
      setStatus({ kind: 'invalid', errors });
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setStatus({ kind: 'saving' });
    try {
      setDraft(draftOf(await insightsApi.putTargets(settings), lang));
      setDirty(false);
      setStatus({ kind: 'saved' });
    } catch (err) {
      if (err instanceof TargetsRejected)
        setStatus({
          kind: 'refused',
          message: err.message,
          fields: err.details.map((d) => `${d.field}: ${d.message}`),
        });
      else if (err instanceof ApiError && (err.status === 403 || err.status === 401))
        setStatus({ kind: 'forbidden' });
      else setStatus({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
      requestAnimationFrame(() => summary.current?.focus());
    }
  };
  const revert = () => {
    if (res.data) setDraft(draftOf(res.data, lang));
    setDirty(false);
    setStatus({ kind: 'idle' });
    res.reload();
  };

  const errors = status.kind === 'invalid' ? status.errors : [];
  const messages = new Map(errors.map((e) => [e.path, message(e, draft, t)]));
  const name = (id: string) => defs?.byId.get(id as never)?.name[lang] ?? id;

  return (
    <div className="page targets-page" data-testid="targets" data-loading={String(!draft)}>
      <div className="page-head">
        <div>
          <h1>{t('targets.title')}</h1>
          <p className="page-sub">{t('targets.sub')}</p>
        </div>
        <div className="head-tools">
          {dirty && <span className="muted small">{t('targets.unsaved')}</span>}
          <button
            type="button"
            className="button"
            onClick={revert}
            disabled={!dirty || status.kind === 'saving'}
          >
            {t('targets.revert')}
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={save}
            disabled={!draft || status.kind === 'saving'}
            data-testid="save-targets"
          >
            {status.kind === 'saving' ? t('targets.saving') : t('targets.save')}
          </button>
        </div>
      </div>
      <div
        ref={summary}
        tabIndex={-1}
        className="targets-status"
        data-testid="targets-status"
        data-status={status.kind}
      >
        {status.kind === 'saved' && (
          <p className="banner banner-info" role="status">
            {t('targets.saved')}
          </p>
        )}
        {status.kind === 'invalid' && (
          <div className="banner banner-error" role="alert">
            <div>
              <p className="plain">{t('targets.invalid', { count: errors.length })}</p>
              <ul className="error-list">
                {errors.map((e) => (
                  <li key={`${e.path}/${e.code}`}>
                    <a href={`#${e.path}`}>{where(e.path, name, t)}</a>: {messages.get(e.path)}
                  </li>
                ))}
              </ul>
            </div>
          </div>
        )}
        {status.kind === 'refused' && (
          <div className="banner banner-error" role="alert">
            {t('targets.refused', { message: status.message })} {status.fields.join('; ')}
          </div>
        )}
        {status.kind === 'forbidden' && (
          <p className="banner banner-error" role="alert">
            {t('targets.forbidden')}
          </p>
        )}
        {status.kind === 'failed' && (
          <p className="banner banner-error" role="alert">
            {t('app.error', { message: status.message })}
          </p>
        )}
      </div>
      {res.error && !draft && (
        <p className="banner banner-error" role="alert">
          {t('app.error', { message: res.error.message })}
        </p>
      )}
      {draft && defs ? (
        <>
          <section className="panel" aria-labelledby="fcr-band" data-testid="fcr-band">
            <div className="panel-head">
              <h2 id="fcr-band">{t('targets.fcrBand')}</h2>
            </div>
            <p className="muted small">{t('targets.fcrBandHint')}</p>
            <RateTable
              rates={draft.rates}
              defs={defs.byId}
              messages={messages}
              only={['fcr']}
              onChange={(kpi, r) => edit({ ...draft, rates: { ...draft.rates, [kpi]: r } })}
            />
          </section>
          <h2 className="targets-group">{t('targets.slaTitle')}</h2>
          <p className="muted small">{t('targets.slaHint')}</p>
          {DURATION_TARGET_KPIS.map((kpi) => (
            <PolicyTable
              key={kpi}
              kpi={kpi}
              name={name(kpi)}
              rows={draft.durations[kpi]}
              messages={messages}
              onChange={(rows) => edit({ ...draft, durations: { ...draft.durations, [kpi]: rows } })}
            />
          ))}
          <section className="panel" aria-labelledby="rate-targets">
            <div className="panel-head">
              <h2 id="rate-targets">{t('targets.ratesTitle')}</h2>
            </div>
            <RateTable
              rates={draft.rates}
              defs={defs.byId}
              messages={messages}
              only={RATE_TARGET_KPIS.filter((k) => k !== 'fcr')}
              onChange={(kpi, r) => edit({ ...draft, rates: { ...draft.rates, [kpi]: r } })}
            />
          </section>
        </>
      ) : (
        !res.error && <div className="panel skeleton skeleton-tall" aria-busy="true" />
      )}
    </div>
  );
}

type T = ReturnType<typeof useI18n>['t'];

/** The message of an error, in the user's language. */
function message(e: FieldError, draft: TargetsDraft | null, t: T): string {
  if (e.code === 'rateOrder') {
    const kpi = e.path.split('.')[1] as keyof TargetsDraft['rates'];
    return t(
      draft?.rates[kpi]?.direction === 'lower' ? 'targets.err.rateOrderLower' : 'targets.err.rateOrderHigher',
    );
  }
  return t(`targets.err.${e.code}`);
}

/** Where an error is, as people read it: "First response time, policy 2, good". */
function where(path: string, name: (id: string) => string, t: T): string {
  const [section, kpi, a, b] = path.split('.');
  const parts = [name(kpi ?? '')];
  if (section === 'durations' && a !== undefined) parts.push(t('targets.policyN', { n: Number(a) + 1 }));
  const level = section === 'durations' ? b : a;
  if (level) parts.push(t(`tier.${level}`).toLowerCase());
  return parts.join(', ');
}
