import { randomBytes, randomUUID } from 'node:crypto';
import type { WebhooksTable } from '../../store/schema.js';
import type { Store } from '../../store/store.js';
import type { AlertKind } from './evaluate.js';

export interface Webhook {
  id: string;
  url: string;
  /** the alert kinds delivered; empty means every kind */
  kinds: AlertKind[];
  active: boolean;
  description: string | null;
  created_at: string;
  updated_at: string;
}

/** A webhook with its signing secret: shown once, when it is created (or when the secret is replaced). */
export interface WebhookWithSecret extends Webhook {
  secret: string;
}

export interface WebhookInput {
  url: string;
  kinds?: AlertKind[];
  active?: boolean;
  description?: string | null;
  /** at least 16 characters; default a random 32-byte hex key */
  secret?: string;
}

const fromRow = (r: WebhooksTable): Webhook => ({
  id: r.id,
  url: r.url,
  kinds: JSON.parse(r.kinds) as AlertKind[],
  active: Number(r.active) === 1,
  description: r.description,
  created_at: new Date(Number(r.created_at)).toISOString(),
  updated_at: new Date(Number(r.updated_at)).toISOString(),
});

export async function createWebhook(
  store: Store,
  input: WebhookInput,
  now: number,
): Promise<WebhookWithSecret> {
  const row: WebhooksTable = {
    id: randomUUID(),
    url: input.url,
    secret: input.secret ?? randomBytes(32).toString('hex'),
    kinds: JSON.stringify(input.kinds ?? []),
    active: input.active === false ? 0 : 1,
    description: input.description ?? null,
    created_at: now,
    updated_at: now,
  };
  await store.db.insertInto('webhooks').values(row).execute();
  return { ...fromRow(row), secret: row.secret };
}

export async function listWebhooks(store: Store): Promise<Webhook[]> {
  const rows = await store.db
    .selectFrom('webhooks')
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(fromRow);
}

export async function getWebhook(store: Store, id: string): Promise<Webhook | null> {
  const row = await store.db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? fromRow(row) : null;
}

/** Changes the given fields; returns null for an unknown id, and the secret only when it was replaced. */
export async function updateWebhook(
  store: Store,
  id: string,
  patch: Partial<WebhookInput>,
  now: number,
): Promise<Webhook | WebhookWithSecret | null> {
  const set: Partial<WebhooksTable> = { updated_at: now };
  if (patch.url !== undefined) set.url = patch.url;
  if (patch.kinds !== undefined) set.kinds = JSON.stringify(patch.kinds);
  if (patch.active !== undefined) set.active = patch.active ? 1 : 0;
  if (patch.description !== undefined) set.description = patch.description;
  if (patch.secret !== undefined) set.secret = patch.secret;
  const r = await store.db.updateTable('webhooks').set(set).where('id', '=', id).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return null;
  const hook = (await getWebhook(store, id))!;
  return patch.secret !== undefined ? { ...hook, secret: patch.secret } : hook;
}

/** Deletes the webhook and its delivery log; false for an unknown id. */
export async function deleteWebhook(store: Store, id: string): Promise<boolean> {
  const r = await store.db.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
  await store.db.deleteFrom('webhook_deliveries').where('webhook_id', '=', id).execute();
  return Number(r.numDeletedRows) > 0;
}

/** Active webhooks with their secrets, for delivery. */
export async function activeWebhooks(store: Store): Promise<(Webhook & { secret: string })[]> {
  const rows = await store.db.selectFrom('webhooks').selectAll().where('active', '=', 1).execute();
  return rows.map((r) => ({ ...fromRow(r), secret: r.secret }));
}
