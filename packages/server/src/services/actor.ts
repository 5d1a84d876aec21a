import { ForbiddenError } from "@giamsat/core";

export const ROLES = ["admin", "leader", "monitor", "unit_head", "unit_staff"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Quản trị hệ thống",
  leader: "Lãnh đạo",
  monitor: "Cơ quan đầu mối theo dõi",
  unit_head: "Lãnh đạo đơn vị",
  unit_staff: "Chuyên viên đơn vị",
};

/** The authenticated user of one request, with the units it may see (null = every unit). */
export type Actor = {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  orgId: number | null;
  /** The user's unit and every unit under it; null for roles that see every unit. */
  units: number[] | null;
  via: "session" | "token";
};

export const isUnitRole = (role: Role): boolean => role === "unit_head" || role === "unit_staff";

/** Roles that may read confidential (mật) tasks; a unit head only within its own units. */
export const CONFIDENTIAL_ROLES: readonly Role[] = ["leader", "monitor", "unit_head"];

export function canSeeConfidential(actor: Actor): boolean {
  return CONFIDENTIAL_ROLES.includes(actor.role);
}

/** Throws 403 unless the actor has one of the roles. */
export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!roles.includes(actor.role)) throw new ForbiddenError();
}

/** True when any of the task's units (lead or coordinating) is within the actor's units. */
export function inScope(actor: Actor, taskUnits: readonly number[]): boolean {
  if (actor.units === null) return true;
  const mine = new Set(actor.units);
  return taskUnits.some((u) => mine.has(u));
}
