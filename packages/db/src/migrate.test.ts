import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { migrateToLatest } from "./migrate.js";
import { buildOrganisation, buildTask, dialects, withTestDatabase } from "./test-support/index.js";

describe.each(dialects())("migrations (%s)", (dialect) => {
  it("are applied once and leave a working schema with foreign keys enforced", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      expect((await migrateToLatest(db)).applied).toEqual([]);
      const task = await buildTask(db, { lead_org_id: (await buildOrganisation(db)).id });
      expect(task.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(task.version).toBe(1);
      await expect(
        db
          .insertInto("task_orgs")
          .values({
            task_id: 999_999,
            role: "lead",
            ordinal: 1,
            raw: "x",
            name: "x",
            kind: "unit",
            resolved: 0,
          })
          .execute(),
      ).rejects.toThrow();
      await expect(buildTask(db, { plan_id: task.plan_id, name: "  " })).rejects.toThrow();
    });
  });

  it("gives every test its own database", async () => {
    await withTestDatabase(dialect, async (a) => {
      await withTestDatabase(dialect, async (b) => {
        await buildOrganisation(a.db, { name: "Chỉ ở A" });
        const count = await b.db
          .selectFrom("organisations")
          .select(sql<number>`count(*)`.as("n"))
          .executeTakeFirstOrThrow();
        expect(Number(count.n)).toBe(0);
      });
    });
  });
});
