import { randomBytes } from 'node:crypto';
import type { Store } from '../../store/store.js';

const KEY = 'ratings.secret';

/**
 * The key rating links are signed with: the configured one, else one generated on first use and kept in
 * the settings table, so links stay valid across restarts and across servers sharing the database.
 */
export async function ratingSecret(store: Store, configured: string | null): Promise<string> {
  if (configured) return configured;
  const known = await store.getSetting(KEY);
  if (typeof known === 'string' && known) return known;
  // Two servers starting at once: the first insert wins and both read it back.
  await store.db
    .insertInto('settings')
    .values({
      key: KEY,
      value: JSON.stringify(randomBytes(32).toString('base64url')),
      updated_at: Date.now(),
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return (await store.getSetting(KEY)) as string;
}
