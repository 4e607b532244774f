import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DomainEventInput } from '../../domain/events.js';
import { companyFor } from '../../ingest/customers/companies.js';
import { customerCard } from '../../ingest/customers/lookup.js';
import { normalisePhone } from '../../ingest/customers/phone.js';
import { planCustomerUpsert } from '../../ingest/customers/upsert-customer.js';
import type { FirstLineConfig } from '../../ingest/first-line-config.js';
import { ingest } from '../../ingest/ingest.js';
import { finalCustomerId, searchCustomers } from '../../store/customer-view.js';
import type { Store } from '../../store/store.js';
import { HttpError } from '../errors.js';

const identifierList = z.array(z.string().trim().min(1).max(200)).max(50).optional();
const customerBody = z.strictObject({
  customer_id: z.string().trim().min(1).max(200).optional(),
  name: z.string().trim().min(1).max(200).optional(),
  company_id: z.string().trim().min(1).max(200).optional(),
  company: z.string().trim().min(1).max(200).optional().describe('a company by name: found, or created'),
  phones: identifierList,
  emails: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[^@\s]+@[^@\s]+$/, 'must be an e-mail address'),
    )
    .max(50)
    .optional(),
  handles: identifierList,
});

/** Customers (name, phones, e-mails, handles) of client companies: search, card, create or update (merged by identifier), merge. */
export function customerRoutes(
  store: Store,
  config: FirstLineConfig,
  now: () => number,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/v1/customers', {
      config: { permission: 'tickets:read' },
      schema: {
        summary: 'Search customers by name, phone (any form), e-mail, handle or company name',
        tags: ['customers'],
        querystring: z.object({
          q: z.string().max(200).default(''),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
      handler: async (req) => {
        const phone = req.query.q.trim() ? normalisePhone(req.query.q, config.defaultCountry) : null;
        return {
          customers: await searchCustomers(store.db, req.query.q, phone ? [phone] : [], req.query.limit),
        };
      },
    });
    app.get('/api/v1/customers/:id', {
      config: { permission: 'tickets:read' },
      schema: {
        summary: "A customer's card: profile, company, customers merged into it, open tickets",
        tags: ['customers'],
        params: z.object({ id: z.string().min(1).max(200) }),
      },
      handler: async (req) => {
        const card = await customerCard(store.db, req.params.id);
        if (!card.customer)
          throw new HttpError(404, 'not_found', `no customer ${JSON.stringify(req.params.id)}`);
        return card;
      },
    });
    app.post('/api/v1/customers', {
      config: { permission: 'tickets:write' },
      schema: {
        summary:
          'Create or update a customer; customers sharing a phone, e-mail or handle are merged into one',
        tags: ['customers'],
        body: customerBody,
      },
      handler: async (req, reply) => {
        const at = new Date(now()).toISOString();
        const { company, ...input } = req.body;
        const events: DomainEventInput[] = [];
        let companyId = input.company_id;
        if (!companyId && company) {
          const c = await companyFor(store.db, company, at, randomUUID());
          companyId = c.companyId;
          events.push(...c.events);
        }
        const plan = await planCustomerUpsert(
          store.db,
          { ...input, company_id: companyId },
          config.defaultCountry,
          at,
        );
        events.push(...plan.events);
        const appended = events.length ? (await ingest(store, events)).appended : 0;
        return reply.code(plan.created ? 201 : 200).send({
          customer_id: plan.customerId,
          created: plan.created,
          merged: plan.merged,
          appended,
          ...(await customerCard(store.db, plan.customerId)),
        });
      },
    });
    app.post('/api/v1/customers/:id/merge', {
      config: { permission: 'tickets:write' },
      schema: {
        summary: 'Merge a customer into another (its identifiers and tickets follow)',
        tags: ['customers'],
        params: z.object({ id: z.string().min(1).max(200) }),
        body: z.strictObject({ into: z.string().trim().min(1).max(200) }),
      },
      handler: async (req) => {
        const from = await finalCustomerId(store.db, req.params.id);
        const into = await finalCustomerId(store.db, req.body.into);
        if (!from) throw new HttpError(404, 'not_found', `no customer ${JSON.stringify(req.params.id)}`);
        if (!into)
          throw new HttpError(400, 'invalid_request', `no customer ${JSON.stringify(req.body.into)}`, [
            { field: 'into', message: 'unknown customer' },
          ]);
        if (from === into)
          throw new HttpError(400, 'invalid_request', 'a customer cannot be merged into itself', [
            { field: 'into', message: 'same customer' },
          ]);
        const at = new Date(now()).toISOString();
        // Planned as an update of the survivor naming the other's identifiers: their owner is merged into it,
        // and the surviving profile names every identifier of both.
        const card = (await customerCard(store.db, from)).customer!;
        const plan = await planCustomerUpsert(
          store.db,
          { customer_id: into, phones: card.phones, emails: card.emails, handles: card.handles },
          config.defaultCountry,
          at,
        );
        const events: DomainEventInput[] = plan.merged.includes(from)
          ? plan.events
          : [{ id: randomUUID(), type: 'customer.merged', at, from, into }, ...plan.events];
        await ingest(store, events);
        return customerCard(store.db, into);
      },
    });
    app.get('/api/v1/companies', {
      config: { permission: 'tickets:read' },
      schema: {
        summary: 'Client companies (a service company serves many), by name',
        tags: ['customers'],
        querystring: z.object({ q: z.string().max(200).default('') }),
      },
      handler: async (req) => {
        const pattern = `%${req.query.q.trim().toLowerCase()}%`;
        const companies = await store.db
          .selectFrom('companies')
          .select(['company_id', 'name'])
          .where('search_name', 'like', pattern)
          .orderBy('name')
          .limit(200)
          .execute();
        return { companies };
      },
    });
    app.post('/api/v1/companies', {
      config: { permission: 'tickets:write' },
      schema: {
        summary: 'Create or rename a client company',
        tags: ['customers'],
        body: z.strictObject({
          company_id: z.string().trim().min(1).max(200).optional(),
          name: z.string().trim().min(1).max(200),
        }),
      },
      handler: async (req, reply) => {
        const at = new Date(now()).toISOString();
        if (req.body.company_id) {
          await ingest(store, [
            {
              id: randomUUID(),
              type: 'company.profile',
              at,
              company_id: req.body.company_id,
              name: req.body.name,
            },
          ]);
          return reply.code(200).send({ company_id: req.body.company_id, name: req.body.name });
        }
        const c = await companyFor(store.db, req.body.name, at, randomUUID());
        if (c.events.length) await ingest(store, c.events);
        return reply.code(c.events.length ? 201 : 200).send({ company_id: c.companyId, name: req.body.name });
      },
    });
  };
}
