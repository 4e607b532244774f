import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { computeKpis } from '../../kpi/engine.js';
import { kpiOf, kpiQuery } from '../../kpi/kpi-test-helpers.js';
import type { Store } from '../../store/store.js';
import { callRecordsMappingJsonSchema } from './call-records-mapping.js';
import { adapterFor } from './formats.js';
import { ImportError, runImport } from './import-runner.js';
import {
  exampleMapping,
  memoryStore,
  storedEvents,
  tempFile,
  tempPath,
  withoutIds,
} from './import-test-helpers.js';
import { MappingError } from './types.js';

const SAMPLE = fileURLToPath(new URL('../../../examples/samples/calls.csv', import.meta.url));
const MAPPING = exampleMapping('call-records.json');
const TEXT = readFileSync(SAMPLE, 'utf8');

const importCalls = async (store: Store, file: string, opts: { skipBad?: boolean; mapping?: string } = {}) =>
  runImport(store, {
    file,
    adapter: await adapterFor('call-records', opts.mapping ?? MAPPING),
    ...(opts.skipBad ? { skipBad: true, rejectsPath: tempPath('rejects.ndjson') } : {}),
  });

// calls.csv by hand: Moscow is UTC+3, so 09:00:00 local is 06:00:00Z.
const C1 = [
  {
    type: 'contact.offered',
    at: '2026-03-02T06:00:00.000Z',
    contact_id: 'C1',
    channel: 'phone',
    customer: '+79990000001',
    queue: 'sales',
  },
  { type: 'contact.queued', at: '2026-03-02T06:00:20.000Z', contact_id: 'C1', queue: 'sales' },
  { type: 'contact.answered', at: '2026-03-02T06:00:50.000Z', contact_id: 'C1', agent_id: 'ann' },
  {
    type: 'contact.ended',
    at: '2026-03-02T06:05:50.000Z',
    contact_id: 'C1',
    talk_s: 280,
    hold_s: 20,
    wrap_s: 60,
  },
];

