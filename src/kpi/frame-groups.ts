import type { FactTable } from '../store/fact-cache/fact-table.js';

export const NONE = '(none)';

/** Numbers group keys as they are first met. */
export function keyNumbering(keys: string[]): (key: string) => number {
  const ids = new Map<string, number>();
  return (key) => {
    let id = ids.get(key);
    if (id === undefined) {
      id = keys.length;
      keys.push(key);
      ids.set(key, id);
    }
    return id;
  };
}

/**
 * Writes the group id of items [from, to) by one column's value into `out`, block after block of one frame
 * (text by dictionary code through a typed lookup, so one array read per item).
 */
export type BlockGrouper = (rows: Int32Array, from: number, to: number, out: Int32Array) => void;

export function columnGrouper(
  table: FactTable,
  column: string,
  keys: string[],
  /** the group of a value, when it is not the value itself (a contact's agent → that agent's team) */
  keyOf?: (value: string | null) => string,
): BlockGrouper {
  const idOf = keyNumbering(keys);
  const c = table.column(column);
  if (c.kind === 'text') {
    let byCode = new Int32Array(0);
    let none = -1;
    return (rows, from, to, out) => {
      const codes = c.codes;
      if (byCode.length < c.dict.length) {
        const grown = new Int32Array(c.dict.length).fill(-1);
        grown.set(byCode);
        byCode = grown;
      }
      for (let i = from; i < to; i++) {
        const code = codes[rows[i]!]!;
        if (code < 0) {
          if (none < 0) none = idOf(keyOf ? keyOf(null) : NONE);
          out[i] = none;
          continue;
        }
        let id = byCode[code]!;
        if (id < 0) {
          id = idOf(keyOf ? keyOf(c.dict[code]!) : c.dict[code]!);
          byCode[code] = id;
        }
        out[i] = id;
      }
    };
  }
  const byValue = new Map<number | null, number>();
  return (rows, from, to, out) => {
    for (let i = from; i < to; i++) {
      const v = c.get(rows[i]!);
      let id = byValue.get(v);
      if (id === undefined) {
        id = idOf(v === null ? NONE : String(v));
        byValue.set(v, id);
      }
      out[i] = id;
    }
  };
}

/** Groups from outside the table (tags: one group per tag), as lists: groupIds[groupStart[i] .. groupStart[i + 1]). */
export function listGroups(
  table: FactTable,
  rows: Int32Array,
  size: number,
  groupsOf: (key: string) => readonly string[],
  keys: string[],
): { groupStart: Int32Array; groupIds: Int32Array } {
  const idOf = keyNumbering(keys);
  const groupStart = new Int32Array(size + 1);
  const list: number[] = [];
  for (let i = 0; i < size; i++) {
    for (const key of groupsOf(table.keyOf(rows[i]!))) list.push(idOf(key));
    groupStart[i + 1] = list.length;
  }
  return { groupStart, groupIds: Int32Array.from(list) };
}
