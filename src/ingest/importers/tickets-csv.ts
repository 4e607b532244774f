import type { Readable } from 'node:stream';
import { readCsv } from './csv-reader.js';
import { createdId } from './event-ids.js';
import { defined } from './event-log-events.js';
import { lineOfGroup } from './event-log-rules.js';
import { cellAt, describeCsvRow, timeAt } from './row-cells.js';
import type { TicketsCsvMapping } from './tickets-csv-mapping.js';
import { timestampReader } from './timestamps.js';
import { type FormatAdapter, type MappedRow, type ReaderHooks, RowError, type SourceRow } from './types.js';
import { validateRowEvent } from './validate-row-event.js';
import { type BoundValue, bindValue, columnIndex } from './value-source.js';

export const TICKETS_CSV = 'tickets-csv';

const MILESTONES = ['first_reply', 'assigned', 'resolved', 'closed', 'rated'] as const;
const TICKET_FIELDS = ['channel', 'priority', 'category', 'subject', 'customer'] as const;
type TicketField = (typeof TICKET_FIELDS)[number];

interface Bound {
  header: string[];
  at: Partial<Record<'id' | 'created' | 'agent' | 'team' | (typeof MILESTONES)[number], number>>;
  ticket: Partial<Record<TicketField, BoundValue>>;
  tagsAt: number | undefined;
  ratingAt: number | undefined;
}

function bind(m: TicketsCsvMapping, header: string[]): Bound {
  const at: Bound['at'] = {};
  for (const [key, name] of Object.entries(m.columns) as [keyof Bound['at'], string | undefined][]) {
    if (name !== undefined) at[key] = columnIndex(header, name, `columns.${key}`);
  }
  const ticket: Bound['ticket'] = {};
  for (const key of TICKET_FIELDS) {
    const spec = m.ticket[key];
    if (spec) ticket[key] = bindValue(spec, header, `ticket.${key}`);
  }
  return {
    header,
    at,
    ticket,
    tagsAt: m.ticket.tags ? columnIndex(header, m.ticket.tags.column, 'ticket.tags.column') : undefined,
    ratingAt: m.rating ? columnIndex(header, m.rating.column, 'rating.column') : undefined,
  };
}

/**
 * One row per ticket with a column per milestone (created, first reply, assigned, resolved, closed, rated):
 * the row creates its ticket and each milestone with a value becomes its event; empty ones stay pending.
 */
export function ticketsCsvAdapter(m: TicketsCsvMapping): FormatAdapter<string[]> {
  let b: Bound | null = null;
  const readTime = timestampReader(m.timestamp.format, m.timestamp.zone);
  const lineOf = lineOfGroup(m.lines);
  const { columns } = m;

  function columnOf(field: string): string | undefined {
    if (field === 'ticket_id' || field === 'id') return columns.id;
    if (field === 'at') return columns.created;
    if (field === 'by' || field === 'assignee_id') return columns.agent;
    if (field === 'team_id' || field === 'line') return columns.team;
    if (field === 'score') return m.rating?.column;
    if (field === 'tags') return m.ticket.tags?.column;
    return b?.ticket[field as TicketField]?.column;
  }

  function score(cells: readonly string[]): number | undefined {
    const raw = cellAt(cells, b!.ratingAt);
    if (raw === undefined) return undefined;
    const mapped = m.rating?.values?.[raw];
    if (mapped !== undefined) return mapped ?? undefined;
    if (/^[1-5]$/.test(raw)) return Number(raw);
    throw new RowError(
      m.rating!.column,
      `${JSON.stringify(raw)} is not a score 1..5 nor listed in rating.values`,
    );
  }

  function created(ticketId: string, at: number, cells: readonly string[]) {
    const raw: Record<string, unknown> = {
      type: 'ticket.created',
      at: new Date(at).toISOString(),
      ticket_id: ticketId,
      channel: b!.ticket.channel?.read(cells) ?? 'other',
    };
    for (const key of ['priority', 'category', 'subject', 'customer'] as const) {
      const v = b!.ticket[key]?.read(cells);
      if (v !== undefined) raw[key] = v;
    }
    const tags = cellAt(cells, b!.tagsAt)
      ?.split(m.ticket.tags!.separator)
      .map((t) => t.trim())
      .filter(Boolean);
    if (tags?.length) raw.tags = [...new Set(tags)];
    return validateRowEvent(raw, columnOf, { id: createdId(TICKETS_CSV, ticketId) });
  }

  return {
    format: TICKETS_CSV,
    rows(input: Readable, hooks: ReaderHooks): AsyncIterable<SourceRow<string[]>> {
      return readCsv(input, m.csv, hooks, (header) => {
        b = bind(m, header);
      });
    },
    map({ data: cells }): MappedRow {
      const at = b!.at;
      const id = cellAt(cells, at.id);
      if (!id) throw new RowError(columns.id, 'the ticket id is empty');
      const time = (key: keyof Bound['at']) =>
        timeAt(cells, at[key], columns[key] ?? key, readTime, m.timestamp.format);
      const createdAt = time('created');
      if (createdAt === undefined) throw new RowError(columns.created, 'the creation time is empty');
      const ticketId = `${m.ticket_prefix}${id}`;
      const agent = cellAt(cells, at.agent);
      const team = cellAt(cells, at.team);
      const line = team === undefined ? undefined : lineOf(team);
      const iso = (ms: number) => new Date(ms).toISOString();
      const base = (type: string, ms: number) => ({ type, at: iso(ms), ticket_id: ticketId });
      const raws: [string, Record<string, unknown>][] = [];
      const when = Object.fromEntries(MILESTONES.map((k) => [k, time(k)]));
      if (when.first_reply !== undefined) {
        if (!agent) throw new RowError(columns.agent ?? columns.first_reply, 'a first reply needs its agent');
        raws.push([
          'first_reply',
          { ...base('ticket.replied', when.first_reply), kind: 'comment', by: agent },
        ]);
      }
      if (when.assigned !== undefined)
        raws.push([
          'assigned',
          defined({ ...base('ticket.assigned', when.assigned), assignee_id: agent, team_id: team, line }),
        ]);
      if (when.resolved !== undefined)
        raws.push(['resolved', defined({ ...base('ticket.resolved', when.resolved), by: agent, line })]);
      if (when.closed !== undefined) raws.push(['closed', base('ticket.closed', when.closed)]);
      const s = b!.ratingAt === undefined ? undefined : score(cells);
      if (s !== undefined) {
        const ratedAt = when.rated ?? when.resolved ?? when.closed;
        if (ratedAt === undefined)
          throw new RowError(m.rating!.column, 'a rating needs an instant: rated, resolved or closed');
        raws.push(['rated', { ...base('ticket.rated', ratedAt), score: s, via: m.rating!.via }]);
      }
      const events = raws.map(([key, raw]) =>
        validateRowEvent(raw, (f) => (f === 'at' ? columns[key as keyof typeof columns] : columnOf(f)), {
          format: TICKETS_CSV,
          ticketId,
          source: [key],
        }),
      );
      const ticket = { id: ticketId, at: createdAt, created: () => created(ticketId, createdAt, cells) };
      return { events, ticket, at: createdAt };
    },
    columnOf,
    describe: (row) => describeCsvRow(b?.header ?? [], row),
  };
}
