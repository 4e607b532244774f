import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeKpis } from '../../kpi/engine.js';
import { kpiOf, kpiQuery } from '../../kpi/kpi-test-helpers.js';
import type { Store } from '../../store/store.js';
import { adapterFor } from './formats.js';
import { ImportError, runImport } from './import-runner.js';
import { memoryStore, storedEvents, tempFile, tempPath, withoutIds } from './import-test-helpers.js';
import { MappingError } from './types.js';

const COLUMNS =
  'number,incident_state,active,reassignment_count,reopen_count,sys_mod_count,made_sla,caller_id,opened_by,opened_at,sys_created_by,sys_created_at,sys_updated_by,sys_updated_at,contact_type,location,category,subcategory,u_symptom,cmdb_ci,impact,urgency,priority,assignment_group,assigned_to,knowledge,u_priority_confirmation,notify,problem_id,rfc,vendor,caused_by,closed_code,resolved_by,resolved_at,closed_at'.split(
    ',',
  );

/** One audit row: '?' for every column not given, as the export writes empty values. */
const row = (v: Record<string, string>) => COLUMNS.map((c) => v[c] ?? '?').join(',');
const inc1 = (mod: number, state: string, updated: string, more: Record<string, string> = {}) =>
  row({
    number: 'INC0001',
    incident_state: state,
    sys_mod_count: String(mod),
    caller_id: 'Caller 1',
    opened_by: 'Opened by 8',
    opened_at: '1/3/2026 09:00',
    sys_updated_by: 'Updated by 1',
    sys_updated_at: updated,
    contact_type: 'Phone',
    category: 'Category 40',
    priority: '3 - Moderate',
    resolved_by: 'Resolved by 1',
    closed_at: '7/3/2026 12:00',
    ...more,
  });
const inc2 = (mod: number, state: string, updated: string, more: Record<string, string> = {}) =>
  row({
    number: 'INC0002',
    incident_state: state,
    sys_mod_count: String(mod),
    caller_id: 'Caller 2',
    opened_by: 'Opened by 9',
    opened_at: '3/3/2026 14:05',
    sys_updated_by: 'Updated by 2',
    sys_updated_at: updated,
    contact_type: 'Email',
    priority: '1 - Critical',
    closed_at: '4/3/2026 9:00',
    ...more,
  });

// INC0001's rows are out of sys_mod_count order in the file (10 before 2: numeric, not text order).
const FILE = [
  COLUMNS.join(','),
  inc1(0, 'New', '1/3/2026 09:00', { category: 'Category 55' }),
  inc1(1, 'Active', '1/3/2026 09:10', {
    category: 'Category 55',
    assignment_group: 'Group 70',
    assigned_to: 'Resolver 1',
  }),
  inc1(10, 'Resolved', '2/3/2026 12:00', { assignment_group: 'Group 70', assigned_to: 'Resolver 2' }),
  inc1(2, 'Active', '1/3/2026 09:20', { assignment_group: 'Group 70', assigned_to: 'Resolver 1' }),
  inc1(3, 'Active', '1/3/2026 9:30', { assignment_group: 'Group 70' }),
  inc1(4, 'Resolved', '1/3/2026 10:00', { assignment_group: 'Group 70', assigned_to: 'Resolver 1' }),
  inc1(5, 'Active', '2/3/2026 08:00', { assignment_group: 'Group 70', assigned_to: 'Resolver 1' }),
  inc1(6, 'Active', '2/3/2026 08:30', { assignment_group: 'Group 70', assigned_to: 'Resolver 2' }),
  inc1(11, 'Closed', '7/3/2026 12:00', { assignment_group: 'Group 70', assigned_to: 'Resolver 2' }),
  inc2(0, 'New', '3/3/2026 14:05'),
  inc2(1, 'Awaiting User Info', '3/3/2026 14:30', { category: 'Category 9' }),
  inc2(2, 'Closed', '4/3/2026 9:00', { category: 'Category 9' }),
].join('\n');

