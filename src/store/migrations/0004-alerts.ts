import type { Migration } from 'kysely';
import type { DialectName } from '../dialect.js';

/**
 * Alerts (escalation spikes, SLA breaches, abandonment), the webhooks they are delivered to, and a log of
 * every delivery attempt. They are judgements about the log, not projections of it: a rebuild keeps them.
 * An index on events (type, at) lets the alert rules find escalations without scanning the whole log.
 */
export function alertsMigration(dialect: DialectName): Migration {
  const real = dialect === 'postgres' ? 'double precision' : 'real';
  return {
    async up(db) {
      await db.schema
        .createTable('alerts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('bucket', 'text', (c) => c.notNull())
        .addColumn('bucket_start', 'bigint', (c) => c.notNull())
        .addColumn('bucket_label', 'text', (c) => c.notNull())
        .addColumn('dimension', 'text')
        .addColumn('value', 'text')
        .addColumn('observed', 'integer', (c) => c.notNull())
        .addColumn('expected', real, (c) => c.notNull())
        .addColumn('ratio', real)
        .addColumn('p_value', real, (c) => c.notNull())
        .addColumn('dispersion', real, (c) => c.notNull())
        .addColumn('exposure', 'integer')
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('alerts_bucket_start').on('alerts').column('bucket_start').execute();
      await db.schema
        .createTable('webhooks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('kinds', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('webhook_deliveries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('webhook_id', 'text', (c) => c.notNull())
        .addColumn('alert_id', 'text', (c) => c.notNull())
        .addColumn('attempt', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('http_status', 'integer')
        .addColumn('error', 'text')
        .addColumn('duration_ms', 'integer', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('webhook_deliveries_webhook')
        .on('webhook_deliveries')
        .columns(['webhook_id', 'at'])
        .execute();
      await db.schema
        .createIndex('webhook_deliveries_alert')
        .on('webhook_deliveries')
        .column('alert_id')
        .execute();
      await db.schema.createIndex('events_type_at').on('events').columns(['type', 'at']).execute();
    },
  };
}
