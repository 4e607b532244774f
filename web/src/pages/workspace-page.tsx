import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../auth/session.js';
import type { DeskAction } from '../desk/action-form.js';
import { CreateForm } from '../desk/create-form.js';
import {
  type DeskAgent,
  deskApi,
  QUEUES,
  type QueueName,
  type QueueScope,
  type QueuesAnswer,
} from '../desk/desk-api.js';
import { QueueTabs, TicketList } from '../desk/queue-list.js';
import { ScreenPop, useCallPops } from '../desk/screen-pop.js';
import { ACTION_KEYS, ShortcutHelp, typingIn } from '../desk/shortcuts.js';
import { TicketDesk } from '../desk/ticket-desk.js';
import { useTicketStream } from '../desk/use-ticket-stream.js';
import '../desk/desk.css';
import { useI18n } from '../i18n/i18n.js';
import { navigate, useLocation } from '../router/router.js';

const isQueue = (q: string | null): q is QueueName =>
  q === 'open' || (QUEUES as readonly string[]).includes(q ?? '');

/** The agent workspace: queues of a line/team, the ticket list, and the open ticket with its actions. */
export default function WorkspacePage() {
  const { t } = useI18n();
  const session = useSession();
  const me = session.status === 'signed-in' ? session.session.user : null;
  const { params } = useLocation();
  const lineParam = params.get('line');
  const scope: QueueScope = {
    line: lineParam === 'all' ? null : lineParam ? Number(lineParam) : (me?.line ?? null),
    team_id: params.get('team') ?? null,
  };
  const rawQueue = params.get('queue');
  const queue: QueueName = isQueue(rawQueue) ? rawQueue : 'open';
  const selected = params.get('ticket');

  const href = (change: Record<string, string | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(change)) {
      if (v === null) p.delete(k);
      else p.set(k, v);
    }
    return `/workspace?${p.toString()}`;
  };

  const [answer, setAnswer] = useState<QueuesAnswer | null>(null);
  const [agents, setAgents] = useState<DeskAgent[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [help, setHelp] = useState(false);
  const [action, setAction] = useState<DeskAction | null>(null);
  const [streamNews, setStreamNews] = useState<{ id: string; version: number } | null>(null);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);

  const scopeKey = `${scope.line ?? ''}|${scope.team_id ?? ''}|${queue}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the scope is compared by its key; a tick reloads
  useEffect(() => {
    const ctl = new AbortController();
    deskApi.queues(scope, queue, ctl.signal).then(
      (a) => {
        setAnswer(a);
        setError(null);
      },
      (e: unknown) => {
        if (!ctl.signal.aborted) setError((e as Error).message);
      },
    );
    return () => ctl.abort();
  }, [scopeKey, tick]);

  useEffect(() => {
    deskApi.agents().then(setAgents, () => setAgents([]));
  }, []);

  const pops = useCallPops(me?.user_id ?? null);
  const live = useTicketStream(
    scope,
    (c) => {
      reload();
      if (c.ticket_id === selected && c.version !== null)
        setStreamNews({ id: c.ticket_id, version: c.version });
    },
    pops.onCall,
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return;
      if (e.key === '?') setHelp((h) => !h);
      else if (help) return;
      else if (e.key === 'n') setCreating(true);
      else if (e.key === 'Escape') {
        setCreating(false);
        setAction(null);
      } else if ((e.key === 'j' || e.key === 'k') && answer?.tickets.length) {
        const ids = answer.tickets.map((r) => r.ticket_id);
        const at = selected ? ids.indexOf(selected) : -1;
        const next = ids[Math.max(0, Math.min(ids.length - 1, at + (e.key === 'j' ? 1 : -1)))];
        if (next) navigate(href({ ticket: next }));
      } else if (selected && ACTION_KEYS[e.key]) setAction(ACTION_KEYS[e.key] ?? null);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const teams = [...new Set(agents.map((a) => a.team_id).filter((x): x is string => !!x))].sort();
  return (
    <div className="page desk" data-testid="workspace" data-loading={answer === null ? 'true' : 'false'}>
      <div className="desk-bar">
        <h1>{t('desk.title')}</h1>
        <label>
          {t('dim.line')}
          <select
            value={scope.line === null ? 'all' : String(scope.line)}
            onChange={(e) => navigate(href({ line: e.target.value, ticket: null }))}
            data-testid="scope-line"
          >
            <option value="all">{t('desk.allLines')}</option>
            {[1, 2, 3].map((n) => (
              <option key={n} value={n}>
                {t('value.line', { n })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dim.team')}
          <select
            value={scope.team_id ?? ''}
            onChange={(e) => navigate(href({ team: e.target.value || null, ticket: null }))}
          >
            <option value="">{t('desk.allTeams')}</option>
            {teams.map((team) => (
              <option key={team} value={team}>
                {team}
              </option>
            ))}
          </select>
        </label>
        <span className={live ? 'desk-live on' : 'desk-live'} data-testid="desk-live" data-live={live}>
          {live ? t('desk.live') : t('desk.offline')}
        </span>
        <button
          type="button"
          className="button button-primary"
          onClick={() => setCreating(true)}
          data-testid="new-ticket"
        >
          {t('desk.create')} <kbd>n</kbd>
        </button>
        <button type="button" className="link-button" onClick={() => setHelp(true)} data-testid="help-button">
          {t('desk.help.title')} <kbd>?</kbd>
        </button>
      </div>
      {error && <p className="banner banner-error">{t('app.error', { message: error })}</p>}
      {pops.calls.length > 0 && (
        <div className="screen-pops">
          {pops.calls.map((c) => (
            <ScreenPop
              key={c.call_id}
              call={c}
              onOpen={(id) => {
                reload();
                navigate(href({ ticket: id }));
              }}
              onDismiss={() => pops.dismiss(c)}
            />
          ))}
        </div>
      )}
      <QueueTabs counts={answer?.counts ?? null} queue={queue} onPick={(q) => navigate(href({ queue: q }))} />
      <div className="desk-columns">
        <div className="desk-left">
          <TicketList answer={answer} selected={selected} hrefOf={(id) => href({ ticket: id })} />
        </div>
        <div className="desk-right">
          {creating && (
            <CreateForm
              onCancel={() => setCreating(false)}
              onCreated={(id) => {
                setCreating(false);
                reload();
                navigate(href({ ticket: id }));
              }}
            />
          )}
          {selected ? (
            <TicketDesk
              key={selected}
              id={selected}
              agents={agents}
              action={action}
              setAction={setAction}
              streamVersion={streamNews?.id === selected ? streamNews.version : 0}
              onChanged={reload}
            />
          ) : (
            !creating && <p className="muted">{t('desk.pick')}</p>
          )}
        </div>
      </div>
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
    </div>
  );
}
