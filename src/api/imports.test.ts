import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders } from '../../test/support/auth.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { buildApp } from './app.js';

const example = (path: string) => readFileSync(new URL(`../../examples/${path}`, import.meta.url), 'utf8');
const TICKETS = example('samples/tickets.csv');
const MAPPING = example('mappings/tickets-csv.json');

type Part = { name: string; value: string | Buffer; filename?: string };

/** A multipart/form-data body as a browser or curl -F sends it. */
function multipart(parts: Part[]) {
  const boundary = '----firstline-test-boundary';
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const file = p.filename ? `; filename="${p.filename}"` : '';
    const type = p.filename ? 'Content-Type: application/octet-stream\r\n' : '';
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${file}\r\n${type}\r\n`),
    );
    chunks.push(Buffer.isBuffer(p.value) ? p.value : Buffer.from(p.value));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('imports over HTTP', () => {
  let app: FastifyInstance;
  let store: Store;
  let auth: Record<string, string>;
  beforeAll(async () => {
    store = await openStore('sqlite::memory:');
    app = await buildApp({ store });
    auth = await adminHeaders(store);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const upload = (parts: Part[]) => {
    const { payload, headers } = multipart(parts);
    return app.inject({ method: 'POST', url: '/api/v1/imports', payload, headers: { ...auth, ...headers } });
  };
  const get = (url: string) => app.inject({ method: 'GET', url, headers: auth });
  /** Polls the import until it has ended. */
  async function settled(res: LightMyRequestResponse): Promise<Record<string, unknown>> {
    expect(res.statusCode).toBe(202);
    const url = res.headers.location as string;
    for (let i = 0; i < 200; i++) {
      const job = (await get(url)).json() as Record<string, unknown>;
      if (job.state === 'succeeded' || job.state === 'failed') return job;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('the import did not end');
  }
  const ticketEvents = async () =>
    (await store.db.selectFrom('events').select('id').where('id', 'like', 'tickets-csv:%').execute()).length;

  it('imports an upload in the background through the ingest path; progress and summary are pollable', async () => {
    const res = await upload([
      { name: 'format', value: 'tickets-csv' },
      { name: 'mapping', value: MAPPING, filename: 'tickets-csv.json' },
      { name: 'file', value: gzipSync(TICKETS), filename: 'tickets.csv.gz' },
    ]);
    expect(res.json()).toMatchObject({ format: 'tickets-csv', file: 'tickets.csv.gz' });
    const job = await settled(res);
    expect(job).toMatchObject({
      state: 'succeeded',
      error: null,
      progress: { rows_read: 3, events_written: 12, share: 1 },
      summary: { rows_read: 3, rows_imported: 3, tickets_created: 3, events_written: 12 },
    });
    expect((job.progress as { rows_per_s: number }).rows_per_s).toBeGreaterThan(0);
    expect(await ticketEvents()).toBe(12);
    // the same file again changes nothing
    const again = await settled(
      await upload([
        { name: 'format', value: 'tickets-csv' },
        { name: 'mapping', value: MAPPING },
        { name: 'file', value: TICKETS, filename: 'tickets.csv' },
      ]),
    );
    expect(again).toMatchObject({ state: 'succeeded', summary: { events_written: 0, events_duplicate: 9 } });
  });

  it('a bad row fails the import naming file, line, column and reason; skip_bad rejects it and goes on', async () => {
    const bad = TICKETS.replace('2026-03-03 16:00', '3/3/2026 16:00').replaceAll('100', '200');
    const parts = (extra: Part[] = []) => [
      { name: 'format', value: 'tickets-csv' },
      { name: 'mapping', value: MAPPING },
      { name: 'file', value: bad, filename: 'bad.csv' },
      ...extra,
    ];
    const job = await settled(await upload(parts()));
    expect(job).toMatchObject({
      state: 'failed',
      error: {
        code: 'bad_row',
        details: { file: 'bad.csv', line: 3, column: 'Resolved' },
      },
      summary: { events_written: 0 },
    });
    expect((job.error as { message: string }).message).toMatch(/^bad\.csv:3, column "Resolved": cannot read/);
    const skipped = await settled(await upload(parts([{ name: 'skip_bad', value: 'true' }])));
    expect(skipped).toMatchObject({
      state: 'succeeded',
      rejects: 1,
      summary: { rows_rejected: 1, tickets_created: 2 },
    });
    const rejects = await get(`/api/v1/imports/${skipped.id as string}/rejects`);
    expect(JSON.parse(rejects.body.trim())).toMatchObject({
      line: 3,
      column: 'Resolved',
      row: { Ticket: '2002' },
    });
  });

  it('a wrong mapping, format or request is a 4xx and nothing is written', async () => {
    const before = await store.eventCount();
    const wrongColumn = await upload([
      { name: 'format', value: 'tickets-csv' },
      { name: 'mapping', value: MAPPING.replace('"First reply"', '"First response"') },
      { name: 'file', value: TICKETS.replaceAll('100', '300'), filename: 't.csv' },
    ]);
    expect(wrongColumn.statusCode).toBe(400);
    expect(wrongColumn.json()).toMatchObject({ error: { code: 'invalid_mapping' } });
    expect(wrongColumn.json().error.message).toMatch(/unknown column "First response"/);
    const noMapping = await upload([
      { name: 'format', value: 'call-records' },
      { name: 'file', value: 'x', filename: 'calls.csv' },
    ]);
    expect(noMapping.statusCode).toBe(400);
    expect(noMapping.json().error.message).toMatch(/needs --mapping/);
    const format = await upload([
      { name: 'format', value: 'excel' },
      { name: 'file', value: 'x', filename: 'x' },
    ]);
    expect(format.json()).toMatchObject({
      error: { code: 'invalid_mapping', message: expect.stringMatching(/unknown format "excel"/) },
    });
    const tz = await upload([
      { name: 'format', value: 'servicenow' },
      { name: 'tz', value: 'Mars/Olympus' },
      { name: 'file', value: 'x', filename: 'x.csv' },
    ]);
    expect(tz.statusCode).toBe(400);
    const noFile = await upload([{ name: 'format', value: 'zendesk' }]);
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.message).toMatch(/"file"/);
    const json = await app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: auth,
      payload: { format: 'zendesk' },
    });
    expect(json.statusCode).toBe(415);
    expect((await get('/api/v1/imports/nope')).statusCode).toBe(404);
    // importing writes events: without credentials the upload is refused before it is read
    const { payload, headers } = multipart([{ name: 'format', value: 'zendesk' }]);
    const anonymous = await app.inject({ method: 'POST', url: '/api/v1/imports', payload, headers });
    expect(anonymous.statusCode).toBe(401);
    expect(await store.eventCount()).toBe(before);
  });
});