// Written out by hand from the rules; Moscow is UTC+3.
const EXPECTED = [
  {
    type: 'ticket.created',
    at: '2026-03-01T06:00:00.000Z',
    ticket_id: 'INC0001',
    channel: 'phone',
    priority: 'normal',
    customer: 'Caller 1',
    by: 'Opened by 8',
  },
  // mod 0: the first row has a category: classified at opened_at
  {
    type: 'ticket.classified',
    at: '2026-03-01T06:00:00.000Z',
    ticket_id: 'INC0001',
    category: 'Category 55',
    by: 'Opened by 8',
  },
  // mod 1: an assignee for the first time
  {
    type: 'ticket.assigned',
    at: '2026-03-01T06:10:00.000Z',
    ticket_id: 'INC0001',
    assignee_id: 'Resolver 1',
    team_id: 'Group 70',
    mode: 'manual',
    by: 'Updated by 1',
  },
  // mod 2: another category; the same assignee again is no assignment
  {
    type: 'ticket.reclassified',
    at: '2026-03-01T06:20:00.000Z',
    ticket_id: 'INC0001',
    from: 'Category 55',
    to: 'Category 40',
    by: 'Updated by 1',
  },
  // mod 3: assignee '?' (empty) is no change; mod 4: Resolved
  { type: 'ticket.resolved', at: '2026-03-01T07:00:00.000Z', ticket_id: 'INC0001', by: 'Resolved by 1' },
  // mod 5: Resolved → Active
  { type: 'ticket.reopened', at: '2026-03-02T05:00:00.000Z', ticket_id: 'INC0001', by: 'Updated by 1' },
  {
    type: 'ticket.assigned',
    at: '2026-03-02T05:30:00.000Z',
    ticket_id: 'INC0001',
    assignee_id: 'Resolver 2',
    team_id: 'Group 70',
    mode: 'manual',
    by: 'Updated by 1',
  },
  { type: 'ticket.resolved', at: '2026-03-02T09:00:00.000Z', ticket_id: 'INC0001', by: 'Resolved by 1' },
  // mod 11: Resolved → Closed is no reopen; closed at closed_at
  { type: 'ticket.closed', at: '2026-03-07T09:00:00.000Z', ticket_id: 'INC0001', by: 'Updated by 1' },
  {
    type: 'ticket.created',
    at: '2026-03-03T11:05:00.000Z',
    ticket_id: 'INC0002',
    channel: 'email',
    priority: 'urgent',
    customer: 'Caller 2',
    by: 'Opened by 9',
  },
  // no category on the first row: the first one given later is the classification, at its update
  {
    type: 'ticket.classified',
    at: '2026-03-03T11:30:00.000Z',
    ticket_id: 'INC0002',
    category: 'Category 9',
    by: 'Updated by 2',
  },
  // closed without ever being resolved: resolved at closed_at first
  { type: 'ticket.resolved', at: '2026-03-04T06:00:00.000Z', ticket_id: 'INC0002' },
  { type: 'ticket.closed', at: '2026-03-04T06:00:00.000Z', ticket_id: 'INC0002', by: 'Updated by 2' },
];

const importAudit = async (store: Store, file: string, skipBad = false) =>
  runImport(store, {
    file,
    adapter: await adapterFor('servicenow', undefined, { tz: 'Europe/Moscow' }),
    ...(skipBad ? { skipBad, rejectsPath: tempPath('rejects.ndjson') } : {}),
  });

