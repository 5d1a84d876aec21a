import { ConflictError, NotFoundError, ValidationError } from "@giamsat/core";
import {
  deleteOtherSessions,
  deleteUserSessions,
  findUserById,
  findUserByUsername,
  insertUser,
  recordAudit,
  searchUsers,
  setUserOrgs,
  countOtherActiveAdmins,
  updateUser,
  userOrgIds,
  userOrgIdsOf,
  type ListedUser,
  type User,
  type UserSearch,
  existingOrganisationIds,
  getOrganisation,
} from "@giamsat/db";
import { isUnitRole, requireRole, type Actor, type Role } from "./actor.js";
import { issueApiToken } from "./auth.service.js";
import type { Ctx } from "./context.js";
import { revokeAllTokens } from "./token.service.js";
import { generatePassword, hashPassword, verifyPassword } from "./password.js";
import { checkNewPassword } from "./password-policy.js";

export type UserView = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgId: number | null;
  orgName: string | null;
  orgIds: number[];
  active: boolean;
  createdAt: string;
  /** where e-mail notifications go; null: in-app only */
  email: string | null;
};

export type NewUserInput = {
  username: string;
  displayName?: string;
  role: Role;
  orgId?: number | null;
  /** further units the user acts for */
  orgIds?: number[];
  password?: string;
  email?: string | null;
};

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** An e-mail address as typed: trimmed, '' meaning none; throws naming the field otherwise. */
function checkEmail(email: string | null | undefined): string | null | undefined {
  if (email === undefined || email === null) return email;
  const value = email.trim();
  if (!value) return null;
  if (value.length > 254 || !EMAIL.test(value)) {
    throw new ValidationError(`email: địa chỉ e-mail không hợp lệ: "${value}".`);
  }
  return value;
}

async function checkOrgs(
  ctx: Ctx,
  role: Role,
  orgId: number | null,
  orgIds: readonly number[],
): Promise<void> {
  if (isUnitRole(role) && orgId === null)
    throw new ValidationError("orgId: tài khoản của đơn vị phải gắn với một đơn vị.");
  const all = [...new Set([...(orgId === null ? [] : [orgId]), ...orgIds])];
  if (!all.length) return;
  const found = await existingOrganisationIds(ctx.db, all);
  if (found.size !== all.length)
    throw new ValidationError("orgId: đơn vị không có trong danh mục.");
}

function toView(user: ListedUser, orgIds: number[]): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    orgId: user.org_id,
    orgName: user.org_name,
    orgIds,
    active: user.active === 1,
    createdAt: user.created_at,
    email: user.email,
  };
}

async function view(ctx: Ctx, user: User): Promise<UserView> {
  const org = user.org_id === null ? undefined : await getOrganisation(ctx.db, user.org_id);
  return toView({ ...user, org_name: org?.name ?? null }, await userOrgIds(ctx.db, user.id));
}

/** Creates an account; a password is generated (and returned once) when none is given. */
export async function createUser(
  ctx: Ctx,
  actorId: number | null,
  input: NewUserInput,
): Promise<{ user: UserView; password: string | null }> {
  const username = input.username.trim();
  if (!/^[a-zA-Z0-9._-]{3,64}$/.test(username)) {
    throw new ValidationError(
      "username: tên đăng nhập 3–64 ký tự, chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới.",
    );
  }
  if (await findUserByUsername(ctx.db, username))
    throw new ConflictError(`Tên đăng nhập "${username}" đã tồn tại.`);
  const orgId = input.orgId ?? null;
  await checkOrgs(ctx, input.role, orgId, input.orgIds ?? []);
  const generated = input.password === undefined ? generatePassword() : null;
  const password = input.password ?? (generated as string);
  checkNewPassword(password);
  const email = checkEmail(input.email) ?? null;
  const passwordHash = await hashPassword(password);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await insertUser(
      trx,
      {
        username,
        display_name: input.displayName?.trim() || username,
        password_hash: passwordHash,
        role: input.role,
        org_id: orgId,
        email,
      },
      [...(orgId === null ? [] : [orgId]), ...(input.orgIds ?? [])],
    );
    await recordAudit(trx, {
      actorId,
      action: "user.create",
      entity: "user",
      entityId: newId,
      after: { username, role: input.role, orgId, orgIds: input.orgIds ?? [], email },
    });
    return newId;
  });
  return { user: await view(ctx, (await findUserById(ctx.db, id))!), password: generated };
}

async function loadUser(ctx: Ctx, id: number): Promise<User> {
  const user = await findUserById(ctx.db, id);
  if (!user) throw new NotFoundError(`Không tìm thấy người dùng số hiệu ${id}.`);
  return user;
}

