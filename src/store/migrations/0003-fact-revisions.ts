import type { Migration } from 'kysely';

/**
 * Each facts row records the log position (the highest event seq of the append) that last wrote it, so
 * an in-memory copy of the facts (the KPI engine's column cache) can catch up with what changed since.
 */
export const factRevisionsMigration: Migration = {
  async up(db) {
    for (const table of ['ticket_facts', 'contact_facts']) {
      await db.schema
        .alterTable(table)
        .addColumn('rev', 'bigint', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex(`${table}_rev`).on(table).column('rev').execute();
    }
    // The backlog at an instant reads segments still open or closed after it: a range on to_at.
    await db.schema
      .createIndex('agent_stretches_end')
      .on('agent_stretches')
      .columns(['end_at', 'start_at'])
      .execute();
    await db.schema
      .createIndex('ticket_segments_to')
      .on('ticket_segments')
      .columns(['to_at', 'from_at'])
      .execute();
  },
};
