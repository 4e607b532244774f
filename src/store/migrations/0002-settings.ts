import type { Migration } from 'kysely';

/** Settings (KPI targets and the like): configuration, not history, so they live beside the log. */
export const settingsMigration: Migration = {
  async up(db) {
    await db.schema
      .createTable('settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};
