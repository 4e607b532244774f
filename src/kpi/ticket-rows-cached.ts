import type { Column } from '../store/fact-cache/column.js';
import type { FactTable } from '../store/fact-cache/fact-table.js';
import { previousPeriod } from './aggregate.js';
import type { Dimension, KpiQuery } from './types.js';

/** A test of one row against one filter, by dictionary code (text) or value (line). */
type RowTest = (row: number) => boolean;

function filterTest(c: Column, values: readonly string[]): RowTest {
  if (c.kind === 'text') {
    const codes = new Set(values.map((v) => c.find(v)));
    return (row) => codes.has(c.codes[row]!);
  }
  const wanted = new Set(values.map(Number));
  return (row) => wanted.has(c.get(row) as number);
}

type RowMaker = (key: string, at: number, group: string | null, values: unknown[]) => unknown;
const makers = new Map<string, RowMaker>();

/**
 * Rows of one fixed shape, built by an object literal compiled once per column list: V8 then keeps them
 * small and fast, where adding properties one by one would make each row a slow dictionary.
 */
function rowMaker(keyName: string, columns: readonly string[]): RowMaker {
  const id = `${keyName}|${columns.join(',')}`;
  let make = makers.get(id);
  if (!make) {
    for (const c of [keyName, ...columns])
      if (!/^[a-z_][a-z0-9_]*$/.test(c)) throw new Error(`fact cache: bad column name ${c}`);
    const fields = columns.map((c, i) => `${c}: v[${i}]`).join(', ');
    make = new Function(
      'k',
      'at',
      'g',
      'v',
      `return { ${keyName}: k, at, group: g${fields ? `, ${fields}` : ''} };`,
    ) as RowMaker;
    makers.set(id, make);
  }
  return make;
}

export interface CachedRef {
  at: string;
  whenNull?: string;
  onlyOpen?: boolean;
}

/**
 * The rows of `fetchTicketRows` read from the in-memory facts instead of the database: the same shape
 * (db-typed values, `at`, `group`), so every KPI family runs unchanged on either source.
 */
export function cachedRows<R>(
  table: FactTable,
  q: KpiQuery,
  refs: readonly CachedRef[],
  columns: readonly string[],
  dimensionColumn: (d: Exclude<Dimension, 'tag'>) => string,
  keyName: string,
): R[] {
  const tests: RowTest[] = [];
  for (const [dim, values] of Object.entries(q.filters) as [Exclude<Dimension, 'tag'>, string[]][]) {
    if (values?.length) tests.push(filterTest(table.column(dimensionColumn(dim)), values));
  }
  const groupCol = q.by && q.by !== 'tag' ? table.column(dimensionColumn(q.by)) : null;
  const cols = columns.map((name) => table.column(name));
  const make = rowMaker(keyName, columns);
  const values: unknown[] = new Array(cols.length);
  const status = table.has('status') ? table.column('status') : null;
  const open = status?.kind === 'text' ? status.find('open') : -3;
  const from = previousPeriod(q).from;
  const out: R[] = [];
  for (const ref of refs) {
    const at = table.column(ref.at);
    if (at.kind !== 'number') throw new Error(`${ref.at} is not an instant`);
    const nullCol = ref.whenNull ? table.column(ref.whenNull) : null;
    const rows = table.range(ref.at, from, q.to);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (nullCol && nullCol.get(row) !== null) continue;
      if (ref.onlyOpen && (status?.kind !== 'text' || status.codes[row] !== open)) continue;
      let pass = true;
      for (const t of tests) if (!t(row)) pass = false;
      if (!pass) continue;
      for (let j = 0; j < cols.length; j++) values[j] = cols[j]!.get(row);
      let group: string | null = null;
      if (groupCol) {
        const g = groupCol.get(row);
        group = g === null ? '(none)' : String(g);
      }
      out.push(make(table.keys[row]!, at.values[row]!, group, values) as R);
    }
  }
  return out;
}
