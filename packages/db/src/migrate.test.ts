import { Migrator, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { migrateToLatest } from "./migrate.js";
import { migrationProvider } from "./migrations/index.js";
import { rankLeadUnits } from "./repositories/lead-counts.js";
import {
  buildOrganisation,
  buildReport,
  buildTask,
  buildUser,
  dialects,
  withTestDatabase,
} from "./test-support/index.js";

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

  it("go down past the per-unit counts and up again, keeping the data and the counts exact", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const unit = await buildOrganisation(db);
      await buildTask(db, { lead_org_id: unit.id, due_date: "2026-05-31" });
      const before = await rankLeadUnits(db, { asOf: "2026-06-01" });
      const migrator = new Migrator({ db, provider: migrationProvider });
      for (const target of ["0006-task-lead-counts", "0005-task-status-buckets"]) {
        const { error } = await migrator.migrateTo(target);
        expect(error).toBeUndefined();
      }
      const later = Object.keys(await migrationProvider.getMigrations()).filter(
        (name) => name > "0005-task-status-buckets",
      );
      expect((await migrateToLatest(db)).applied).toEqual(later);
      await buildTask(db, { lead_org_id: unit.id, due_date: "2026-05-30" });
      const after = await rankLeadUnits(db, { asOf: "2026-06-01" });
      expect(after.items[0]!.counts.overdue).toBe(before.items[0]!.counts.overdue + 1);
    });
  });

  it("resolve duplicate reports written before one live report per period (0008)", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const migrator = new Migrator({ db, provider: migrationProvider });
      expect((await migrator.migrateTo("0008-report-supersedes-index")).error).toBeUndefined();
      const task = await buildTask(db, { lead_org_id: (await buildOrganisation(db)).id });
      const by = { task_id: task.id, submitted_by: (await buildUser(db)).id };
      const pending = [await buildReport(db, by), await buildReport(db, by)];
      const accepted = [
        await buildReport(db, { ...by, period_key: "2026-02", status: "accepted" }),
        await buildReport(db, { ...by, period_key: "2026-02", status: "accepted" }),
      ];
      const original = await buildReport(db, { ...by, period_key: "2026-01", status: "returned" });
      const fixes = [1, 2, 3].map(async () =>
        buildReport(db, {
          ...by,
          period_key: "2026-01",
          status: "returned",
          supersedes_id: original.id,
        }),
      );
      const [f1, f2, f3] = await Promise.all(fixes);
      expect((await migrateToLatest(db)).applied).toContain("0010-report-integrity");
      const rows = await db
        .selectFrom("progress_reports")
        .select(["id", "superseded", "supersedes_id"])
        .orderBy("id")
        .execute();
      const row = (id: number) => rows.find((r) => r.id === id)!;
      expect([row(pending[0]!.id).superseded, row(pending[1]!.id).superseded]).toEqual([1, 0]);
      expect([row(accepted[0]!.id).superseded, row(accepted[1]!.id).superseded]).toEqual([1, 0]);
      const successors = [f1!, f2!, f3!].map((f) => row(f.id).supersedes_id);
      expect(new Set(successors).size).toBe(3);
      expect(row(original.id).superseded).toBe(1);
      await expect(buildReport(db, by)).rejects.toThrow();
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
