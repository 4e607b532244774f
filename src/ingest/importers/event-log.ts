import type { Readable } from 'node:stream';
import { readCsv } from './csv-reader.js';
import { createdId } from './event-ids.js';
import { type RowFacts, type RuleValues, ruleEvent } from './event-log-events.js';
import type { EventLogMapping } from './event-log-mapping.js';
import { lineOfGroup, ruleMatcher } from './event-log-rules.js';
import { timestampReader } from './timestamps.js';
import { type FormatAdapter, type MappedRow, type ReaderHooks, RowError, type SourceRow } from './types.js';
import { validateRowEvent } from './validate-row-event.js';
import { type BoundValue, bindValue, columnIndex } from './value-source.js';

export const EVENT_LOG = 'event-log';

interface Bound {
  header: string[];
  caseAt: number;
  activityAt: number;
  timestampAt: number;
  statusAt: number | undefined;
  resourceAt: number | undefined;
  groupAt: number | undefined;
  ticket: Partial<Record<'channel' | 'priority' | 'category' | 'subject' | 'customer', BoundValue>>;
  ruleValues: RuleValues;
}

/** Binds every column the mapping names to the header: an unknown column fails before any row is read. */
function bind(mapping: EventLogMapping, header: string[]): Bound {
  const col = (name: string | undefined, path: string) =>
    name === undefined ? undefined : columnIndex(header, name, path);
  const ticket: Bound['ticket'] = {};
  for (const key of ['channel', 'priority', 'category', 'subject', 'customer'] as const) {
    const spec = mapping.ticket[key];
    if (spec) ticket[key] = bindValue(spec, header, `ticket.${key}`);
  }
  const ruleValues: RuleValues = new Map();
  mapping.activities.forEach((rule, i) => {
    if ('category' in rule)
      ruleValues.set(rule, bindValue(rule.category, header, `activities.${i}.category`));
    if ('priority' in rule)
      ruleValues.set(rule, bindValue(rule.priority, header, `activities.${i}.priority`));
  });
  return {
    header,
    caseAt: columnIndex(header, mapping.columns.case, 'columns.case'),
    activityAt: columnIndex(header, mapping.columns.activity, 'columns.activity'),
    timestampAt: columnIndex(header, mapping.columns.timestamp, 'columns.timestamp'),
    statusAt: col(mapping.columns.status, 'columns.status'),
    resourceAt: col(mapping.columns.resource, 'columns.resource'),
    groupAt: col(mapping.columns.group, 'columns.group'),
    ticket,
    ruleValues,
  };
}

/**
 * Process-mining event logs (one row per activity of a case): a case is a ticket, its earliest row creates
 * it, and each row's activity (with its sub-status) becomes the event its first matching rule names.
 */
export function eventLogAdapter(mapping: EventLogMapping): FormatAdapter<string[]> {
  let b: Bound | null = null;
  const readTime = timestampReader(mapping.timestamp.format, mapping.timestamp.zone);
  const findRule = ruleMatcher(mapping.activities);
  const lineOf = lineOfGroup(mapping.lines);
  const { columns } = mapping;
  const cell = (cells: readonly string[], i: number | undefined) =>
    i === undefined ? undefined : (cells[i] ?? '').trim() || undefined;

  function columnOf(field: string): string | undefined {
    if (field === 'at') return columns.timestamp;
    if (field === 'ticket_id' || field === 'id') return columns.case;
    if (field === 'by' || field === 'assignee_id') return columns.resource;
    if (field === 'team_id' || field === 'line' || field === 'to_line') return columns.group;
    if (field === 'type') return columns.activity;
    return undefined;
  }

  function created(row: RowFacts, bound: Bound) {
    const value = (key: keyof Bound['ticket']) => bound.ticket[key]?.read(row.cells);
    const raw: Record<string, unknown> = {
      type: 'ticket.created',
      at: row.at,
      ticket_id: row.ticketId,
      channel: value('channel') ?? 'other',
    };
    for (const key of ['priority', 'category', 'subject', 'customer'] as const) {
      const v = value(key);
      if (v !== undefined) raw[key] = v;
    }
    if (row.resource) raw.by = row.resource;
    const fieldColumn = (field: string) =>
      field in bound.ticket ? bound.ticket[field as keyof Bound['ticket']]?.column : columnOf(field);
    return validateRowEvent(raw, fieldColumn, { id: createdId(EVENT_LOG, row.ticketId) });
  }

  return {
    format: EVENT_LOG,
    rows(input: Readable, hooks: ReaderHooks): AsyncIterable<SourceRow<string[]>> {
      return readCsv(input, mapping.csv, hooks, (header) => {
        b = bind(mapping, header);
      });
    },
    map({ data: cells }): MappedRow {
      const bound = b!;
      const caseId = cell(cells, bound.caseAt);
      if (!caseId) throw new RowError(columns.case, 'the case id is empty');
      const rawTime = cells[bound.timestampAt] ?? '';
      const ms = readTime(rawTime);
      if (ms === null || !Number.isFinite(ms)) {
        throw new RowError(
          columns.timestamp,
          `cannot read ${JSON.stringify(rawTime)} as a timestamp (format ${mapping.timestamp.format})`,
        );
      }
      const group = cell(cells, bound.groupAt);
      const row: RowFacts = {
        ticketId: `${mapping.ticket_prefix}${caseId}`,
        at: new Date(ms).toISOString(),
        activity: cell(cells, bound.activityAt) ?? '',
        status: cell(cells, bound.statusAt) ?? '',
        resource: cell(cells, bound.resourceAt),
        group,
        line: group === undefined ? undefined : lineOf(group),
        cells,
      };
      const ticket = { id: row.ticketId, at: ms, created: () => created(row, bound) };
      const rule = findRule(row.activity, row.status);
      const what = row.status ? `${row.activity} / ${row.status}` : row.activity;
      if (!rule) return { events: [], ticket, at: ms, skip: `unmapped activity ${JSON.stringify(what)}` };
      if (rule.event === 'ignore')
        return { events: [], ticket, at: ms, skip: `ignored activity ${JSON.stringify(what)}` };
      const raw = ruleEvent(rule, row, bound.ruleValues);
      const fieldColumn = (field: string) =>
        field === 'category' || field === 'to' || field === 'priority'
          ? bound.ruleValues.get(rule)?.column
          : columnOf(field);
      const event = validateRowEvent(raw, fieldColumn, {
        format: EVENT_LOG,
        ticketId: row.ticketId,
        source: [row.activity, row.status],
      });
      return { events: [event], ticket, at: ms };
    },
    columnOf,
    describe({ line, data }) {
      const header = b?.header ?? [];
      return { line, row: Object.fromEntries(data.map((v, i) => [header[i] ?? `#${i + 1}`, v])) };
    },
  };
}
