/**
 * API tokens: a user mints tokens for themself only (an administrator minting one for someone
 * else could act as them, audited as them), lists and revokes them; an administrator lists and
 * revokes anyone's. Every token of a user is revoked when their password is reset or their
 * account is deactivated, so reactivating an account never revives an old token.
 */
import { ForbiddenError, NotFoundError } from "@giamsat/core";
import {
  deleteUserToken,
  deleteUserTokens,
  findUserById,
  findUserByUsername,
  listUserTokens,
  recordAudit,
  type Database,
  type User,
} from "@giamsat/db";
import type { Kysely } from "kysely";
import type { Actor } from "./actor.js";
import { issueApiToken } from "./auth.service.js";
import type { Ctx } from "./context.js";

export type TokenView = { id: number; name: string; createdAt: string; lastUsedAt: string | null };

function requireSelfOrAdmin(actor: Actor, userId: number): void {
  if (actor.userId !== userId && actor.role !== "admin")
    throw new ForbiddenError("Chỉ người dùng hoặc quản trị mới xem, thu hồi mã truy cập này.");
}

async function loadUser(ctx: Ctx, userId: number): Promise<User> {
  const user = await findUserById(ctx.db, userId);
  if (!user) throw new NotFoundError(`Không tìm thấy người dùng số hiệu ${userId}.`);
  return user;
}

/**
 * The user's tokens (name and dates, never the token): the user or an administrator (null: the
 * command line).
 */
export async function listTokensFor(
  ctx: Ctx,
  actor: Actor | null,
  userId: number,
): Promise<TokenView[]> {
  if (actor) requireSelfOrAdmin(actor, userId);
  await loadUser(ctx, userId);
  return (await listUserTokens(ctx.db, userId)).map((t) => ({
    id: t.id,
    name: t.name,
    createdAt: t.created_at,
    lastUsedAt: t.last_used_at,
  }));
}

/** A new token for the actor themself (shown once). */
export async function issueOwnToken(ctx: Ctx, actor: Actor, name: string): Promise<string> {
  return issueApiToken(ctx, await loadUser(ctx, actor.userId), name, actor.userId);
}

/** Revokes one token: the user or an administrator (null: the command line); audited. */
export async function revokeTokenFor(
  ctx: Ctx,
  actor: Actor | null,
  userId: number,
  tokenId: number,
): Promise<void> {
  if (actor) requireSelfOrAdmin(actor, userId);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await deleteUserToken(trx, userId, tokenId)))
      throw new NotFoundError(`Không tìm thấy mã truy cập số hiệu ${tokenId} của người dùng này.`);
    await recordAudit(trx, {
      actorId: actor?.userId ?? null,
      action: "token.revoke",
      entity: "api_token",
      entityId: tokenId,
      before: { userId },
    });
  });
}

/**
 * Revokes every token of a user inside the caller's transaction (password reset, deactivation,
 * `giamsat user token U --revoke all`); audited when there was any.
 */
export async function revokeAllTokens(
  db: Kysely<Database>,
  actorId: number | null,
  userId: number,
  reason: string,
): Promise<number> {
  const ids = await deleteUserTokens(db, userId);
  if (ids.length) {
    await recordAudit(db, {
      actorId,
      action: "token.revoke_all",
      entity: "user",
      entityId: userId,
      before: { tokenIds: ids },
      reason,
    });
  }
  return ids.length;
}

/** The user named, for the command line (which acts as the operator of the server). */
export async function userNamed(ctx: Ctx, username: string): Promise<User> {
  const user = await findUserByUsername(ctx.db, username);
  if (!user) throw new NotFoundError(`Không tìm thấy người dùng "${username}".`);
  return user;
}
