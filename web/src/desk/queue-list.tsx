import { formatDate } from '../format/format.js';
import { useI18n } from '../i18n/i18n.js';
import { Link } from '../router/router.js';
import { QUEUES, type QueueName, type QueuesAnswer } from './desk-api.js';
import { SlaClocksView } from './sla-clocks.js';

const ALL: QueueName[] = ['open', ...QUEUES];

export function QueueTabs({
  counts,
  queue,
  onPick,
}: {
  counts: QueuesAnswer['counts'] | null;
  queue: QueueName;
  onPick: (q: QueueName) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="desk-queues" role="tablist" aria-label={t('desk.queues')}>
      {ALL.map((q) => (
        <button
          key={q}
          type="button"
          role="tab"
          aria-selected={q === queue}
          className={q === queue ? 'desk-queue active' : 'desk-queue'}
          onClick={() => onPick(q)}
          data-testid={`queue-${q}`}
        >
          {t(`desk.queue.${q}`)} <span className="desk-count">{counts ? counts[q] : '…'}</span>
        </button>
      ))}
    </div>
  );
}

export function TicketList({
  answer,
  selected,
  hrefOf,
}: {
  answer: QueuesAnswer | null;
  selected: string | null;
  hrefOf: (id: string) => string;
}) {
  const { t, lang } = useI18n();
  if (!answer) return <div className="panel skeleton skeleton-tall" aria-busy="true" />;
  if (answer.tickets.length === 0) return <p className="muted">{t('desk.empty')}</p>;
  return (
    <ul className="desk-list" data-testid="desk-list">
      {answer.tickets.map((r) => (
        <li
          key={r.ticket_id}
          className={r.ticket_id === selected ? 'selected' : ''}
          data-ticket={r.ticket_id}
        >
          <Link to={hrefOf(r.ticket_id)} aria-current={r.ticket_id === selected ? 'true' : undefined}>
            <strong>{r.subject ?? t('ticket.noSubject')}</strong> <span className="muted">{r.ticket_id}</span>
            <br />
            <span className="muted">
              {t(`value.channel.${r.channel}`, { defaultValue: r.channel })} ·{' '}
              {r.priority ? t(`value.priority.${r.priority}`, { defaultValue: r.priority }) : '—'} ·{' '}
              {formatDate(r.created_at, lang, 'dateTime')}
            </span>
          </Link>
          <SlaClocksView sla={r.sla} compact />
        </li>
      ))}
    </ul>
  );
}
