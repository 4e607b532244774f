import type { Migration } from 'kysely';

/**
 * Each agent records the log position that last derived their work stretches again, so the in-memory copy
 * of the stretches (break compliance, hours worked) reads again only the agents whose stretches changed. A
 * derivation deletes and rewrites stretches, so a position on the stretch rows alone would miss deletions.
 */
export const stretchRevisionsMigration: Migration = {
  async up(db) {
    await db.schema
      .alterTable('agents')
      .addColumn('stretches_rev', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
