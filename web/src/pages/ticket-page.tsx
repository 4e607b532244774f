import type { TFunction } from 'i18next';
import { api } from '../api/client.js';
import type { TimelineEvent } from '../api/types.js';
import { valueLabel } from '../components/labels.js';
import { formatDate, formatDuration, type Lang } from '../format/format.js';
import { useOrgTimeZone } from '../hooks/org.js';
import { useResource } from '../hooks/use-resource.js';
import { useI18n } from '../i18n/i18n.js';
import { Link } from '../router/router.js';

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** One timeline event as a sentence. */
export function describe(e: TimelineEvent, t: TFunction, lang: Lang): string {
  const key = `ticket.event.${e.type}`;
  const args: Record<string, string> = {};
  switch (e.type) {
    case 'contact.offered':
      args.channel = valueLabel(t, 'channel', str(e.channel));
      break;
    case 'contact.answered':
      args.agent = str(e.agent_id);
      break;
    case 'contact.ended':
      args.talk = formatDuration(num(e.talk_s), lang);
      args.hold = formatDuration(num(e.hold_s), lang);
      args.wrap = formatDuration(num(e.wrap_s), lang);
      break;
    case 'ticket.classified':
      args.category = str(e.category);
      break;
    case 'ticket.reclassified':
      args.from = str(e.from) || t('value.none');
      args.to = str(e.to);
      break;
    case 'ticket.assigned': {
      const who = [str(e.assignee_id), str(e.team_id)].filter(Boolean).join(' · ') || t('value.none');
      args.who = e.line ? `${who} (${t('ticket.line', { n: e.line })})` : who;
      break;
    }
    case 'ticket.replied':
      args.kind = t(`ticket.kind.${str(e.kind) || 'comment'}`);
      break;
    case 'ticket.escalated': {
      const to = e.to_line
        ? t('ticket.line', { n: e.to_line })
        : e.to_role
          ? t(`ticket.${str(e.to_role)}`)
          : '';
      args.to = e.reason ? `${to} — ${t('ticket.reason', { reason: str(e.reason) })}` : to;
      break;
    }
    case 'ticket.tagged':
      args.tags = Array.isArray(e.tags) ? e.tags.join(', ') : '';
      break;
    case 'ticket.rated':
      args.score = str(e.score);
      break;
    case 'ticket.callback':
      args.outcome = t(`ticket.${str(e.outcome) || 'reached'}`);
      break;
    case 'ticket.worked':
      args.duration = formatDuration(num(e.seconds), lang);
      break;
  }
  const text = t(key, { ...args, defaultValue: e.type });
  return e.type === 'ticket.rated' && e.via ? `${text} (${t('ticket.via', { via: str(e.via) })})` : text;
}

function kindOf(type: string): string {
  if (type.startsWith('contact.')) return 'contact';
  if (type === 'ticket.resolved' || type === 'ticket.closed') return 'done';
  if (type === 'ticket.escalated' || type === 'ticket.reopened' || type === 'ticket.reclassified')
    return 'alert';
  if (type === 'ticket.note') return 'note';
  return 'ticket';
}

