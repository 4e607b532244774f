import type { Readable } from 'node:stream';
import { readCsv } from './csv-reader.js';
import { createdId } from './event-ids.js';
import { defined } from './event-log-events.js';
import { describeCsvRow } from './row-cells.js';
import {
  type AuditRow,
  auditEvents,
  channelOf,
  type IncidentState,
  newIncident,
  priorityOf,
} from './servicenow-rules.js';
import { timestampReader } from './timestamps.js';
import {
  type FormatAdapter,
  type MappedRow,
  MappingError,
  type ReaderHooks,
  RowError,
  type SourceRow,
} from './types.js';
import { validateRowEvent } from './validate-row-event.js';

export const SERVICENOW = 'servicenow';
const TIME_FORMAT = 'd/M/yyyy H:mm';

/** The columns of the incident audit export that the rules read; the rest of the export is ignored. */
const USED = [
  'number',
  'incident_state',
  'sys_mod_count',
  'caller_id',
  'opened_by',
  'opened_at',
  'sys_updated_by',
  'sys_updated_at',
  'contact_type',
  'category',
  'priority',
  'assignment_group',
  'assigned_to',
  'resolved_by',
  'closed_at',
] as const;
type Used = (typeof USED)[number];

const TYPES: Record<string, string> = {
  classified: 'ticket.classified',
  reclassified: 'ticket.reclassified',
  assigned: 'ticket.assigned',
  resolved: 'ticket.resolved',
  'resolved-at-close': 'ticket.resolved',
  reopened: 'ticket.reopened',
  closed: 'ticket.closed',
};

/** Rows of an incident are held until the incident changes, then sorted by sys_mod_count (stably). */
async function* incidentRuns(
  rows: AsyncIterable<SourceRow<string[]>>,
  key: (cells: string[]) => [string, number],
  maxRun = 20_000,
): AsyncIterable<SourceRow<string[]>> {
  let run: { row: SourceRow<string[]>; mod: number }[] = [];
  let current: string | undefined;
  const release = () => {
    const out = run.sort((a, b) => a.mod - b.mod).map((r) => r.row);
    run = [];
    return out;
  };
  for await (const row of rows) {
    const [number, mod] = key(row.data);
    if (number !== current || run.length >= maxRun) yield* release();
    current = number;
    run.push({ row, mod });
  }
  yield* release();
}

/** How many incidents' running state is kept: incidents whose rows are not together lose it past this. */
const MAX_OPEN = 100_000;

/**
 * ServiceNow incident audit export (one row per update of an incident; '?' is empty; times D/M/YYYY H:MM in
 * the zone given): per incident, rows in sys_mod_count order become the events (servicenow-rules).
 * Event ids come from the incident number, the row's sys_mod_count and the event's kind.
 */
export function servicenowAdapter(zone = 'UTC'): FormatAdapter<string[]> {
  let header: string[] = [];
  let at: Record<Used, number> | null = null;
  const readTime = timestampReader(TIME_FORMAT, zone);
  const incidents = new Map<string, IncidentState>();
  const cell = (cells: readonly string[], c: Used): string | undefined => {
    const v = (cells[at![c]] ?? '').trim();
    return v === '' || v === '?' ? undefined : v;
  };
  const time = (cells: readonly string[], c: Used): number | undefined => {
    const v = cell(cells, c);
    if (v === undefined) return undefined;
    const ms = readTime(v);
    if (ms === null)
      throw new RowError(c, `cannot read ${JSON.stringify(v)} as a timestamp (D/M/YYYY HH:MM)`);
    return ms;
  };
  const modOf = (cells: readonly string[]) => Number(cell(cells, 'sys_mod_count') ?? Number.NaN);
  const columnOf = (field: string): string | undefined =>
    ({
      ticket_id: 'number',
      id: 'number',
      channel: 'contact_type',
      customer: 'caller_id',
      priority: 'priority',
      category: 'category',
      to: 'category',
      assignee_id: 'assigned_to',
      team_id: 'assignment_group',
      by: 'sys_updated_by',
    })[field];

  function created(cells: readonly string[], number: string, openedAt: number) {
    const raw = defined({
      type: 'ticket.created',
      at: new Date(openedAt).toISOString(),
      ticket_id: number,
      channel: channelOf(cell(cells, 'contact_type')),
      priority: priorityOf(cell(cells, 'priority')),
      customer: cell(cells, 'caller_id'),
      by: cell(cells, 'opened_by'),
    });
    const col = (f: string) => (f === 'at' ? 'opened_at' : f === 'by' ? 'opened_by' : columnOf(f));
    return validateRowEvent(raw, col, { id: createdId(SERVICENOW, number) });
  }

  return {
    format: SERVICENOW,
    rows(input: Readable, hooks: ReaderHooks): AsyncIterable<SourceRow<string[]>> {
      const csv = readCsv(input, { delimiter: ',', quote: '"' }, hooks, (h) => {
        const missing = USED.filter((c) => !h.includes(c));
        if (missing.length) {
          throw new MappingError(
            `not a ServiceNow incident audit export: the header lacks ${missing.map((c) => JSON.stringify(c)).join(', ')}`,
          );
        }
        header = h;
        at = Object.fromEntries(USED.map((c) => [c, h.indexOf(c)])) as Record<Used, number>;
      });
      return incidentRuns(csv, (cells) => [cell(cells, 'number') ?? '', modOf(cells)]);
    },
    map({ data: cells }): MappedRow {
      const number = cell(cells, 'number');
      if (!number) throw new RowError('number', 'the incident number is empty');
      const mod = modOf(cells);
      if (!Number.isInteger(mod) || mod < 0) throw new RowError('sys_mod_count', 'must be a whole number');
      const openedAt = time(cells, 'opened_at');
      if (openedAt === undefined) throw new RowError('opened_at', 'is empty');
      const updatedAt = time(cells, 'sys_updated_at');
      if (updatedAt === undefined) throw new RowError('sys_updated_at', 'is empty');
      const row: AuditRow = {
        number,
        mod,
        state: cell(cells, 'incident_state'),
        updatedAt,
        updatedBy: cell(cells, 'sys_updated_by'),
        openedBy: cell(cells, 'opened_by'),
        closedAt: cell(cells, 'incident_state') === 'Closed' ? time(cells, 'closed_at') : undefined,
        category: cell(cells, 'category'),
        assignee: cell(cells, 'assigned_to'),
        group: cell(cells, 'assignment_group'),
        resolvedBy: cell(cells, 'resolved_by'),
      };
      const state = incidents.get(number) ?? newIncident();
      const next = { ...state };
      const events = auditEvents(row, next, openedAt).map((e) =>
        validateRowEvent(
          defined({ type: TYPES[e.kind], at: new Date(e.at).toISOString(), ticket_id: number, ...e.fields }),
          (f) => (f === 'at' ? e.column : columnOf(f)),
          { id: `${SERVICENOW}:${number}:${mod}:${e.kind}` },
        ),
      );
      // the row is good: keep its state (most recently used last, the oldest dropped past the bound)
      incidents.delete(number);
      incidents.set(number, next);
      if (incidents.size > MAX_OPEN) incidents.delete(incidents.keys().next().value!);
      const ticket = { id: number, at: openedAt, created: () => created(cells, number, openedAt) };
      return { events, ticket, at: updatedAt, ...(events.length ? {} : { skip: 'no change of state' }) };
    },
    columnOf,
    describe: (row) => describeCsvRow(header, row),
  };
}
