import type { Readable } from 'node:stream';
import type { DomainEventInput } from '../../domain/events.js';
import type { Store } from '../../store/store.js';
import { readCsv } from '../importers/csv-reader.js';
import { RecordError } from '../importers/types.js';
import { ingest } from '../ingest.js';
import { companyFor } from './companies.js';
import { normalisePhone } from './phone.js';
import { type CustomerInput, planCustomerUpsert } from './upsert-customer.js';

export const CUSTOMER_COLUMNS = [
  'customer_id',
  'name',
  'company',
  'company_id',
  'phones',
  'emails',
  'handles',
] as const;
type Column = (typeof CUSTOMER_COLUMNS)[number];

export interface CustomerRow {
  line: number;
  input: CustomerInput;
  /** a company named by name, found or created on import */
  company?: string;
}

export interface CustomerImportSummary {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  merged: number;
  events: number;
}

/** Several phones, e-mails or handles share a cell, separated by `;`, `,` or `|`. */
const many = (cell: string | undefined) =>
  (cell ?? '')
    .split(/[;,|]/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Reads and checks every row before anything is written: a header naming an unknown column, a phone that
 * is no phone number, an e-mail without `@` or a row naming nobody stops the import at that line and column.
 */
export async function readCustomerRows(input: Readable, country: string): Promise<CustomerRow[]> {
  let columns: (Column | null)[] = [];
  const rows: CustomerRow[] = [];
  const onHeader = (header: string[]) => {
    columns = header.map((h) => h.toLowerCase() as Column);
    const unknown = header.find((h) => !(CUSTOMER_COLUMNS as readonly string[]).includes(h.toLowerCase()));
    if (unknown !== undefined)
      throw new RecordError(
        1,
        `unknown column ${JSON.stringify(unknown)}; columns: ${CUSTOMER_COLUMNS.join(', ')}`,
        unknown,
      );
  };
  for await (const { line, data } of readCsv(
    input,
    { delimiter: ',', quote: '"' },
    { skipBad: false, onBadRecord: () => {} },
    onHeader,
  )) {
    const cell = (c: Column) => {
      const i = columns.indexOf(c);
      return i < 0 ? undefined : data[i]?.trim() || undefined;
    };
    const phones = many(cell('phones'));
    for (const p of phones)
      if (!normalisePhone(p, country))
        throw new RecordError(line, `${JSON.stringify(p)} is not a phone number`, 'phones');
    const emails = many(cell('emails'));
    for (const e of emails)
      if (!/^[^@\s]+@[^@\s]+$/.test(e))
        throw new RecordError(line, `${JSON.stringify(e)} is not an e-mail address`, 'emails');
    const handles = many(cell('handles'));
    const input: CustomerInput = {
      customer_id: cell('customer_id'),
      name: cell('name'),
      company_id: cell('company_id'),
      phones,
      emails,
      handles,
    };
    if (!input.customer_id && !input.name && !phones.length && !emails.length && !handles.length)
      throw new RecordError(
        line,
        'the row names no customer: give a name, an id, a phone, an e-mail or a handle',
        'name',
      );
    const company = cell('company');
    rows.push({ line, input, ...(company ? { company } : {}) });
  }
  return rows;
}

/** Writes checked rows through the normal ingest path, one customer at a time so that later rows merge with earlier ones. */
export async function importCustomerRows(
  store: Store,
  rows: readonly CustomerRow[],
  country: string,
  now = new Date(),
): Promise<CustomerImportSummary> {
  const at = now.toISOString();
  const summary: CustomerImportSummary = {
    rows: rows.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    merged: 0,
    events: 0,
  };
  for (const row of rows) {
    const events: DomainEventInput[] = [];
    let companyId = row.input.company_id;
    if (!companyId && row.company) {
      const c = await companyFor(store.db, row.company, at, `import:company:${row.line}:${at}`);
      companyId = c.companyId;
      events.push(...c.events);
    }
    const plan = await planCustomerUpsert(store.db, { ...row.input, company_id: companyId }, country, at);
    events.push(...plan.events);
    if (plan.created) summary.created++;
    else if (plan.events.length) summary.updated++;
    else summary.unchanged++;
    summary.merged += plan.merged.length;
    if (events.length) summary.events += (await ingest(store, events)).appended;
  }
  return summary;
}
