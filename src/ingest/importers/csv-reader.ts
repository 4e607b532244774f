import type { Readable } from 'node:stream';
import { CsvError, type Info, parse } from 'csv-parse';
import { MappingError, type ReaderHooks, RecordError, type SourceRow } from './types.js';

export interface CsvOptions {
  delimiter: string;
  quote: string;
}

const lineOf = (err: CsvError): number => (typeof err.lines === 'number' ? err.lines : 0);

/**
 * Streams a CSV file's records (arrays of cells) with their line numbers. The first record is the header:
 * `onHeader` sees it before any row, so a mapping naming an unknown column fails before anything is read on.
 * Bad records stop the reading with a RecordError, or, when skipping, go to `hooks.onBadRecord`.
 */
export async function* readCsv(
  input: Readable,
  options: CsvOptions,
  hooks: ReaderHooks,
  onHeader: (header: string[]) => void,
): AsyncIterable<SourceRow<string[]>> {
  const parser = parse({
    delimiter: options.delimiter,
    quote: options.quote,
    bom: true,
    info: true,
    skip_empty_lines: true,
    skip_records_with_error: hooks.skipBad,
    // the raw text of a skipped record goes to the rejects file
    raw: hooks.skipBad,
    on_skip: (err, raw) => {
      if (err)
        hooks.onBadRecord({
          line: lineOf(err),
          reason: err.message,
          ...(raw ? { raw: raw.replace(/\r?\n$/, '') } : {}),
        });
      return undefined;
    },
  });
  input.on('error', (err) => parser.destroy(err));
  input.pipe(parser);
  let header: string[] | null = null;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      if (header === null) {
        header = item.record.map((h) => h.trim());
        onHeader(header);
        continue;
      }
      yield { line: item.info.lines, data: item.record };
    }
  } catch (err) {
    if (err instanceof MappingError || err instanceof RecordError) throw err;
    // csv-parse's codes do not all start with CSV_ (INVALID_OPENING_QUOTE does not): its class tells
    if (err instanceof CsvError) throw new RecordError(lineOf(err), err.message);
    throw err;
  } finally {
    input.unpipe(parser);
    parser.destroy();
  }
  if (header === null) throw new MappingError('the file is empty: expected a header row naming the columns');
}
