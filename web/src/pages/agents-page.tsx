import { useState } from 'react';
import { FIGURE_COLUMNS, type FigureColumn, sortAgents, versusMedian } from '../agents/agent-figures.js';
import { type AgentFigure, type AgentRow, type AgentsReport, agentsApi } from '../api/insights.js';
import { useDashQuery } from '../components/filter-bar.js';
import { formatNumber } from '../format/format.js';
import { useOrgTimeZone } from '../hooks/org.js';
import { useResource } from '../hooks/use-resource.js';
import { useI18n } from '../i18n/i18n.js';
import { Link } from '../router/router.js';
import { apiParams, type DashQuery, searchString, writeQuery } from '../router/url-state.js';
import '../agents/agents.css';

type SortKey = AgentFigure | 'name';

/** The cut of the page for the API: period, time mode and filters (no buckets: the table is one period). */
function cutOf(query: DashQuery, tz: string): URLSearchParams {
  const p = apiParams(query, tz, Date.now());
  p.delete('bucket');
  return p;
}

export default function AgentsPage() {
  const { t } = useI18n();
  const { query } = useDashQuery();
  const tz = useOrgTimeZone();
  const params = cutOf(query, tz);
  const key = params.toString();
  const res = useResource(key, (signal) => agentsApi.list(params, signal));
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'name', desc: false });
  const data = res.data;
  const kpiHref = (row: AgentRow, col: FigureColumn) =>
    `/kpi/${col.kpi(row)}${searchString(writeQuery({ ...query, filters: { ...query.filters, agent: [row.agent_id] } }))}`;

  return (
    <div
      className="page agents-page"
      data-testid="agents"
      data-loading={String(res.loading || res.dataKey !== key)}
    >
      <div className="page-head">
        <div>
          <h1>{t('agents.title')}</h1>
          <p className="page-sub">{t('agents.sub')}</p>
        </div>
      </div>
      {res.error && (
        <div className="banner banner-error" role="alert">
          {t('app.error', { message: res.error.message })}
        </div>
      )}
      {data && data.ignored_filters.length > 0 && (
        <p className="banner banner-info" data-testid="agents-ignored">
          {t('agents.ignored', { dims: data.ignored_filters.map((d) => t(`dim.${d}`)).join(', ') })}
        </p>
      )}
      {data ? (
        <section className="panel">
          <p className="agents-legend">{t('agents.legend')}</p>
          <div className="table-wrap">
            <AgentsTable data={data} sort={sort} onSort={setSort} href={kpiHref} />
          </div>
          <p className="chart-note">{t('agents.note')}</p>
        </section>
      ) : (
        !res.error && <div className="panel skeleton skeleton-tall" aria-busy="true" />
      )}
    </div>
  );
}

interface TableProps {
  data: AgentsReport;
  sort: { key: SortKey; desc: boolean };
  onSort: (s: { key: SortKey; desc: boolean }) => void;
  href: (row: AgentRow, col: FigureColumn) => string;
}

function AgentsTable({ data, sort, onSort, href }: TableProps) {
  const { t, lang } = useI18n();
  const teamLabel = (id: string | null) => id ?? t('value.none');
  const header = (k: SortKey, label: string, numeric: boolean, hint?: string) => {
    const active = sort.key === k;
    return (
      <th
        key={k}
        scope="col"
        className={numeric ? 'num' : ''}
        aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}
      >
        <button
          type="button"
          className="th-button"
          title={hint}
          onClick={() => onSort({ key: k, desc: active ? !sort.desc : numeric })}
        >
          {label}
          <span className="sort-mark" aria-hidden="true">
            {active ? (sort.desc ? '▼' : '▲') : ''}
          </span>
        </button>
      </th>
    );
  };
  if (data.agents.length === 0) return <p className="muted">{t('agents.none')}</p>;
  return (
    <table className="table agents-table" data-testid="agents-table">
      <thead>
        <tr>
          {header('name', t('agents.col.agent'), false)}
          <th scope="col" className="num">
            {t('agents.col.hours')}
          </th>
          {FIGURE_COLUMNS.map((c) => header(c.id, t(`agents.col.${c.id}`), true, t(`agents.hint.${c.id}`)))}
        </tr>
      </thead>
      {data.teams.map((team) => {
        const members = sortAgents(
          data.agents.filter((a) => a.team_id === team.team_id),
          sort.key,
          sort.desc,
        );
        if (members.length === 0) return null;
        return (
          <tbody key={team.team_id ?? ''} data-testid="team" data-team={team.team_id ?? ''}>
            <tr className="team-row">
              <th scope="rowgroup" colSpan={2 + FIGURE_COLUMNS.length}>
                {t('agents.team', { team: teamLabel(team.team_id) })}{' '}
                <span className="muted">· {t('agents.members', { count: members.length })}</span>
              </th>
            </tr>
            {members.map((row) => (
              <tr key={row.agent_id} data-testid="agent-row" data-agent={row.agent_id}>
                <th scope="row">
                  <span className="agent-name">{row.name ?? row.agent_id}</span>
                  <span className="agent-meta">
                    {row.agent_id}
                    {row.line ? ` · ${t('value.line', { n: row.line })}` : ''}
                    {row.role && row.role !== 'agent' ? ` · ${t(`agents.role.${row.role}`)}` : ''}
                  </span>
                </th>
                <td className="num">{formatNumber(row.hours_worked, lang, 1)}</td>
                {FIGURE_COLUMNS.map((c) => {
                  const value = row.figures[c.id];
                  const med = team.medians[c.id];
                  const verdict = versusMedian(c, value, med, lang);
                  // the arrow says which side of the median; its colour whether that is good news
                  const differs =
                    value !== null && med !== null && c.format(value, lang) !== c.format(med, lang);
                  const arrow = differs ? (value > med ? '▲' : '▼') : null;
                  return (
                    <td
                      key={c.id}
                      className="num fig-cell"
                      data-figure={c.id}
                      data-value={value ?? ''}
                      data-median={med ?? ''}
                    >
                      {value === null ? (
                        <span className="muted">—</span>
                      ) : (
                        <Link to={href(row, c)} className={`fig fig-${verdict ?? 'none'}`}>
                          {c.format(value, lang)}
                          {c.id === 'per_hour' && (
                            <span className="fig-basis">
                              {t(`agents.basis.${row.volume.basis}`, { count: row.volume.count })}
                            </span>
                          )}
                        </Link>
                      )}
                      <span className="median" title={t('agents.medianTitle')}>
                        {arrow && (
                          <span className={`vs vs-${verdict ?? 'neutral'}`}>
                            {arrow}
                            {verdict && <span className="visually-hidden"> {t(`card.${verdict}`)}</span>}{' '}
                          </span>
                        )}
                        {c.format(med, lang)}
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        );
      })}
    </table>
  );
}