describe('call-records import', () => {
  it('the shipped JSON Schema is the one the mapping schema gives (regenerate it when this fails)', () => {
    const shipped = JSON.parse(readFileSync(exampleMapping('call-records.schema.json'), 'utf8')) as unknown;
    expect(shipped).toEqual(callRecordsMappingJsonSchema());
  });

  it('turns each call into its contact events; wait, abandonment and handle time follow', async () => {
    const store = await memoryStore();
    const s = await importCalls(store, SAMPLE);
    const events = await storedEvents(store);
    expect(withoutIds(events.slice(0, 4))).toEqual(C1);
    expect(events.slice(0, 4).map((e) => e.id)).toEqual([
      'call-records:C1:offered',
      'call-records:C1:queued',
      'call-records:C1:answered',
      'call-records:C1:ended',
    ]);
    const of = (id: string) =>
      withoutIds(events.filter((e) => e.contact_id === id)).map((e) => [e.type, e.at]);
    // C2 hung up in the queue at 09:12:30; C6 ended in the IVR
    expect(of('C2')).toContainEqual(['contact.abandoned', '2026-03-02T06:12:30.000Z']);
    expect(of('C6')).toEqual([
      ['contact.offered', '2026-03-02T07:00:00.000Z'],
      ['contact.ended', '2026-03-02T07:01:00.000Z'],
    ]);
    // C5 arrived at 23:59:30 and was answered at 00:00:40: the next day
    expect(of('C5')).toContainEqual(['contact.answered', '2026-03-02T21:00:40.000Z']);
    expect(s).toMatchObject({ rows_read: 7, rows_skipped: 1, skipped: { 'ignored outcome "TEST"': 1 } });
    expect(s.events_written).toBe(4 + 3 + 3 + 4 + 4 + 2);

    const r = await computeKpis(store, kpiQuery(), [
      'contacts_offered',
      'wait',
      'abandonment',
      'handle_time',
    ]);
    // C1–C6 offered (C7 is a test call)
    expect(kpiOf(r, 'contacts_offered')).toMatchObject({ value: 6 });
    // answered − arrival: C1 50 s, C4 65 s, C5 70 s
    expect(kpiOf(r, 'wait')).toMatchObject({ count: 3, pending: 0, mean_s: 185 / 3, median_s: 65 });
    // C2 abandoned after 120 s in the queue; C3 after 3 s (short: out of both sides); C6 self-served
    expect(kpiOf(r, 'abandonment')).toMatchObject({
      numerator: 1,
      denominator: 4,
      short_abandons: 1,
      self_served: 1,
    });
    // talk + hold + wrap: C1 280+20+60, C4 540+30+90, C5 170+0+30
    expect(kpiOf(r, 'handle_time')).toMatchObject({ count: 3, mean_s: (360 + 660 + 200) / 3 });
    await store.close();
  });

  it('is idempotent, and an extended export adds only the new calls', async () => {
    const store = await memoryStore();
    await importCalls(store, SAMPLE);
    const again = await importCalls(store, SAMPLE);
    expect(again).toMatchObject({ events_written: 0, events_duplicate: 20 });
    const more = `${TEXT}C8,03.03.2026,08:00:00,+79990000008,sales,08:00:02,08:00:12,08:00:12,08:02:12,,,10,bob,ANSWERED\n`;
    const s = await importCalls(store, tempFile('calls.csv', more));
    expect(s).toMatchObject({ events_written: 4, events_duplicate: 20 });
    // no talk column value: talk = end − answer − hold = 120 s
    expect((await storedEvents(store)).at(-1)).toMatchObject({
      contact_id: 'C8',
      talk_s: 120,
      hold_s: 0,
      wrap_s: 10,
    });
    await store.close();
  });

  it('stops at a bad row naming file, line, column and reason; --skip-bad rejects it and goes on', async () => {
    const store = await memoryStore();
    const file = tempFile('bad.csv', TEXT.replace('540,0:00:30', '540,half a minute'));
    const err = await importCalls(store, file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err).toMatchObject({ file, line: 5, column: 'Hold' });
    expect((err as Error).message).toMatch(
      /bad\.csv:5, column "Hold": cannot read "half a minute" as seconds/,
    );
    expect(await store.eventCount()).toBe(0);
    const s = await importCalls(store, file, { skipBad: true });
    expect(s).toMatchObject({ rows_rejected: 1, events_written: 16 });

    const unknown = tempFile('u.csv', TEXT.replace(',ABANDON\nC3', ',BUSY\nC3'));
    const e2 = await importCalls(await memoryStore(), unknown).catch((e: unknown) => e);
    expect(e2).toMatchObject({ line: 3, column: 'Result' });
    expect((e2 as Error).message).toMatch(/result code "BUSY" is not listed/);
    const noAgent = tempFile('a.csv', TEXT.replace(',bob,ANSWERED', ',,ANSWERED'));
    await expect(importCalls(await memoryStore(), noAgent)).rejects.toMatchObject({
      line: 5,
      column: 'Agent',
    });
    const badDate = tempFile('d.csv', TEXT.replace('C2,02.03.2026', 'C2,2026-03-02'));
    await expect(importCalls(await memoryStore(), badDate)).rejects.toMatchObject({
      line: 3,
      column: 'Date',
    });
    await store.close();
  });

  it('a wrong mapping fails before anything is written', async () => {
    const store = await memoryStore();
    const file = tempFile('calls.csv', TEXT.replace('Left queue', 'Dequeued'));
    const err = await importCalls(store, file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MappingError);
    expect((err as Error).message).toMatch(/columns\.queue_exit\.time: unknown column "Left queue"/);
    expect(await store.eventCount()).toBe(0);
    const mapping = JSON.parse(readFileSync(MAPPING, 'utf8')) as Record<string, unknown>;
    const wrong = tempFile('m.json', JSON.stringify({ ...mapping, outcomes: { OK: 'handled' } }));
    await expect(adapterFor('call-records', wrong)).rejects.toThrow(/outcomes\.OK/);
    await store.close();
  });
});
