import { useCallback, useEffect, useState } from 'react';
import { formatDate } from '../format/format.js';
import { useI18n } from '../i18n/i18n.js';
import { describe } from '../pages/ticket-page.js';
import { ActionForm, type DeskAction } from './action-form.js';
import { ActionError, type DeskAgent, type DeskTicket, deskApi, type SlaClocks } from './desk-api.js';
import { SlaClocksView } from './sla-clocks.js';

/** Which actions make sense for a ticket's status (the server checks the rules again). */
function allowed(status: string): DeskAction[] {
  if (status === 'open')
    return ['reply', 'note', 'classify', 'assign', 'take', 'escalate', 'resolve', 'close', 'work'];
  return ['reopen', 'close', 'note', 'work'];
}

interface Props {
  id: string;
  agents: DeskAgent[];
  action: DeskAction | null;
  setAction: (a: DeskAction | null) => void;
  /** the newest version of this ticket the stream told of */
  streamVersion: number;
  onChanged: () => void;
}

type Notice = { kind: 'ok' | 'error' | 'stale'; text: string } | null;

/** One ticket in the workspace: its SLA clocks, the actions, the timeline. */
export function TicketDesk({ id, agents, action, setAction, streamVersion, onChanged }: Props) {
  const { t, lang } = useI18n();
  const [view, setView] = useState<DeskTicket | null>(null);
  const [sla, setSla] = useState<SlaClocks | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const [outdated, setOutdated] = useState(false);

  const load = useCallback(async () => {
    const [v, s] = await Promise.all([deskApi.ticket(id), deskApi.sla(id)]);
    setView(v);
    setSla(s);
    setOutdated(false);
  }, [id]);

  useEffect(() => {
    setView(null);
    setNotice(null);
    load().catch((e: unknown) => setNotice({ kind: 'error', text: String((e as Error).message) }));
  }, [load]);

  // a change made elsewhere is announced, not applied under the agent's hands: their next action is
  // sent with the version they saw, and the server's 409 then shows the fresh state
  const loaded = view?.ticket.version ?? null;
  useEffect(() => {
    if (loaded !== null && streamVersion > loaded) setOutdated(true);
  }, [streamVersion, loaded]);

  const submit = async (a: DeskAction, body: Record<string, unknown>) => {
    if (!view) return;
    setBusy(true);
    try {
      const answer = await deskApi.act(id, a, { ...body, version: view.ticket.version });
      setView(answer);
      setSla(answer.sla);
      setOutdated(false);
      setAction(null);
      setNotice({ kind: 'ok', text: t('desk.done', { action: t(`desk.action.${a}`) }) });
      onChanged();
    } catch (e) {
      if (e instanceof ActionError && e.status === 409 && e.fresh) {
        setView(e.fresh);
        setOutdated(false);
        deskApi.sla(id).then(setSla, () => undefined);
        setNotice({ kind: 'stale', text: t('desk.stale') });
      } else setNotice({ kind: 'error', text: t('desk.refused', { message: (e as Error).message }) });
    } finally {
      setBusy(false);
    }
  };

  if (!view)
    return notice ? (
      <p className="banner banner-error">{notice.text}</p>
    ) : (
      <div className="panel skeleton skeleton-tall" aria-busy="true" />
    );
  const tk = view.ticket;
  const actions = allowed(tk.status);
  const assignee = agents.find((a) => a.user_id === tk.assignee_id)?.name ?? tk.assignee_id;
  return (
    <section
      className="desk-ticket"
      data-testid="desk-ticket"
      data-version={tk.version}
      data-status={tk.status}
    >
      <header className="desk-ticket-head">
        <h2>
          {tk.subject ?? t('ticket.noSubject')} <span className="muted">{tk.ticket_id}</span>
        </h2>
        <p className="muted">
          {t(`ticket.status.${tk.status}`, { defaultValue: tk.status })} ·{' '}
          {tk.category ?? t('desk.unclassified')} ·{' '}
          {tk.line ? t('ticket.line', { n: tk.line }) : t('desk.noLine')}
          {tk.team_id ? ` · ${tk.team_id}` : ''} · {assignee ?? t('desk.nobody')} ·{' '}
          {t('desk.version', { v: tk.version })}
        </p>
      </header>
      {notice && (
        <p
          className={`banner ${notice.kind === 'ok' ? 'banner-info' : 'banner-error'}`}
          role="status"
          data-testid={`notice-${notice.kind}`}
        >
          {notice.text}
        </p>
      )}
      {outdated && (
        <p className="banner banner-info" data-testid="outdated">
          {t('desk.outdated')}{' '}
          <button type="button" className="link-button" onClick={() => void load()}>
            {t('desk.reload')}
          </button>
        </p>
      )}
      {sla && <SlaClocksView sla={sla} />}
      <div className="desk-actions" role="toolbar" aria-label={t('desk.actions')}>
        {actions.map((a) => (
          <button
            key={a}
            type="button"
            className={action === a ? 'button button-primary' : 'button'}
            onClick={() => setAction(a)}
            data-testid={`action-${a}`}
          >
            {t(`desk.action.${a}`)}
            {t(`desk.key.${a}`, { defaultValue: '' }) && <kbd>{t(`desk.key.${a}`)}</kbd>}
          </button>
        ))}
      </div>
      {action && actions.includes(action) && (
        <ActionForm
          key={action}
          action={action}
          agents={agents}
          busy={busy}
          onSubmit={(a, b) => void submit(a, b)}
          onCancel={() => setAction(null)}
        />
      )}
      <h3>{t('ticket.timeline')}</h3>
      <ol className="desk-timeline" data-testid="desk-timeline">
        {view.timeline.map((e) => (
          <li key={`${e.seq}-${e.id}`} data-type={e.type}>
            <time dateTime={e.at}>{formatDate(e.at, lang, 'dateTime')}</time> {describe(e, t, lang)}
            {typeof e.by === 'string' && <span className="muted"> · {t('ticket.by', { who: e.by })}</span>}
            {typeof e.text === 'string' && <p className="desk-text">{e.text}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
