import { randomUUID } from 'node:crypto';
import { findApiTokenByHash, insertApiToken, markApiTokenUsed } from '../../store/auth-tokens.js';
import { findUser } from '../../store/auth-users.js';
import type { AuthContext } from './context.js';
import { isPermission, type Permission, type Principal, tokenPermissions } from './permissions.js';
import { randomSecret, sha256 } from './secrets.js';

/** Recognisable in logs and by secret scanners; the rest is 256 random bits. */
export const TOKEN_PREFIX = 'fl_';

export interface NewToken {
  token_id: string;
  /** the secret itself: shown once, never stored */
  token: string;
}

export async function createApiToken(
  ctx: AuthContext,
  input: {
    userId: string;
    name: string;
    scopes: readonly Permission[];
    createdBy: string;
    expiresAt?: number;
  },
): Promise<NewToken> {
  const token = `${TOKEN_PREFIX}${randomSecret()}`;
  const tokenId = randomUUID();
  await insertApiToken(ctx.store.db, {
    token_id: tokenId,
    token_hash: sha256(token),
    user_id: input.userId,
    name: input.name,
    scopes: JSON.stringify([...new Set(input.scopes)]),
    created_at: ctx.now(),
    created_by: input.createdBy,
    last_used_at: null,
    expires_at: input.expiresAt ?? null,
    revoked_at: null,
  });
  return { token_id: tokenId, token };
}

export const parseScopes = (json: string): Permission[] =>
  (JSON.parse(json) as string[]).filter((s): s is Permission => isPermission(s));

/** The principal behind a bearer token, or null when it is unknown, revoked, expired or its owner disabled. */
export async function tokenPrincipal(ctx: AuthContext, token: string): Promise<Principal | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await findApiTokenByHash(ctx.store.db, sha256(token));
  const now = ctx.now();
  if (!row || row.revoked_at !== null || (row.expires_at !== null && Number(row.expires_at) <= now))
    return null;
  const user = await findUser(ctx.store.db, row.user_id);
  if (!user || user.disabled) return null;
  // Write the last-use time at most once a minute: a busy integration must not turn reads into writes.
  if (row.last_used_at === null || now - Number(row.last_used_at) > 60_000)
    await markApiTokenUsed(ctx.store.db, row.token_id, now);
  return {
    kind: 'token',
    user,
    permissions: tokenPermissions(user.role, parseScopes(row.scopes)),
    tokenId: row.token_id,
  };
}
