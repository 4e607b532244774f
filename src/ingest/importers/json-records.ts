import type { Readable } from 'node:stream';
import { RecordError, type SourceRow } from './types.js';

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
const NEWLINE = 10;

/**
 * Streams the records of a JSON export, each as its own text with the line it starts on, in constant
 * memory (one record at a time): the objects of a top-level array (`[{…},{…}]`), of the array under
 * `arrayKey` in a top-level object (`{"tickets":[…],"next_page":…}`, an API page), or top-level objects
 * one after the other (JSON lines). A scanner of our own rather than a streaming JSON library, because
 * error messages name the line each record starts on. It only finds record boundaries; each record is
 * parsed with JSON.parse by the adapter, which reports bad records against their line.
 */
export async function* jsonRecords(input: Readable, arrayKey: string): AsyncIterable<SourceRow<string>> {
  input.setEncoding('utf8');
  let depth = 0;
  let inString = false;
  let escaped = false;
  let line = 1;
  let top: 'array' | 'object' | null = null;
  let wrapped = false; // inside the top-level object's `arrayKey` array
  let collecting = false; // the characters of a string at depth 1 of a top-level object (a key, maybe)
  let text = '';
  let lastString = '';
  let recDepth = -1; // the depth of the current record's `{`; -1 when outside a record
  let recLine = 0;
  let pending = '';
  for await (const chunk of input as AsyncIterable<string>) {
    let start = recDepth >= 0 ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === NEWLINE) line++;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) {
          inString = false;
          if (collecting) lastString = text;
          collecting = false;
        } else if (collecting && text.length < 64) text += chunk[i];
        continue;
      }
      if (c === QUOTE) {
        inString = true;
        collecting = depth === 1 && top === 'object' && !wrapped;
        text = '';
      } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        if (depth === 0) {
          top = c === OPEN_ARRAY ? 'array' : 'object';
          lastString = '';
          // a top-level object is a record itself (JSON lines), unless it turns out to hold `arrayKey`
          if (c === OPEN_OBJECT) [recDepth, recLine, start, pending] = [0, line, i, ''];
        } else if (c === OPEN_ARRAY && depth === 1 && top === 'object' && lastString === arrayKey) {
          wrapped = true;
          [recDepth, start, pending] = [-1, -1, ''];
        } else if (
          c === OPEN_OBJECT &&
          recDepth < 0 &&
          ((top === 'array' && depth === 1) || (wrapped && depth === 2))
        ) {
          [recDepth, recLine, start, pending] = [depth, line, i, ''];
        }
        depth++;
      } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        depth--;
        if (depth < 0) throw new RecordError(line, `unbalanced ${chunk[i]}: not JSON`);
        if (c === CLOSE_ARRAY && wrapped && depth === 1) wrapped = false;
        if (c === CLOSE_OBJECT && depth === recDepth) {
          yield { line: recLine, data: pending + chunk.slice(start, i + 1) };
          [recDepth, start, pending] = [-1, -1, ''];
        }
      } else if (depth === 0 && c > 32 && c !== 44) {
        throw new RecordError(line, `unexpected ${JSON.stringify(chunk[i])} outside any object: not JSON`);
      }
    }
    if (recDepth >= 0 && start >= 0) pending += chunk.slice(start);
  }
  if (depth !== 0 || inString) throw new RecordError(line, 'the file ends in the middle of a JSON value');
}
