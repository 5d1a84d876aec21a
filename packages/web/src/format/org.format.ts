import type { Organisation } from "../api/types.js";

/** A unit as pickers and lists show it: its name and, when it has one, its parent's. */
export function orgLabel(org: Pick<Organisation, "name" | "parentName">): string {
  return org.parentName ? `${org.name} — ${org.parentName}` : org.name;
}
