import { DateTime } from 'luxon';
import type { CallRecordsMapping, InstantSource } from './call-records-mapping.js';
import { cellAt, timeAt } from './row-cells.js';
import { timestampReader } from './timestamps.js';
import { RowError } from './types.js';
import { columnIndex } from './value-source.js';

/** An instant read from a row: `arrival` is given for times of day that lean on the arrival's date. */
export interface BoundInstant {
  column: string;
  read(cells: readonly string[], arrival?: number): number | undefined;
}

/** Binds an instant source to the header (an unknown column is a mapping error, before any row). */
export function bindInstant(
  spec: NonNullable<InstantSource>,
  header: readonly string[],
  path: string,
  ts: CallRecordsMapping['timestamp'],
): BoundInstant {
  if (typeof spec === 'string') {
    const i = columnIndex(header, spec, path);
    const read = timestampReader(ts.format, ts.zone);
    return { column: spec, read: (cells) => timeAt(cells, i, spec, read, ts.format) };
  }
  const t = columnIndex(header, spec.time, `${path}.time`);
  if ('date' in spec) {
    const d = columnIndex(header, spec.date, `${path}.date`);
    const format = `${ts.date_format} ${ts.time_format}`;
    const read = timestampReader(format, ts.zone);
    return {
      column: spec.time,
      read(cells) {
        const [date, time] = [cellAt(cells, d), cellAt(cells, t)];
        if (date === undefined && time === undefined) return undefined;
        if (date === undefined) throw new RowError(spec.date, 'the date is empty but the time is not');
        if (time === undefined) throw new RowError(spec.time, 'the time is empty but the date is not');
        const ms = read(`${date} ${time}`);
        if (ms === null) {
          const bad =
            read(`${date} 00:00:00`) === null && timestampReader(ts.date_format, ts.zone)(date) === null;
          throw new RowError(
            bad ? spec.date : spec.time,
            `cannot read ${JSON.stringify(`${date} ${time}`)} (formats ${ts.date_format} and ${ts.time_format})`,
          );
        }
        return ms;
      },
    };
  }
  const column = spec.time;
  const read = timestampReader(`yyyy-MM-dd ${ts.time_format}`, ts.zone);
  const dayOf = localDates(ts.zone);
  return {
    column,
    read(cells, arrival) {
      const time = cellAt(cells, t);
      if (time === undefined) return undefined;
      if (arrival === undefined) throw new RowError(column, 'a time of day needs the arrival’s date');
      const day = dayOf(arrival);
      const ms = read(`${day} ${time}`);
      if (ms === null)
        throw new RowError(
          column,
          `cannot read ${JSON.stringify(time)} as a time of day (${ts.time_format})`,
        );
      // a call that crosses midnight: the time of day belongs to the next day
      if (ms >= arrival) return ms;
      const next = read(`${DateTime.fromISO(day, { zone: 'UTC' }).plus({ days: 1 }).toISODate()} ${time}`);
      return next ?? ms;
    },
  };
}

/** The local date (yyyy-MM-dd) of an instant in a zone, looked up once per quarter hour (offsets are multiples of 15 min). */
function localDates(zone: string): (ms: number) => string {
  const cache = new Map<number, string>();
  return (ms) => {
    const slot = Math.floor(ms / 900_000);
    let day = cache.get(slot);
    if (day === undefined) {
      day = DateTime.fromMillis(ms, { zone }).toFormat('yyyy-MM-dd');
      if (cache.size > 50_000) cache.clear();
      cache.set(slot, day);
    }
    return day;
  };
}
