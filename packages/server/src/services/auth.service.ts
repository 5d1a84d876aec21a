import { createHash, randomBytes } from "node:crypto";
import { DomainError } from "@giamsat/core";
import {
  deleteExpiredSessions,
  deleteSession,
  findCredentialUser,
  findUserByUsername,
  insertApiToken,
  insertSession,
  recordAudit,
  userUnitIds,
  type Credential,
  type User,
} from "@giamsat/db";
import { isUnitRole, type Actor, type Role } from "./actor.js";
import { nowIso, nowOf, type Ctx } from "./context.js";
import type { LoginLimiter } from "./login-limiter.js";
import { hashPassword, verifyPassword } from "./password.js";

export const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");
const randomToken = (): string => randomBytes(32).toString("base64url");

export const unauthenticated = () =>
  new DomainError("unauthenticated", "Bạn cần đăng nhập để tiếp tục.");

/** The actor for a user: a unit user sees its units and every unit under them. */
export async function actorFor(ctx: Ctx, user: User, via: Actor["via"]): Promise<Actor> {
  const role = user.role as Role;
  let units: number[] | null = null;
  if (isUnitRole(role)) {
    units = await userUnitIds(ctx.db, user.id, user.org_id);
  }
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    role,
    orgId: user.org_id,
    units,
    via,
  };
}

export type LoginResult = { token: string; csrfToken: string; actor: Actor; expiresAt: string };

/** A hash no password matches, verified for unknown accounts so they answer as slowly. */
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword(randomToken()));

/**
 * Logs in with a password. Existing, unknown, inactive and throttled accounts answer in the
 * same time (one lookup and one scrypt verification each); logins and failed logins are audited.
 */
export async function login(
  ctx: Ctx,
  limiter: LoginLimiter,
  input: { username: string; password: string; ip: string },
): Promise<LoginResult> {
  const refusal = await limiter.refusal(input.username, input.ip);
  const user = await findUserByUsername(ctx.db, input.username);
  const matches = await verifyPassword(input.password, user?.password_hash ?? (await decoy()));
  if (refusal) throw refusal;
  if (!user || !matches) {
    await limiter.fail(input.username, input.ip);
    await recordAudit(ctx.db, {
      actorId: null,
      action: "auth.login_failed",
      entity: "user",
      entityId: user?.id ?? null,
      after: { username: input.username.slice(0, 100), ip: input.ip },
    });
    throw new DomainError("unauthenticated", "Tên đăng nhập hoặc mật khẩu không đúng.");
  }
  // said only to whoever knows the password: a guess learns nothing about the account
  if (user.active !== 1) {
    throw new DomainError(
      "account_locked",
      "Tài khoản này đã bị khoá. Hãy liên hệ quản trị hệ thống để được mở khoá.",
    );
  }
  await limiter.succeed(input.username);
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(nowOf(ctx).getTime() + ctx.config.sessionTtlMs).toISOString();
  await deleteExpiredSessions(ctx.db, nowIso(ctx));
  await insertSession(ctx.db, {
    id: sha256(token),
    user_id: user.id,
    csrf_token: csrfToken,
    expires_at: expiresAt,
  });
  await recordAudit(ctx.db, {
    actorId: user.id,
    action: "auth.login",
    entity: "user",
    entityId: user.id,
    after: { ip: input.ip },
  });
  return { token, csrfToken, actor: await actorFor(ctx, user, "session"), expiresAt };
}

export async function logout(ctx: Ctx, token: string): Promise<void> {
  await deleteSession(ctx.db, sha256(token));
}

/** The actor an API token or a live session names (one statement), and the session's CSRF token. */
async function credentialActor(
  ctx: Ctx,
  credential: Credential,
  via: Actor["via"],
): Promise<{ actor: Actor; csrfToken: string | null } | undefined> {
  const found = await findCredentialUser(ctx.db, credential);
  if (!found) return undefined;
  const { user, units, csrfToken } = found;
  return {
    actor: {
      userId: user.id,
      username: user.username,
      displayName: user.display_name,
      role: user.role as Role,
      orgId: user.org_id,
      units,
      via,
    },
    csrfToken,
  };
}

/** The session's actor and CSRF token, or undefined when the token is unknown or expired. */
export async function sessionActor(
  ctx: Ctx,
  token: string,
): Promise<{ actor: Actor; csrfToken: string } | undefined> {
  const found = await credentialActor(
    ctx,
    { sessionId: sha256(token), now: nowIso(ctx) },
    "session",
  );
  return found ? { actor: found.actor, csrfToken: found.csrfToken ?? "" } : undefined;
}

export async function tokenActor(ctx: Ctx, token: string): Promise<Actor | undefined> {
  return (await credentialActor(ctx, { tokenHash: sha256(token) }, "token"))?.actor;
}

/** Issues an API token for a user (shown once; only its hash is stored). */
export async function issueApiToken(
  ctx: Ctx,
  user: User,
  name: string,
  actorId: number | null,
): Promise<string> {
  const token = `gs_${randomToken()}`;
  await ctx.db.transaction().execute(async (trx) => {
    const id = await insertApiToken(trx, user.id, sha256(token), name);
    await recordAudit(trx, {
      actorId,
      action: "token.issue",
      entity: "api_token",
      entityId: id,
      after: { userId: user.id, name },
    });
  });
  return token;
}
