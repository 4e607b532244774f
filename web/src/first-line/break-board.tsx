import type { BoardAgent, BreakState } from '../api/first-line-types.js';
import { formatDate } from '../format/format.js';
import { useResource } from '../hooks/use-resource.js';
import { useI18n } from '../i18n/i18n.js';
import { boardOrder, firstLineApi, wholeMinutes } from './first-line-api.js';

const REFRESH_MS = 30_000;
const STATES: readonly BreakState[] = ['overdue', 'on_break', 'working', 'offline'];

/** What the minutes column says: the stretch worked, the break's length, or nothing offline. */
function Minutes({ a }: { a: BoardAgent }) {
  const { t } = useI18n();
  if (a.state === 'on_break') return <>{t('firstLine.board.onBreakFor', { n: wholeMinutes(a.break_s) })}</>;
  if (a.state === 'offline') return <>—</>;
  return <>{t('firstLine.board.workedFor', { n: wholeMinutes(a.worked_s) })}</>;
}

/** Supervisors' live board: every agent working, on a break or overdue for one, overdue first. */
export function BreakBoard() {
  const { t, lang } = useI18n();
  const board = useResource('board', (signal) => firstLineApi.board(signal), { pollMs: REFRESH_MS });
  const agents = board.data ? boardOrder(board.data.agents) : [];
  return (
    <section
      className="panel"
      aria-labelledby="fl-board-title"
      data-testid="break-board"
      data-loading={String(board.data === null)}
    >
      <div className="panel-head">
        <h2 id="fl-board-title">{t('firstLine.board.title')}</h2>
        {board.updatedAt && (
          <span className="muted">
            {t('app.updated', { time: formatDate(board.updatedAt, lang, 'time') })} · {t('app.autoRefresh')}
          </span>
        )}
      </div>
      <p className="page-sub fl-sub">{t('firstLine.board.sub')}</p>
      {board.error && (
        <div className="banner banner-error" role="alert">
          {t('app.error', { message: board.error.message })}
        </div>
      )}
      {board.data && (
        <>
          <dl className="fl-counts" data-testid="board-counts">
            {STATES.map((s) => (
              <div key={s} data-state={s}>
                <dt>{t(`firstLine.state.${s}`)}</dt>
                <dd>{board.data?.counts[s] ?? 0}</dd>
              </div>
            ))}
          </dl>
          {agents.length === 0 ? (
            <p className="muted">{t('firstLine.board.none')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table table-compact">
                <thead>
                  <tr>
                    <th scope="col">{t('dim.agent')}</th>
                    <th scope="col">{t('firstLine.board.state')}</th>
                    <th scope="col">{t('firstLine.board.minutes')}</th>
                    <th scope="col">{t('firstLine.board.since')}</th>
                    <th scope="col">{t('dim.line')}</th>
                    <th scope="col">{t('dim.team')}</th>
                  </tr>
                </thead>
                <tbody data-testid="board-rows">
                  {agents.map((a) => (
                    <tr
                      key={a.agent_id}
                      className={`fl-row-${a.state}`}
                      data-agent={a.agent_id}
                      data-state={a.state}
                    >
                      <th scope="row">{a.name ?? a.agent_id}</th>
                      <td>
                        <span className={`fl-pill fl-pill-${a.state}`}>
                          {t(`firstLine.state.${a.state}`)}
                        </span>
                        {a.over_limit && <span className="muted"> {t('firstLine.board.overLimit')}</span>}
                      </td>
                      <td className="num" data-testid="board-minutes">
                        <Minutes a={a} />
                      </td>
                      <td>
                        {a.state === 'on_break' && a.break_started_at
                          ? formatDate(a.break_started_at, lang, 'hour')
                          : a.working_since && a.state !== 'offline'
                            ? formatDate(a.working_since, lang, 'hour')
                            : '—'}
                      </td>
                      <td>{a.line === null ? '—' : t('value.line', { n: a.line })}</td>
                      <td>{a.team_id ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
