import { useState } from 'react';
import type { CallbackItem, CallbackOutcome } from '../api/first-line-types.js';
import { Segmented } from '../components/segmented.js';
import { formatDate } from '../format/format.js';
import { useI18n } from '../i18n/i18n.js';
import { Link } from '../router/router.js';

const SCORES = ['1', '2', '3', '4', '5'] as const;
type Score = (typeof SCORES)[number];
const COLUMNS = 6;

interface Props {
  item: CallbackItem;
  /** may log an outcome (tickets:write); viewers only read the list */
  canLog: boolean;
  busy: boolean;
  onLog: (body: CallbackOutcome) => void;
}

/** One ticket to call back: who, which number, and the outcome buttons (reached with a score, or no answer). */
export function CallbackRow({ item, canLog, busy, onLog }: Props) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const [score, setScore] = useState<Score | null>(null);
  const [comment, setComment] = useState('');
  const c = item.customer;
  const save = () => {
    if (!score) return;
    const text = comment.trim();
    onLog({ outcome: 'reached', score: Number(score), ...(text ? { comment: text } : {}) });
  };
  return (
    <>
      <tr data-ticket={item.ticket_id}>
        <th scope="row">
          <Link to={`/tickets/${encodeURIComponent(item.ticket_id)}`}>{item.ticket_id}</Link>
          <div className="muted subject">{item.subject ?? t('ticket.noSubject')}</div>
        </th>
        <td data-testid="callback-customer">{c.name ?? c.ref ?? t('firstLine.cb.unknownCustomer')}</td>
        <td className="fl-phones" data-testid="callback-phones">
          {c.phones.length === 0
            ? t('firstLine.cb.noPhone')
            : c.phones.map((p) => (
                <a key={p} href={`tel:${p}`}>
                  {p}
                </a>
              ))}
        </td>
        <td>
          {formatDate(item.resolved_at, lang, 'hour')}
          {item.resolved_by && <div className="muted">{t('ticket.by', { who: item.resolved_by })}</div>}
        </td>
        <td className="num" data-testid="callback-attempts">
          {item.attempts === 0 ? '—' : t('firstLine.cb.attempts', { count: item.attempts })}
        </td>
        <td>
          {canLog ? (
            <div className="fl-actions">
              <button
                type="button"
                className="button"
                aria-expanded={open}
                disabled={busy}
                onClick={() => setOpen((o) => !o)}
                data-testid="callback-reached"
              >
                {t('firstLine.cb.reached')}
              </button>
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => onLog({ outcome: 'no_answer' })}
                data-testid="callback-no-answer"
              >
                {t('firstLine.cb.noAnswer')}
              </button>
            </div>
          ) : (
            <span className="muted">{t('firstLine.cb.readOnly')}</span>
          )}
        </td>
      </tr>
      {open && canLog && (
        <tr data-ticket-form={item.ticket_id}>
          <td colSpan={COLUMNS}>
            <form
              className="fl-reached"
              onSubmit={(e) => {
                e.preventDefault();
                save();
              }}
            >
              <span>{t('firstLine.cb.scoreLabel')}</span>
              <Segmented
                label={t('firstLine.cb.scoreLabel')}
                options={SCORES}
                value={score}
                onChange={setScore}
                render={(s) => s}
                small
                testId={(s) => `callback-score-${s}`}
              />
              <input
                type="text"
                value={comment}
                maxLength={5000}
                onChange={(e) => setComment(e.target.value)}
                placeholder={t('firstLine.cb.comment')}
                aria-label={t('firstLine.cb.comment')}
                data-testid="callback-comment"
              />
              <button
                type="submit"
                className="button fl-primary"
                disabled={busy || !score}
                data-testid="callback-save"
              >
                {t('firstLine.cb.save')}
              </button>
              <button type="button" className="button" onClick={() => setOpen(false)}>
                {t('firstLine.cb.cancel')}
              </button>
            </form>
          </td>
        </tr>
      )}
    </>
  );
}
