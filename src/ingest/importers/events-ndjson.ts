import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { parseEvent } from '../../domain/parse.js';
import type { FormatAdapter, SourceRow } from './types.js';
import { RowError } from './types.js';

export const EVENTS_NDJSON = 'events-ndjson';

async function* lines(input: Readable): AsyncIterable<SourceRow<string>> {
  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  try {
    for await (const text of rl) {
      line++;
      if (text.trim()) yield { line, data: text };
    }
  } finally {
    rl.close();
  }
}

/**
 * Firstline's own events, one JSON object per line (what `firstline export` writes). The ids are the
 * events' own, so importing the same file twice is a no-op; the file keeps log order, so a ticket's
 * events follow its creation. An error's "column" is the event field.
 */
export function eventsNdjsonAdapter(): FormatAdapter<string> {
  return {
    format: EVENTS_NDJSON,
    rows: (input) => lines(input),
    map({ data }) {
      let raw: unknown;
      try {
        raw = JSON.parse(data);
      } catch (err) {
        throw new RowError(undefined, `not JSON: ${err instanceof Error ? err.message : String(err)}`);
      }
      const r = parseEvent(raw);
      if (!r.ok) {
        const issue = r.issues[0]!;
        throw new RowError(issue.field, issue.message);
      }
      return { events: [r.event], at: Date.parse(r.event.at) };
    },
    columnOf: (field) => field,
    describe: ({ line, data }) => ({ line, raw: data }),
  };
}
