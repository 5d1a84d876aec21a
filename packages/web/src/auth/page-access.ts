import type { Role } from "../api/types.js";

const EVERYONE: readonly Role[] = ["admin", "leader", "monitor", "unit_head", "unit_staff"];
const UNITS: readonly Role[] = ["unit_head", "unit_staff"];
const MONITORING: readonly Role[] = ["monitor", "admin"];
/** Public feedback is handled by the monitoring department and the units it is routed to. */
const FEEDBACK_HANDLERS: readonly Role[] = ["monitor", "unit_head", "unit_staff"];

/**
 * Who may open each page (by its route pattern): the menu offers a page only to these roles and
 * the router refuses the others, even when the address is typed. The server still decides every
 * request (403); this keeps people away from pages whose actions they could never take.
 */
export const PAGE_ROLES: Record<string, readonly Role[]> = {
  "/": EVERYONE,
  "/tong-quan": EVERYONE,
  "/danh-gia": EVERYONE,
  "/bao-cao-dinh-ky": ["leader", "monitor"],
  "/ke-hoach": EVERYONE,
  "/ke-hoach/:id": EVERYONE,
  "/nhiem-vu": EVERYONE,
  "/nhiem-vu/:id": EVERYONE,
  "/chi-tieu": EVERYONE,
  "/chi-tieu/:id": EVERYONE,
  "/chi-tieu/nhap-gia-tri": ["monitor"],
  "/nhiem-vu/:id/bao-cao": UNITS,
  "/don-vi": UNITS,
  "/de-xuat": ["leader", "monitor", "unit_head", "unit_staff"],
  "/ky-duyet": ["unit_head"],
  "/duyet": MONITORING,
  "/lien-ket": MONITORING,
  "/nhap": MONITORING,
  "/quan-tri": ["admin"],
  "/xu-ly-gop-y": FEEDBACK_HANDLERS,
  "/xu-ly-gop-y/:id": FEEDBACK_HANDLERS,
  "/mat-khau": EVERYONE,
};

/** Whether `role` may open the page of route `pattern` (unlisted patterns are open to everyone). */
export function mayOpen(role: Role, pattern: string): boolean {
  return (PAGE_ROLES[pattern] ?? EVERYONE).includes(role);
}

/** Where a role starts: a unit's inbox for unit users, the dashboard over all plans otherwise. */
export function homeOf(role: Role): string {
  return UNITS.includes(role) ? "/don-vi" : "/";
}
