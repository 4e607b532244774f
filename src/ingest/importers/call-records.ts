import type { Readable } from 'node:stream';
import { type BoundInstant, bindInstant } from './call-instants.js';
import type { CallOutcome, CallRecordsMapping } from './call-records-mapping.js';
import { readCsv } from './csv-reader.js';
import { defined } from './event-log-events.js';
import { cellAt, describeCsvRow, secondsAt } from './row-cells.js';
import { type FormatAdapter, type MappedRow, type ReaderHooks, RowError, type SourceRow } from './types.js';
import { validateRowEvent } from './validate-row-event.js';
import { type BoundValue, bindValue, columnIndex } from './value-source.js';

export const CALL_RECORDS = 'call-records';

type InstantKey = 'arrival' | 'queue_entry' | 'queue_exit' | 'answer' | 'end';
type CellKey = 'call_id' | 'talk_s' | 'hold_s' | 'wrap_s' | 'agent' | 'customer' | 'queue' | 'outcome';

interface Bound {
  header: string[];
  instants: Partial<Record<InstantKey, BoundInstant>>;
  cells: Partial<Record<CellKey, number>>;
  channel: BoundValue | undefined;
}

function bind(m: CallRecordsMapping, header: string[]): Bound {
  const instants: Bound['instants'] = {};
  for (const key of ['arrival', 'queue_entry', 'queue_exit', 'answer', 'end'] as const) {
    const spec = m.columns[key];
    if (spec !== undefined) instants[key] = bindInstant(spec, header, `columns.${key}`, m.timestamp);
  }
  const cells: Bound['cells'] = {};
  for (const key of [
    'call_id',
    'talk_s',
    'hold_s',
    'wrap_s',
    'agent',
    'customer',
    'queue',
    'outcome',
  ] as const) {
    const name = m.columns[key];
    if (name !== undefined) cells[key] = columnIndex(header, name, `columns.${key}`);
  }
  return {
    header,
    instants,
    cells,
    channel: m.channel ? bindValue(m.channel, header, 'channel') : undefined,
  };
}

/**
 * One row per call from a PBX or contact-centre export → the contact's events (SPEC §2): offered at the
 * arrival, queued at the queue entry, then answered (by the agent) and ended with talk/hold/wrap, or
 * abandoned at the queue exit, or ended in the IVR (self-served); test and phantom calls are skipped.
 * Event ids are `call-records:<contact>:<event type>`.
 */
export function callRecordsAdapter(m: CallRecordsMapping): FormatAdapter<string[]> {
  let b: Bound | null = null;
  const col = m.columns;
  const nameOf = (key: InstantKey | CellKey): string => {
    const spec = col[key];
    return typeof spec === 'string' ? spec : spec ? spec.time : key;
  };
  const columnOf = (field: string): string | undefined =>
    ({
      contact_id: col.call_id,
      id: col.call_id,
      agent_id: col.agent,
      customer: col.customer,
      queue: col.queue,
      channel: b?.channel?.column,
      talk_s: col.talk_s,
      hold_s: col.hold_s,
      wrap_s: col.wrap_s,
    })[field];

  function outcomeOf(cells: readonly string[]): CallOutcome {
    const code = cellAt(cells, b!.cells.outcome) ?? '';
    const o = m.outcomes[code] ?? m.other_outcomes;
    if (o === undefined) {
      throw new RowError(
        col.outcome,
        `result code ${JSON.stringify(code)} is not listed in outcomes (nor other_outcomes)`,
      );
    }
    return o;
  }

  return {
    format: CALL_RECORDS,
    rows(input: Readable, hooks: ReaderHooks): AsyncIterable<SourceRow<string[]>> {
      return readCsv(input, m.csv, hooks, (header) => {
        b = bind(m, header);
      });
    },
    map({ data: cells }): MappedRow {
      const bound = b!;
      const id = cellAt(cells, bound.cells.call_id);
      if (!id) throw new RowError(col.call_id, 'the call id is empty');
      const arrival = bound.instants.arrival!.read(cells);
      if (arrival === undefined) throw new RowError(nameOf('arrival'), 'the arrival time is empty');
      const outcome = outcomeOf(cells);
      if (outcome === 'ignored')
        return {
          events: [],
          at: arrival,
          skip: `ignored outcome ${JSON.stringify(cellAt(cells, bound.cells.outcome) ?? '')}`,
        };
      const when = (key: InstantKey) => bound.instants[key]?.read(cells, arrival);
      const cell = (key: CellKey) => cellAt(cells, bound.cells[key]);
      const secs = (key: 'talk_s' | 'hold_s' | 'wrap_s') =>
        secondsAt(cells, bound.cells[key], col[key] ?? key);
      const contact = `${m.contact_prefix}${id}`;
      const raws: [string, Record<string, unknown>][] = [];
      const add = (column: string, type: string, at: number, fields: Record<string, unknown> = {}) =>
        raws.push([
          column,
          defined({ type, at: new Date(at).toISOString(), contact_id: contact, ...fields }),
        ]);
      const queue = cell('queue');
      add(nameOf('arrival'), 'contact.offered', arrival, {
        channel: bound.channel?.read(cells) ?? 'phone',
        customer: cell('customer'),
        queue,
      });
      const queued = when('queue_entry');
      if (queued !== undefined) add(nameOf('queue_entry'), 'contact.queued', queued, { queue });
      const exit = when('queue_exit');
      const end = when('end');
      if (outcome === 'abandoned') {
        const at = exit ?? end;
        if (at === undefined)
          throw new RowError(nameOf('queue_exit'), 'an abandoned call needs its queue exit or end');
        add(exit !== undefined ? nameOf('queue_exit') : nameOf('end'), 'contact.abandoned', at);
      } else if (outcome === 'answered') {
        const answered = when('answer') ?? exit;
        if (answered === undefined)
          throw new RowError(nameOf('answer'), 'an answered call needs its answer time');
        const agent = cell('agent');
        if (!agent) throw new RowError(col.agent ?? nameOf('answer'), 'an answered call needs its agent');
        add(nameOf('answer'), 'contact.answered', answered, { agent_id: agent });
        const hold = secs('hold_s') ?? 0;
        const talk =
          secs('talk_s') ?? (end === undefined ? undefined : Math.max(0, (end - answered) / 1000 - hold));
        const endAt = end ?? (talk === undefined ? undefined : answered + (talk + hold) * 1000);
        if (endAt === undefined)
          throw new RowError(nameOf('end'), 'an answered call needs its end or talk time');
        add(nameOf('end'), 'contact.ended', endAt, {
          talk_s: talk ?? 0,
          hold_s: hold,
          wrap_s: secs('wrap_s') ?? 0,
        });
      } else {
        if (end === undefined)
          throw new RowError(nameOf('end'), 'a call that ended in the IVR needs its end');
        add(nameOf('end'), 'contact.ended', end, {});
      }
      const events = raws.map(([column, raw]) =>
        validateRowEvent(raw, (f) => (f === 'at' ? column : columnOf(f)), {
          id: `${CALL_RECORDS}:${contact}:${String(raw.type).slice('contact.'.length)}`,
        }),
      );
      return { events, at: arrival };
    },
    columnOf,
    describe: (row) => describeCsvRow(b?.header ?? [], row),
  };
}
