import type { Kysely, Migration } from 'kysely';
import {
  CONTACT_FACT_COLUMNS,
  type ColumnKind,
  REQUIRED,
  SEGMENT_COLUMNS,
  STRETCH_COLUMNS,
  TICKET_FACT_COLUMNS,
} from '../columns.js';
import type { DialectName } from '../dialect.js';

const TYPES: Record<
  DialectName,
  Record<ColumnKind, 'text' | 'integer' | 'bigint' | 'real' | 'double precision'>
> = {
  sqlite: { text: 'text', int: 'integer', instant: 'bigint', seconds: 'real' },
  postgres: { text: 'text', int: 'integer', instant: 'bigint', seconds: 'double precision' },
};

export function initialMigration(dialect: DialectName): Migration {
  const t = TYPES[dialect];
  const table = async (
    db: Kysely<unknown>,
    name: string,
    cols: Record<string, ColumnKind>,
    pk: string[],
    required: ReadonlySet<string> = new Set(),
  ) => {
    let b = db.schema.createTable(name);
    for (const [col, kind] of Object.entries(cols)) {
      b = b.addColumn(col, t[kind], (c) => (required.has(col) || pk.includes(col) ? c.notNull() : c));
    }
    await b.addPrimaryKeyConstraint(`${name}_pk`, pk as never).execute();
  };
  return {
    async up(db) {
      let events = db.schema.createTable('events');
      events =
        dialect === 'postgres'
          ? events.addColumn('seq', 'bigserial', (c) => c.primaryKey())
          : events.addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement());
      await events
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('stream', 'text', (c) => c.notNull())
        .addColumn('ticket_id', 'text')
        .addColumn('actor_id', 'text')
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('events_stream').on('events').columns(['stream', 'at']).execute();
      await db.schema
        .createIndex('events_ticket')
        .on('events')
        .column('ticket_id')
        .where('ticket_id' as never, 'is not', null)
        .execute();
      await db.schema
        .createIndex('events_actor')
        .on('events')
        .column('actor_id')
        .where('actor_id' as never, 'is not', null)
        .execute();

      await table(
        db,
        'tickets',
        {
          ticket_id: 'text',
          status: 'text',
          channel: 'text',
          subject: 'text',
          customer: 'text',
          category: 'text',
          priority: 'text',
          team_id: 'text',
          line: 'int',
          assignee_id: 'text',
          created_at: 'instant',
          updated_at: 'instant',
          version: 'int',
        },
        ['ticket_id'],
      );
      await db.schema.createIndex('tickets_customer').on('tickets').column('customer').execute();
      await table(
        db,
        'contacts',
        {
          contact_id: 'text',
          channel: 'text',
          customer: 'text',
          queue: 'text',
          ticket_id: 'text',
          agent_id: 'text',
          outcome: 'text',
          offered_at: 'instant',
          updated_at: 'instant',
        },
        ['contact_id'],
      );
      await db.schema.createIndex('contacts_ticket').on('contacts').column('ticket_id').execute();
      await table(db, 'ticket_facts', TICKET_FACT_COLUMNS, ['ticket_id'], REQUIRED.ticket_facts);
      for (const col of [
        'created_at',
        'first_response_at',
        'first_assigned_at',
        'first_resolved_at',
        'l1_processed_at',
        'rated_at',
      ]) {
        await db.schema.createIndex(`ticket_facts_${col}`).on('ticket_facts').column(col).execute();
      }
      await db.schema.createIndex('ticket_facts_team').on('ticket_facts').column('team_id').execute();
      await db.schema.createIndex('ticket_facts_contact').on('ticket_facts').column('contact_id').execute();
      await db.schema.createIndex('ticket_facts_calendar').on('ticket_facts').column('calendar_id').execute();
      await table(db, 'contact_facts', CONTACT_FACT_COLUMNS, ['contact_id'], REQUIRED.contact_facts);
      await db.schema.createIndex('contact_facts_offered').on('contact_facts').column('offered_at').execute();
      await table(db, 'ticket_tags', { ticket_id: 'text', tag: 'text' }, ['ticket_id', 'tag']);
      await db.schema
        .createIndex('ticket_tags_tag')
        .on('ticket_tags')
        .columns(['tag', 'ticket_id'])
        .execute();
      await table(db, 'ticket_segments', SEGMENT_COLUMNS, ['ticket_id', 'seg_no'], REQUIRED.ticket_segments);
      await db.schema
        .createIndex('ticket_segments_from')
        .on('ticket_segments')
        .columns(['from_at', 'to_at'])
        .execute();
      await table(
        db,
        'agents',
        {
          agent_id: 'text',
          name: 'text',
          line: 'int',
          team_id: 'text',
          role: 'text',
          profile_at: 'instant',
          status: 'text',
          status_at: 'instant',
        },
        ['agent_id'],
      );
      await table(db, 'agent_stretches', STRETCH_COLUMNS, ['agent_id', 'start_at'], REQUIRED.agent_stretches);
      await table(
        db,
        'customers',
        {
          customer_id: 'text',
          name: 'text',
          company_id: 'text',
          merged_into: 'text',
          profile_at: 'instant',
        },
        ['customer_id'],
      );
      await table(db, 'customer_identifiers', { identifier: 'text', customer_id: 'text' }, ['identifier']);
      await table(db, 'companies', { company_id: 'text', name: 'text', profile_at: 'instant' }, [
        'company_id',
      ]);
      await table(db, 'calendars', { calendar_id: 'text', spec: 'text', defined_at: 'instant' }, [
        'calendar_id',
      ]);
      await table(
        db,
        'teams',
        { team_id: 'text', name: 'text', calendar_id: 'text', profile_at: 'instant' },
        ['team_id'],
      );
    },
  };
}