/** Users found by login, name or unit (without diacritics), role, unit and state (admin). */
export async function listUsersFor(
  ctx: Ctx,
  actor: Actor,
  query: UserSearch,
): Promise<{ items: UserView[]; total: number }> {
  requireRole(actor, "admin");
  const { items, total } = await searchUsers(ctx.db, query);
  const orgIds = await userOrgIdsOf(
    ctx.db,
    items.map((u) => u.id),
  );
  return { items: items.map((u) => toView(u, orgIds.get(u.id) ?? [])), total };
}

export type UserUpdateInput = {
  displayName?: string;
  role?: Role;
  orgId?: number | null;
  orgIds?: number[];
  active?: boolean;
  email?: string | null;
};

/**
 * Changes an account's name, role, units or state; deactivating ends its sessions and revokes
 * its API tokens.
 */
export async function updateUserFor(
  ctx: Ctx,
  actor: Actor,
  id: number,
  input: UserUpdateInput,
): Promise<UserView> {
  requireRole(actor, "admin");
  const user = await loadUser(ctx, id);
  const role = input.role ?? user.role;
  const orgId = input.orgId === undefined ? user.org_id : input.orgId;
  await checkOrgs(ctx, role, orgId, input.orgIds ?? []);
  const email = checkEmail(input.email);
  if (id === actor.userId && (input.active === false || (input.role && input.role !== "admin"))) {
    throw new ValidationError("Không thể tự khoá hoặc bỏ quyền quản trị của chính mình.");
  }
  const losesAdmin =
    user.role === "admin" &&
    user.active === 1 &&
    (input.active === false || (input.role !== undefined && input.role !== "admin"));
  await ctx.db.transaction().execute(async (trx) => {
    // whatever the path (another administrator, the last two locking each other), one stays
    if (losesAdmin && (await countOtherActiveAdmins(trx, id)) === 0)
      throw new ValidationError(
        "Phải còn ít nhất một quản trị viên đang hoạt động: hãy chỉ định quản trị viên khác trước.",
      );
    await updateUser(trx, id, {
      display_name: input.displayName?.trim() || user.display_name,
      role,
      org_id: orgId,
      active: input.active === undefined ? user.active : input.active ? 1 : 0,
      ...(email === undefined ? {} : { email }),
    });
    if (input.orgIds !== undefined || input.orgId !== undefined) {
      await setUserOrgs(trx, id, [...(orgId === null ? [] : [orgId]), ...(input.orgIds ?? [])]);
    }
    if (input.active === false) {
      await deleteUserSessions(trx, id);
      await revokeAllTokens(trx, actor.userId, id, "Khoá tài khoản");
    }
    await recordAudit(trx, {
      actorId: actor.userId,
      action: "user.update",
      entity: "user",
      entityId: id,
      before: {
        displayName: user.display_name,
        role: user.role,
        orgId: user.org_id,
        active: user.active === 1,
        email: user.email,
      },
      after: input,
    });
  });
  return view(ctx, await loadUser(ctx, id));
}

/**
 * Sets a new password (generated when none is given), ends the user's sessions and revokes their
 * API tokens.
 */
export async function resetPassword(
  ctx: Ctx,
  actorId: number | null,
  id: number,
  password?: string,
): Promise<string> {
  const user = await loadUser(ctx, id);
  const next = password ?? generatePassword();
  checkNewPassword(next);
  const hash = await hashPassword(next);
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { password_hash: hash });
    await deleteUserSessions(trx, user.id);
    await revokeAllTokens(trx, actorId, user.id, "Đặt lại mật khẩu");
    await recordAudit(trx, {
      actorId,
      action: "user.password_reset",
      entity: "user",
      entityId: user.id,
    });
  });
  return next;
}

/**
 * A user changes their own password: the current one must be given; the user's other sessions
 * end (the one making the change, `keepSessionId`, stays).
 */
export async function changeOwnPassword(
  ctx: Ctx,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  keepSessionId: string | null,
): Promise<{ ok: true }> {
  const user = await loadUser(ctx, actor.userId);
  if (!(await verifyPassword(input.currentPassword, user.password_hash)))
    throw new ValidationError("currentPassword: mật khẩu hiện tại không đúng.");
  checkNewPassword(input.newPassword, "newPassword");
  if (input.newPassword === input.currentPassword)
    throw new ValidationError("newPassword: mật khẩu mới phải khác mật khẩu hiện tại.");
  const hash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { password_hash: hash });
    await deleteOtherSessions(trx, user.id, keepSessionId);
    await recordAudit(trx, {
      actorId: actor.userId,
      action: "user.password_change",
      entity: "user",
      entityId: user.id,
    });
  });
  return { ok: true };
}

/**
 * Issues an API token for the user named: the command line only (run by the server's operator);
 * through the API a user mints tokens for themself only (token.service.ts).
 */
export async function issueTokenFor(
  ctx: Ctx,
  actorId: number | null,
  username: string,
  name = "api",
): Promise<string> {
  const user = await findUserByUsername(ctx.db, username);
  if (!user) throw new NotFoundError(`Không tìm thấy người dùng "${username}".`);
  return issueApiToken(ctx, user, name, actorId);
}
