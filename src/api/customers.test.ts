import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstLineApp } from '../../test/support/first-line-app.js';
import { storeKinds } from '../../test/support/stores.js';
import { importCustomerRows, readCustomerRows } from '../ingest/customers/import-customers.js';
import { RecordError } from '../ingest/importers/types.js';
import type { Store } from '../store/store.js';

for (const kind of storeKinds) {
  describe.skipIf(!kind.available)(`customers and companies (${kind.name})`, () => {
    let app: FastifyInstance;
    let store: Store;
    let dispose: () => Promise<void>;
    beforeAll(async () => {
      const fresh = await kind.fresh();
      store = await fresh.open();
      dispose = fresh.dispose;
      app = await firstLineApp(store, {}, () => Date.parse('2026-03-02T09:00:00Z'));
    });
    afterAll(async () => {
      await app.close();
      await store.close();
      await dispose();
    });
    const post = (url: string, payload: unknown) =>
      app.inject({ method: 'POST', url, payload: payload as object });
    const search = async (q: string) =>
      (await app.inject({ method: 'GET', url: `/api/v1/customers?q=${encodeURIComponent(q)}` }))
        .json()
        .customers.map((c: { customer_id: string }) => c.customer_id);
    let ivan = '';

    it('creates a customer of a company; phones in E.164, e-mails in lower case', async () => {
      const r = await post('/api/v1/customers', {
        name: 'Иван Петров',
        company: 'Acme Ltd',
        phones: ['+7 (912) 345-67-89'],
        emails: ['Ivan@Example.com'],
      });
      expect(r.statusCode).toBe(201);
      ivan = r.json().customer_id;
      expect(r.json()).toMatchObject({
        created: true,
        customer: { name: 'Иван Петров', phones: ['+79123456789'], emails: ['ivan@example.com'] },
        company: { company_id: 'co-acme-ltd', name: 'Acme Ltd' },
      });
    });

    it('a customer named by a known identifier is updated, not duplicated', async () => {
      const r = await post('/api/v1/customers', {
        name: 'I. Petrov',
        phones: ['89123456789'],
        handles: ['@IvanP'],
      });
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({
        customer_id: ivan,
        created: false,
        customer: {
          name: 'I. Petrov',
          phones: ['+79123456789'],
          handles: ['@ivanp'],
          emails: ['ivan@example.com'],
        },
      });
    });

    it('customers sharing identifiers are merged into one', async () => {
      const olga = (await post('/api/v1/customers', { name: 'Olga', emails: ['olga@x.org'] })).json()
        .customer_id;
      const r = await post('/api/v1/customers', { emails: ['olga@x.org'], phones: ['+79123456789'] });
      expect(r.json()).toMatchObject({ customer_id: ivan, merged: [olga] });
      expect(r.json().customer.emails).toEqual(['ivan@example.com', 'olga@x.org']);
      expect(r.json().customer.merged_from).toEqual([olga]);
      // the merged customer's id and e-mail now lead to the survivor
      expect(
        (await app.inject({ method: 'GET', url: `/api/v1/customers/${olga}` })).json().customer.customer_id,
      ).toBe(ivan);
      expect(await search('olga@x.org')).toEqual([ivan]);
    });

    it('search by name (any case, Cyrillic too), phone in any form, e-mail, handle, company', async () => {
      const maria = (
        await post('/api/v1/customers', { name: 'Мария Иванова', phones: ['+4930123456'] })
      ).json().customer_id;
      expect(await search('МАРИЯ')).toEqual([maria]);
      expect(await search('иванова')).toEqual([maria]);
      expect(await search('8 912 345-67-89')).toEqual([ivan]);
      expect(await search('@ivanp')).toEqual([ivan]);
      expect(await search('ACME')).toEqual([ivan]);
      expect(await search('100%_')).toEqual([]);
    });

    it('the caller lookup names the company', async () => {
      const r = await app.inject({ method: 'GET', url: '/api/v1/telephony/lookup?number=%2B79123456789' });
      expect(r.json()).toMatchObject({ customer: { customer_id: ivan }, company: { name: 'Acme Ltd' } });
    });

    it('explicit merge: identifiers and the customer follow the survivor', async () => {
      const a = (await post('/api/v1/customers', { name: 'A', phones: ['+4930999001'] })).json().customer_id;
      const b = (await post('/api/v1/customers', { name: 'B', phones: ['+4930999002'] })).json().customer_id;
      const r = await post(`/api/v1/customers/${b}/merge`, { into: a });
      expect(r.statusCode).toBe(200);
      expect(r.json().customer).toMatchObject({
        customer_id: a,
        phones: ['+4930999001', '+4930999002'],
        merged_from: [b],
      });
      expect((await post(`/api/v1/customers/${a}/merge`, { into: a })).statusCode).toBe(400);
    });

    it('CSV import: checked first (line and column of a bad cell, nothing written), then merged by identifier', async () => {
      const bad = 'name,phones,emails\nOk,+4930555001,\nBroken,not-a-phone,\n';
      const before = await store.eventCount();
      const err = await readCustomerRows(Readable.from(bad), 'RU').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RecordError);
      expect(err).toMatchObject({ line: 3, column: 'phones' });
      await expect(readCustomerRows(Readable.from('name,fax\nX,1\n'), 'RU')).rejects.toMatchObject({
        column: 'fax',
      });
      expect(await store.eventCount()).toBe(before);
      const csv = [
        'name,company,phones,emails,handles',
        'Пётр Сидоров,Globex,+7 912 000-00-01;8 (912) 000-00-02,petr@globex.com,',
        '"Sidorov, P.",,89120000002,,@petr',
        'Zoe,Globex,,zoe@globex.com,',
      ].join('\n');
      const rows = await readCustomerRows(Readable.from(csv), 'RU');
      const s = await importCustomerRows(store, rows, 'RU');
      expect(s).toMatchObject({ rows: 3, created: 2, updated: 1, unchanged: 0, merged: 0 });
      const petr = await app.inject({ method: 'GET', url: '/api/v1/telephony/lookup?number=89120000001' });
      expect(petr.json()).toMatchObject({
        customer: { name: 'Sidorov, P.', phones: ['+79120000001', '+79120000002'], handles: ['@petr'] },
        company: { name: 'Globex' },
      });
      const again = await importCustomerRows(store, await readCustomerRows(Readable.from(csv), 'RU'), 'RU');
      // the first row sets the name back; the others change nothing
      expect(again).toMatchObject({ created: 0, updated: 2, unchanged: 1 });
      const companies = (await app.inject({ method: 'GET', url: '/api/v1/companies?q=glob' })).json()
        .companies;
      expect(companies).toEqual([{ company_id: 'co-globex', name: 'Globex' }]);
    });
  });
}
