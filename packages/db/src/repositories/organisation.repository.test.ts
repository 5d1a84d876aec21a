import { createDirectory } from "@giamsat/core";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { dialects, withTestDatabase } from "../test-support/index.js";
import {
  addAlias,
  ensureOrganisation,
  findOrganisation,
  listOrganisations,
  upsertDirectory,
} from "./organisation.repository.js";

const directory = createDirectory();

describe.each(dialects())("organisation directory (%s)", (dialect) => {
  it("synchronises core's directory once, with hierarchy and aliases", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const first = await upsertDirectory(db, directory.entries);
      expect(first.inserted).toBe(directory.entries.length);
      const count = async (table: "organisations" | "org_aliases") =>
        Number(
          (
            await db
              .selectFrom(table)
              .select(sql<number>`count(*)`.as("n"))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const orgs = await count("organisations");
      const aliases = await count("org_aliases");
      const second = await upsertDirectory(db, directory.entries);
      expect(second.inserted).toBe(0);
      expect([await count("organisations"), await count("org_aliases")]).toEqual([orgs, aliases]);

      const bct = directory.entries.find((e) => e.name === "Bộ Công Thương");
      expect(bct).toBeDefined();
      const bctId = first.ids.get(bct!.id)!;
      const children = directory.children(bct!.id);
      expect(children).toHaveLength(22);
      const stored = await db
        .selectFrom("organisations")
        .select(["id", "code"])
        .where("parent_id", "=", bctId)
        .execute();
      expect(new Set(stored.map((o) => o.code))).toEqual(new Set(children.map((c) => c.id)));
    });
  });

  it("finds a unit by folded name or alias, its owner's first", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const a = await ensureOrganisation(db, { name: "Bộ Công Thương", kind: "unit" });
      const b = await ensureOrganisation(db, { name: "Bộ Tư pháp", kind: "unit" });
      const lawA = await ensureOrganisation(db, { name: "Vụ Pháp chế", kind: "unit", parentId: a });
      const lawB = await ensureOrganisation(db, { name: "Vụ Pháp chế", kind: "unit", parentId: b });
      expect(lawA).not.toBe(lawB);
      expect(await ensureOrganisation(db, { name: "vu phap che", kind: "unit", parentId: a })).toBe(
        lawA,
      );
      expect((await findOrganisation(db, "VỤ PHÁP CHẾ", { preferParentId: b }))?.id).toBe(lawB);
      expect((await findOrganisation(db, "Vụ Pháp chế", { preferParentId: a }))?.id).toBe(lawA);
      await addAlias(db, a, "BCT");
      await addAlias(db, a, "bct");
      expect((await findOrganisation(db, "BCT"))?.id).toBe(a);
      expect(await findOrganisation(db, "Bộ Không Có")).toBeUndefined();
      const listed = await listOrganisations(db, { q: "phap che" });
      expect(listed.total).toBe(2);
      const congThuong = await listOrganisations(db, { q: "cong thuong" });
      expect(congThuong.items.map((o) => [o.id, o.parent_name])).toEqual([
        [a, null],
        [lawA, "Bộ Công Thương"],
      ]);
      expect((await listOrganisations(db, { q: "bct" })).items.map((o) => o.id)).toEqual([a]);
    });
  });
});
