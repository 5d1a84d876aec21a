import { describe, expect, it } from "vitest";
import type { Role } from "../api/types.js";
import { homeOf, mayOpen, PAGE_ROLES } from "./page-access.js";

const ROLES: Role[] = ["admin", "leader", "monitor", "unit_head", "unit_staff"];
const open = (role: Role) => Object.keys(PAGE_ROLES).filter((page) => mayOpen(role, page));

describe("pages by role", () => {
  it("a unit user has no review queue, import or administration", () => {
    for (const role of ["unit_head", "unit_staff"] as const) {
      expect(open(role)).not.toContain("/duyet");
      expect(open(role)).not.toContain("/lien-ket");
      expect(open(role)).not.toContain("/nhap");
      expect(open(role)).not.toContain("/quan-tri");
      expect(open(role)).toContain("/nhiem-vu/:id/bao-cao");
    }
  });

  it("only units report and only the monitoring department and administrators review", () => {
    expect(ROLES.filter((r) => mayOpen(r, "/nhiem-vu/:id/bao-cao"))).toEqual([
      "unit_head",
      "unit_staff",
    ]);
    expect(ROLES.filter((r) => mayOpen(r, "/duyet"))).toEqual(["admin", "monitor"]);
    expect(ROLES.filter((r) => mayOpen(r, "/quan-tri"))).toEqual(["admin"]);
    expect(ROLES.filter((r) => mayOpen(r, "/de-xuat"))).not.toContain("admin");
    expect(ROLES.filter((r) => mayOpen(r, "/xu-ly-gop-y/:id"))).toEqual([
      "monitor",
      "unit_head",
      "unit_staff",
    ]);
  });

  it("units start in their inbox, everyone else on the dashboard", () => {
    expect(ROLES.map(homeOf)).toEqual(["/", "/", "/", "/don-vi", "/don-vi"]);
  });
});
