import { sql } from 'kysely';
import type { Store } from '../store/store.js';
import { computeKpis, type KpiReport } from './engine.js';
import type { KpiId, KpiQuery } from './types.js';

const MAX_ENTRIES = 64;

/**
 * The dashboard's many identical requests: one computation per (cut, data version), shared by every
 * request asking for it while it runs and, on SQLite, kept until the next write. The data version is the
 * log's last position and the settings' last change; SQLite writers commit in log order, so a new write
 * always shows. On PostgreSQL a slower writer may commit an earlier position later, so there only requests
 * running at the same moment share a result. `now` (up to which pending items and running stretches are
 * measured) is taken to the minute, so a dashboard reloaded within a minute gets the same answer.
 */
export class KpiResultCache {
  private readonly entries = new Map<string, Promise<KpiReport>>();

  constructor(private readonly store: Store) {}

  async get(query: KpiQuery, kpis: readonly KpiId[]): Promise<KpiReport> {
    const q = { ...query, now: Math.floor(query.now / 60_000) * 60_000 };
    const keep = this.store.dialect === 'sqlite';
    const key = `${keep ? await this.version() : 'live'}|${JSON.stringify(q)}|${kpis.join(',')}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = computeKpis(this.store, q, kpis);
      this.entries.set(key, entry);
      const forget = () => this.entries.delete(key);
      // a failure is never served again; on PostgreSQL nothing outlives its computation
      entry.then(keep ? () => undefined : forget, forget);
      if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    }
    return entry;
  }

  private async version(): Promise<string> {
    const r = await sql<{ seq: number | null; settings: number | null }>`
      SELECT (SELECT max(seq) FROM events) AS seq, (SELECT max(updated_at) FROM settings) AS settings`.execute(
      this.store.db,
    );
    const row = r.rows[0];
    return `${row?.seq ?? 0}/${row?.settings ?? 0}`;
  }
}
