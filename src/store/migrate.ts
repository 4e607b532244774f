import { type Kysely, type Migration, Migrator } from 'kysely';
import type { DialectName } from './dialect.js';
import { initialMigration } from './migrations/0001-initial.js';
import { settingsMigration } from './migrations/0002-settings.js';
import { factRevisionsMigration } from './migrations/0003-fact-revisions.js';
import { alertsMigration } from './migrations/0004-alerts.js';
import { authMigration } from './migrations/0005-auth.js';
import { customerSearchMigration } from './migrations/0006-customer-search.js';
import { stretchRevisionsMigration } from './migrations/0007-stretch-revisions.js';
import { fewerFactIndexesMigration } from './migrations/0008-fewer-fact-indexes.js';
import type { Database } from './schema.js';

/** One migration set for every store; the dialect only picks column type names. */
export function migrations(dialect: DialectName): Record<string, Migration> {
  return {
    '0001-initial': initialMigration(dialect),
    '0002-settings': settingsMigration,
    '0003-fact-revisions': factRevisionsMigration,
    '0004-alerts': alertsMigration(dialect),
    '0005-auth': authMigration,
    '0006-customer-search': customerSearchMigration,
    '0007-stretch-revisions': stretchRevisionsMigration,
    '0008-fewer-fact-indexes': fewerFactIndexesMigration,
  };
}

/**
 * Two processes opening a new SQLite file at once may race to create it; the loser sees the schema its
 * peer just made, so migration is tried again before it counts as failed.
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  dialect: DialectName,
  attempts = 3,
): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      return await migrateOnce(db, dialect);
    } catch (err) {
      if (i >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 50 * i));
    }
  }
}

async function migrateOnce(db: Kysely<Database>, dialect: DialectName): Promise<void> {
  // Features land migrations in parallel; a store that already ran a later-numbered one must still take an earlier one.
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations(dialect) },
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