describe('servicenow import', () => {
  it('follows each incident in sys_mod_count order and yields the events of the rules; KPIs follow', async () => {
    const store = await memoryStore();
    const s = await importAudit(store, tempFile('incidents.csv', FILE));
    const events = await storedEvents(store);
    expect(withoutIds(events)).toEqual(EXPECTED);
    expect(events.map((e) => e.id).slice(0, 3)).toEqual([
      'servicenow:INC0001:created',
      'servicenow:INC0001:0:classified',
      'servicenow:INC0001:1:assigned',
    ]);
    expect(s).toMatchObject({ rows_read: 12, tickets_created: 2, events_written: 13, rows_skipped: 1 });
    const q = kpiQuery({ from: Date.parse('2026-02-23T00:00:00Z') });
    const r = await computeKpis(store, q, ['resolution', 'reopen', 'correct_classification']);
    // first resolutions: INC0001 1 h; INC0002 03-03 11:05 → 03-04 06:00 = 18 h 55 min
    expect(kpiOf(r, 'resolution')).toMatchObject({ count: 2, pending: 0, mean_s: (3600 + 68_100) / 2 });
    // INC0001 reopened 22 h after its first resolution (inside 7 days); INC0002 not
    expect(kpiOf(r, 'reopen')).toMatchObject({ numerator: 1, denominator: 2 });
    // both classified (lines unknown: first-line work), INC0001 reclassified
    expect(kpiOf(r, 'correct_classification')).toMatchObject({ numerator: 1, denominator: 2 });
    await store.close();
  });

  it('is idempotent, and an extended export adds only the new updates', async () => {
    const store = await memoryStore();
    const lines = FILE.split('\n');
    // the first export: INC0002 still awaiting the user
    await importAudit(store, tempFile('early.csv', lines.slice(0, -1).join('\n')));
    expect(await store.eventCount()).toBe(11);
    const again = await importAudit(store, tempFile('early.csv', lines.slice(0, -1).join('\n')));
    expect(again).toMatchObject({ events_written: 0, tickets_created: 0 });
    const s = await importAudit(store, tempFile('full.csv', FILE));
    expect(s).toMatchObject({ events_written: 2, tickets_created: 0 });
    expect(withoutIds(await storedEvents(store))).toEqual(EXPECTED);
    await store.close();
  });

  it('stops at a bad row naming file, line and column; --skip-bad rejects it and goes on', async () => {
    const bad = FILE.replace('3/3/2026 14:30', '2026-03-03 14:30');
    const file = tempFile('bad.csv', bad);
    const store = await memoryStore();
    const err = await importAudit(store, file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err).toMatchObject({ file, line: 12, column: 'sys_updated_at' });
    expect((err as Error).message).toMatch(
      /bad\.csv:12, column "sys_updated_at": cannot read "2026-03-03 14:30"/,
    );
    expect(await store.eventCount()).toBe(0);
    const s = await importAudit(store, file, true);
    expect(s).toMatchObject({ rows_rejected: 1, tickets_created: 2 });
    // without the rejected row, INC0002's category first appears on the Closed row (mod 2)
    const inc2 = (await storedEvents(store)).filter((e) => e.ticket_id === 'INC0002').map((e) => e.type);
    expect(inc2).toEqual(['ticket.created', 'ticket.classified', 'ticket.resolved', 'ticket.closed']);
    await store.close();
  });

  it('a file that is not an audit export, or a bad zone, fails before anything is written', async () => {
    const store = await memoryStore();
    const file = tempFile('x.csv', FILE.replace('sys_mod_count', 'mod_count'));
    await expect(importAudit(store, file)).rejects.toThrow(MappingError);
    await expect(importAudit(store, file)).rejects.toThrow(/the header lacks "sys_mod_count"/);
    expect(await store.eventCount()).toBe(0);
    await expect(adapterFor('servicenow', undefined, { tz: 'Mars/Olympus' })).rejects.toThrow(/--tz/);
    await expect(adapterFor('servicenow', tempFile('m.json', '{}'))).rejects.toThrow(/takes no mapping/);
    await store.close();
  });

  it('reads times in UTC by default', async () => {
    const store = await memoryStore();
    const file = tempFile('utc.csv', [COLUMNS.join(','), inc2(0, 'New', '3/3/2026 14:05')].join('\n'));
    await runImport(store, { file, adapter: await adapterFor('servicenow') });
    expect((await storedEvents(store))[0]).toMatchObject({ at: '2026-03-03T14:05:00.000Z' });
    expect(readFileSync(file, 'utf8')).toContain('INC0002');
    await store.close();
  });
});