export default function TicketPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const tz = useOrgTimeZone();
  const res = useResource(id, (signal) => api.ticket(id, signal));
  const view = res.data;
  const f = view?.facts ?? {};
  const milestone = (label: string, s: string, bs: string) => {
    const v = num(f[s]);
    const b = num(f[bs]);
    return (
      <div key={label}>
        <dt>{label}</dt>
        <dd>
          {v === null ? <span className="muted">{t('ticket.notYet')}</span> : formatDuration(v, lang)}
          {b !== null && b !== v && (
            <span className="muted small"> · {t('ticket.business', { v: formatDuration(b, lang) })}</span>
          )}
        </dd>
      </div>
    );
  };
  const yesNo = (v: unknown) => (v === null || v === undefined ? '—' : v ? t('kpi.yes') : t('kpi.no'));
  const reopenGap = num(f.min_reopen_gap_s);
  // FCR as the KPI counts it with the default 7-day reopen window
  const fcr =
    f.fcr_base === null || f.fcr_base === undefined
      ? null
      : f.fcr_base === 1 && !(reopenGap !== null && reopenGap <= 7 * 86_400);
  const quality: [string, string][] = [
    [t('ticket.fcr'), yesNo(fcr)],
    [t('ticket.l1'), yesNo(f.l1_resolved)],
    [t('ticket.escalations'), str(f.escalation_count) || '0'],
    [t('ticket.reassignments'), str(f.reassign_count) || '0'],
    [t('ticket.reopens'), str(f.reopen_count) || '0'],
    [
      t('ticket.rating'),
      f.rating_score === null || f.rating_score === undefined ? '—' : `${f.rating_score} / 5`,
    ],
  ];
  const back = () => (window.history.length > 1 ? window.history.back() : undefined);

  return (
    <div className="page ticket-page" data-testid="ticket-page">
      <nav className="crumbs">
        <Link
          to="/"
          onClick={(e) => {
            if (window.history.length > 1) {
              e.preventDefault();
              back();
            }
          }}
        >
          ← {t('ticket.back')}
        </Link>
      </nav>
      {res.error && (
        <div className="banner banner-error" role="alert">
          {t('app.error', { message: res.error.message })}
        </div>
      )}
      {view && (
        <>
          <div className="page-head">
            <div>
              <p className="eyebrow mono">{t('ticket.title', { id: view.ticket.ticket_id })}</p>
              <h1>{view.ticket.subject || t('ticket.noSubject')}</h1>
            </div>
            <span className={`status status-${view.ticket.status}`}>
              {t(`ticket.status.${view.ticket.status}`, { defaultValue: view.ticket.status })}
            </span>
          </div>
          <div className="grid-2 grid-ticket">
            <section className="panel" aria-labelledby="tl-title">
              <div className="panel-head">
                <h2 id="tl-title">{t('ticket.timeline')}</h2>
              </div>
              <ol className="timeline" data-testid="timeline">
                {view.timeline.map((e) => (
                  <li key={e.id} className={`tl tl-${kindOf(e.type)}`} data-type={e.type}>
                    <span className="tl-dot" aria-hidden="true" />
                    <time dateTime={e.at} className="tl-time">
                      {formatDate(e.at, lang, 'dateTime', tz)}
                    </time>
                    <span className="tl-text">{describe(e, t, lang)}</span>
                    {typeof e.by === 'string' && (
                      <span className="tl-by">{t('ticket.by', { who: e.by })}</span>
                    )}
                  </li>
                ))}
              </ol>
            </section>
            <div className="stack">
              <section className="panel" aria-labelledby="fields-title">
                <h2 id="fields-title">{t('ticket.fields')}</h2>
                <dl className="kv">
                  <div>
                    <dt>{t('dim.channel')}</dt>
                    <dd>{valueLabel(t, 'channel', view.ticket.channel)}</dd>
                  </div>
                  <div>
                    <dt>{t('dim.category')}</dt>
                    <dd>{view.ticket.category ?? '—'}</dd>
                  </div>
                  <div>
                    <dt>{t('dim.priority')}</dt>
                    <dd>{view.ticket.priority ? valueLabel(t, 'priority', view.ticket.priority) : '—'}</dd>
                  </div>
                  <div>
                    <dt>{t('dim.line')}</dt>
                    <dd>{view.ticket.line ?? '—'}</dd>
                  </div>
                  <div>
                    <dt>{t('dim.team')}</dt>
                    <dd>{view.ticket.team_id ?? '—'}</dd>
                  </div>
                  <div>
                    <dt>{t('ticket.assignee')}</dt>
                    <dd>{view.ticket.assignee_id ?? '—'}</dd>
                  </div>
                  <div>
                    <dt>{t('ticket.customer')}</dt>
                    <dd>{view.ticket.customer ?? '—'}</dd>
                  </div>
                  <div>
                    <dt>{t('ticket.company')}</dt>
                    <dd>{str(f.company_id) || '—'}</dd>
                  </div>
                  <div>
                    <dt>{t('ticket.tags')}</dt>
                    <dd>{view.ticket.tags.length ? view.ticket.tags.join(', ') : '—'}</dd>
                  </div>
                  <div>
                    <dt>{t('ticket.created')}</dt>
                    <dd>{formatDate(view.ticket.created_at, lang, 'dateTime', tz)}</dd>
                  </div>
                </dl>
              </section>
              <section className="panel" aria-labelledby="ms-title">
                <h2 id="ms-title">{t('ticket.milestones')}</h2>
                <dl className="kv">
                  {milestone(t('ticket.firstResponse'), 'first_response_s', 'first_response_bs')}
                  {milestone(t('ticket.timeToAssign'), 'assign_s', 'assign_bs')}
                  {milestone(t('ticket.resolution'), 'resolution_s', 'resolution_bs')}
                  {num(f.reopen_count)
                    ? milestone(t('ticket.finalResolution'), 'final_resolution_s', 'final_resolution_bs')
                    : null}
                  {milestone(t('ticket.handle'), 'handle_s', 'handle_s')}
                </dl>
              </section>
              <section className="panel" aria-labelledby="q-title">
                <h2 id="q-title">{t('ticket.flags')}</h2>
                <dl className="kv">
                  {quality.map(([k, v]) => (
                    <div key={k}>
                      <dt>{k}</dt>
                      <dd>{v}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            </div>
          </div>
        </>
      )}
    </div>
  );
}
