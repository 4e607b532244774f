import { api } from '../api/client.js';
import type { DrillItem, KpiId, KpiValue } from '../api/types.js';
import { valueLabel } from '../components/labels.js';
import { Segmented } from '../components/segmented.js';
import { formatDate, formatDuration, formatNumber } from '../format/format.js';
import { useResource } from '../hooks/use-resource.js';
import { useI18n } from '../i18n/i18n.js';
import { Link } from '../router/router.js';

export const PAGE_SIZE = 25;

export type ItemState = 'hit' | 'miss' | 'within' | 'over' | 'done' | 'pending';

export function statesFor(kind: KpiValue['kind']): ItemState[] {
  if (kind === 'rate') return ['hit', 'miss'];
  if (kind === 'duration') return ['within', 'over', 'pending'];
  return [];
}

interface Props {
  id: KpiId;
  kind: KpiValue['kind'];
  /** the cut plus the drill-down (bucket_start, or by + group) */
  params: URLSearchParams;
  title: string;
  state: ItemState | null;
  offset: number;
  timeZone: string;
  onState: (s: ItemState | null) => void;
  onOffset: (o: number) => void;
  ticketHref: (ticketId: string) => string;
}

function Result({ item, kind }: { item: DrillItem; kind: KpiValue['kind'] }) {
  const { t, lang } = useI18n();
  if (kind === 'duration')
    return item.seconds === null || item.seconds === undefined ? (
      <span className="muted">{t('kpi.state.pending')}</span>
    ) : (
      formatDuration(item.seconds, lang)
    );
  if (item.hit !== undefined)
    return <span className={item.hit ? 'hit' : 'miss'}>{item.hit ? t('kpi.yes') : t('kpi.no')}</span>;
  return null;
}

export function ItemsList(props: Props) {
  const { id, kind, params, title, state, offset, timeZone, onState, onOffset, ticketHref } = props;
  const { t, lang } = useI18n();
  const p = new URLSearchParams(params);
  if (state) p.set('state', state);
  p.set('offset', String(offset));
  p.set('limit', String(PAGE_SIZE));
  const key = p.toString();
  const res = useResource(key, (signal) => api.items(id, p, signal));
  const page = res.data;
  const states = statesFor(kind);
  const showResult = kind !== 'count';
  const contacts = page?.items.some((i) => i.type === 'contact') ?? false;

  return (
    <div className="items" data-testid="items" data-loading={String(res.loading || res.dataKey !== key)}>
      <div className="panel-tools">
        <span className="items-title" data-testid="items-title">
          {title}
          {page && ` · ${formatNumber(page.total, lang)} ${t('units.items', { count: page.total })}`}
        </span>
        {states.length > 0 && (
          <Segmented
            label={t('kpi.items')}
            small
            options={[null, ...states]}
            value={state}
            onChange={onState}
            render={(s) => t(`kpi.state.${s ?? 'all'}`)}
          />
        )}
      </div>
      <div className="table-wrap">
        <table className="table table-items">
          <thead>
            <tr>
              <th scope="col">{t('kpi.col.id')}</th>
              <th scope="col">{t('kpi.col.at')}</th>
              {contacts ? (
                <>
                  <th scope="col">{t('kpi.col.channel')}</th>
                  <th scope="col">{t('kpi.col.customer')}</th>
                  <th scope="col">{t('kpi.col.agent')}</th>
                </>
              ) : (
                <>
                  <th scope="col">{t('kpi.col.subject')}</th>
                  <th scope="col">{t('kpi.col.channel')}</th>
                  <th scope="col">{t('kpi.col.category')}</th>
                  <th scope="col">{t('kpi.col.priority')}</th>
                  <th scope="col">{t('kpi.col.line')}</th>
                </>
              )}
              {showResult && (
                <th scope="col" className="num">
                  {kind === 'duration' ? t('kpi.col.duration') : t('kpi.col.result')}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {page?.items.map((item) => {
              const ticketId = item.ticket_id ?? null;
              return (
                <tr key={item.id} data-testid="item-row">
                  <td className="mono">
                    {ticketId ? (
                      <Link to={ticketHref(ticketId)} data-testid="item-link">
                        {item.type === 'contact' ? item.id : ticketId}
                      </Link>
                    ) : (
                      item.id
                    )}
                  </td>
                  <td className="nowrap">{formatDate(item.at, lang, 'dateTime', timeZone)}</td>
                  {contacts ? (
                    <>
                      <td>{item.channel ? valueLabel(t, 'channel', item.channel) : ''}</td>
                      <td>{item.customer ?? ''}</td>
                      <td>{item.agent_id ?? ''}</td>
                    </>
                  ) : (
                    <>
                      <td className="subject">{item.subject ?? ''}</td>
                      <td>{item.channel ? valueLabel(t, 'channel', item.channel) : ''}</td>
                      <td>{item.category ?? ''}</td>
                      <td>{item.priority ? valueLabel(t, 'priority', item.priority) : ''}</td>
                      <td>{item.line ? String(item.line) : ''}</td>
                    </>
                  )}
                  {showResult && (
                    <td className="num">
                      <Result item={item} kind={kind} />
                    </td>
                  )}
                </tr>
              );
            })}
            {page && page.items.length === 0 && (
              <tr>
                <td colSpan={8} className="muted">
                  {t('kpi.noItems')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {page && page.total > PAGE_SIZE && (
        <div className="pager">
          <button
            type="button"
            className="button"
            disabled={offset === 0}
            onClick={() => onOffset(Math.max(0, offset - PAGE_SIZE))}
          >
            {t('kpi.previousPage')}
          </button>
          <span>
            {t('kpi.pageOf', {
              from: formatNumber(offset + 1, lang),
              to: formatNumber(Math.min(offset + PAGE_SIZE, page.total), lang),
              total: formatNumber(page.total, lang),
            })}
          </span>
          <button
            type="button"
            className="button"
            disabled={offset + PAGE_SIZE >= page.total}
            onClick={() => onOffset(offset + PAGE_SIZE)}
          >
            {t('kpi.nextPage')}
          </button>
        </div>
      )}
    </div>
  );
}
