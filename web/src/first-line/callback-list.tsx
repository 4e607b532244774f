import { useState } from 'react';
import type { CallbackOutcome } from '../api/first-line-types.js';
import { formatDate, formatPercent } from '../format/format.js';
import { useResource } from '../hooks/use-resource.js';
import { useI18n } from '../i18n/i18n.js';
import { CallbackRow } from './callback-row.js';
import { firstLineApi } from './first-line-api.js';

const REFRESH_MS = 60_000;

type Notice = { kind: 'ok' | 'error'; text: string } | null;

/**
 * The first line's feedback call-backs: resolved tickets without a rating, sampled at the configured share.
 * A reached customer leaves the list (the score taken by phone is recorded as ticket.rated via callback); a
 * call nobody answered stays on it, with its attempts counted, for another try.
 */
export function CallbackList({ canLog }: { canLog: boolean }) {
  const { t, lang } = useI18n();
  const list = useResource('callbacks', (signal) => firstLineApi.callbacks(signal), { pollMs: REFRESH_MS });
  // reached tickets are hidden at once, before the list is read again
  const [reached, setReached] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  const log = async (ticketId: string, body: CallbackOutcome) => {
    setBusy(ticketId);
    try {
      await firstLineApi.logCallback(ticketId, body);
      if (body.outcome === 'reached') setReached((s) => new Set([...s, ticketId]));
      setNotice({
        kind: 'ok',
        text:
          body.outcome === 'reached'
            ? t('firstLine.cb.loggedReached', { id: ticketId, score: body.score })
            : t('firstLine.cb.loggedNoAnswer', { id: ticketId }),
      });
      list.reload();
    } catch (e) {
      setNotice({ kind: 'error', text: t('firstLine.refused', { message: (e as Error).message }) });
    } finally {
      setBusy(null);
    }
  };

  const d = list.data;
  const items = d ? d.items.filter((i) => !reached.has(i.ticket_id)) : [];
  return (
    <section
      className="panel"
      aria-labelledby="fl-cb-title"
      data-testid="callback-list"
      data-loading={String(d === null)}
    >
      <div className="panel-head">
        <h2 id="fl-cb-title">{t('firstLine.cb.title')}</h2>
      </div>
      {d && (
        <p className="page-sub fl-sub">
          {t('firstLine.cb.sub', {
            share: formatPercent(d.share, lang, 0),
            from: formatDate(d.from, lang, 'dayShort'),
            to: formatDate(d.to, lang, 'dayShort'),
          })}
        </p>
      )}
      {notice && (
        <p
          className={notice.kind === 'ok' ? 'fl-notice' : 'banner banner-error'}
          role={notice.kind === 'ok' ? 'status' : 'alert'}
          data-testid={`callback-notice-${notice.kind}`}
        >
          {notice.text}
        </p>
      )}
      {list.error && (
        <div className="banner banner-error" role="alert">
          {t('app.error', { message: list.error.message })}
        </div>
      )}
      {d &&
        (items.length === 0 ? (
          <p className="muted" data-testid="callback-empty">
            {t('firstLine.cb.none')}
          </p>
        ) : (
          <div className="table-wrap">
            <table className="table table-compact">
              <thead>
                <tr>
                  <th scope="col">{t('firstLine.cb.ticket')}</th>
                  <th scope="col">{t('ticket.customer')}</th>
                  <th scope="col">{t('firstLine.cb.phone')}</th>
                  <th scope="col">{t('firstLine.cb.resolved')}</th>
                  <th scope="col">{t('firstLine.cb.tried')}</th>
                  <th scope="col">{t('firstLine.cb.outcome')}</th>
                </tr>
              </thead>
              <tbody data-testid="callback-rows">
                {items.map((i) => (
                  <CallbackRow
                    key={i.ticket_id}
                    item={i}
                    canLog={canLog}
                    busy={busy === i.ticket_id}
                    onLog={(body) => void log(i.ticket_id, body)}
                  />
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}
