import type { OrgLink, SessionUser } from "../api/types.js";
import { isUnitRole } from "./session.js";

/**
 * Whether the user's unit leads or coordinates a task, i.e. may report on it. The server decides
 * (403 otherwise); the page uses this only to offer or hide the report form.
 */
export function mayReport(user: SessionUser, orgs: OrgLink[]): boolean {
  if (!isUnitRole(user.role) || !user.units) return false;
  const mine = new Set(user.units);
  return orgs.some((o) => o.orgId !== null && mine.has(o.orgId));
}
