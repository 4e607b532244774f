import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { type CallPopup, type CallPush, callApi } from './call-api.js';

/**
 * The calls to pop up, from the stream's `call` events: a ringing call, and the calls this agent answered
 * (until dismissed: the ticket is often registered after the hang-up). A call someone else took, or one
 * that ended before this agent answered, goes away by itself.
 */
export function useCallPops(me: string | null) {
  const [calls, setCalls] = useState<CallPush[]>([]);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  // a call dismissed while it rang pops up again when this agent answers it
  const key = (c: CallPush) => `${c.call_id}|${c.state === 'ringing' ? 'ringing' : 'mine'}`;
  const onCall = useCallback(
    (c: CallPush) =>
      setCalls((list) => {
        const others = list.filter((x) => x.call_id !== c.call_id);
        const mine = c.agent_id !== null && c.agent_id === me;
        return c.state === 'ringing' || mine ? [...others, c] : others;
      }),
    [me],
  );
  const dismiss = (c: CallPush) => setDismissed((d) => new Set(d).add(key(c)));
  return { calls: calls.filter((c) => !dismissed.has(key(c))), onCall, dismiss };
}

interface Props {
  call: CallPush;
  onOpen: (ticketId: string) => void;
  onDismiss: () => void;
}

/** One call's screen pop: the caller, their company and open tickets, and the one-click ticket. */
export function ScreenPop({ call, onOpen, onDismiss }: Props) {
  const { t } = useI18n();
  const [pop, setPop] = useState<CallPopup | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // each push (a new state, a linked ticket) reads the card again
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new position of the call is what asks for the read
  useEffect(() => {
    const ctl = new AbortController();
    callApi.popup(call.call_id, ctl.signal).then(
      (p) => {
        setPop(p);
        setError(null);
      },
      (e: unknown) => {
        if (!ctl.signal.aborted) setError((e as Error).message);
      },
    );
    return () => ctl.abort();
  }, [call.call_id, call.seq]);

  const register = async () => {
    setBusy(true);
    try {
      const made = await callApi.register(call.call_id);
      setPop((p) => (p ? { ...p, ticket_id: made.ticket_id } : p));
      onOpen(made.ticket_id);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const state = pop?.state ?? call.state;
  const caller = pop?.caller;
  const ticketId = pop?.ticket_id ?? call.ticket_id;
  return (
    <section
      className={`panel screen-pop screen-pop-${state}`}
      data-testid="screen-pop"
      data-call={call.call_id}
      data-state={state}
      data-loading={pop === null ? 'true' : 'false'}
      aria-live="polite"
    >
      <header className="screen-pop-head">
        <strong>{t(`desk.call.state.${state}`)}</strong>
        <span className="screen-pop-number" data-testid="pop-number">
          {caller?.number ?? call.number ?? t('desk.call.anonymous')}
        </span>
        {call.queue && <span className="muted">{t('desk.call.queue', { queue: call.queue })}</span>}
        <button
          type="button"
          className="link-button"
          onClick={onDismiss}
          data-testid="pop-dismiss"
          aria-label={t('desk.call.dismiss')}
        >
          {t('desk.call.dismiss')}
        </button>
      </header>
      {error && <p className="banner banner-error">{t('desk.refused', { message: error })}</p>}
      {caller && (
        <>
          <p className="screen-pop-who">
            <span data-testid="pop-customer">{caller.customer?.name ?? t('desk.call.unknown')}</span>
            {caller.company && (
              <span className="muted" data-testid="pop-company">
                {' · '}
                {caller.company.name}
              </span>
            )}
          </p>
          <h4>{t('desk.call.openTickets', { n: caller.open_tickets.length })}</h4>
          {caller.open_tickets.length === 0 ? (
            <p className="muted">{t('desk.call.noTickets')}</p>
          ) : (
            <ul className="screen-pop-tickets" data-testid="pop-tickets">
              {caller.open_tickets.map((tk) => (
                <li key={tk.ticket_id} data-ticket={tk.ticket_id}>
                  <button type="button" className="link-button" onClick={() => onOpen(tk.ticket_id)}>
                    {tk.ticket_id}
                  </button>{' '}
                  {tk.subject ?? t('ticket.noSubject')}
                  {tk.category && <span className="muted"> · {tk.category}</span>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <div className="desk-form-buttons">
        {ticketId ? (
          <button type="button" className="button" onClick={() => onOpen(ticketId)} data-testid="pop-open">
            {t('desk.call.openTicket', { id: ticketId })}
          </button>
        ) : (
          <button
            type="button"
            className="button button-primary"
            disabled={busy || pop === null}
            onClick={() => void register()}
            data-testid="pop-register"
          >
            {t('desk.call.register')}
          </button>
        )}
      </div>
    </section>
  );
}
