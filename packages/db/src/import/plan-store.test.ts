import { sql } from "kysely";
import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import type { Database } from "../schema.js";
import {
  CONTINUOUS,
  deadlineOn,
  dialects,
  importedPlan,
  importedTask,
  unit,
  withTestDatabase,
} from "../test-support/index.js";
import { AMENDMENT_REASON, sha256Hex, storePlan } from "./plan-store.js";

const TABLES = [
  "organisations",
  "legal_documents",
  "plans",
  "appendices",
  "tasks",
  "task_orgs",
  "milestones",
  "task_versions",
  "audit_events",
  "plan_imports",
] as const;

async function tableCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await db
      .selectFrom(table)
      .select(sql<number>`count(*)`.as("n"))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

const original = () =>
  importedPlan([
    importedTask("1", "Rà soát, hoàn thiện thể chế về khoa học, công nghệ", {
      lead: [unit("Vụ Pháp chế")],
      coordinators: [unit("Cục TTTN", false)],
      deadline: deadlineOn("2026-04-30"),
      milestones: [
        {
          name: "Dự thảo báo cáo",
          output: "Báo cáo",
          deadline: deadlineOn("2026-04-15"),
          kind: "step",
          line: 12,
        },
      ],
    }),
    importedTask("2", "Xây dựng nền tảng dữ liệu ngành Công Thương", {
      lead: [unit("Cục Thương mại điện tử và Kinh tế số")],
      deadline: { ...deadlineOn("2026-12-31", "Quý IV/2026") },
    }),
    importedTask("3", "Tuyên truyền, phổ biến Nghị quyết 57-NQ/TW", {
      kind: "recurring",
      deadline: CONTINUOUS,
      lead: [
        {
          raw: "Các đơn vị thuộc Bộ",
          name: "Các đơn vị thuộc Bộ",
          kind: "group",
          scope: null,
          resolved: true,
        },
      ],
    }),
  ]);

const source = (text: string) => ({ hash: sha256Hex(text), name: "qd596.txt" });

describe.each(dialects())("storing an imported plan (%s)", (dialect) => {
  it("stores the plan, its tasks with raw texts, resolved and unresolved units", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const out = await storePlan(db, original(), source("v1"), { userId: null });
      expect(out).toMatchObject({ created: true, unchanged: false, tasks: 3, unresolvedOrgs: 1 });
      expect(out.changes.added.map((t) => t.number)).toEqual(["1", "2", "3"]);
      const plan = await db.selectFrom("plans").selectAll().executeTakeFirstOrThrow();
      expect([plan.number, plan.date, plan.issuer, plan.source_hash]).toEqual([
        "596/QĐ-BCT",
        "2026-03-31",
        "Bộ Công Thương",
        sha256Hex("v1"),
      ]);
      const tasks = await db.selectFrom("tasks").selectAll().orderBy("ordinal").execute();
      expect(tasks.map((t) => [t.number, t.deadline_raw, t.due_date, t.kind])).toEqual([
        ["1", "30/04/2026", "2026-04-30", "time-bound"],
        ["2", "Quý IV/2026", "2026-12-31", "time-bound"],
        ["3", "Thường xuyên", null, "recurring"],
      ]);
      expect(tasks[0]?.name_search).toBe("ra soat, hoan thien the che ve khoa hoc, cong nghe");
      const orgs = await db
        .selectFrom("task_orgs")
        .leftJoin("organisations", "organisations.id", "task_orgs.org_id")
        .select(["task_orgs.raw", "task_orgs.role", "organisations.name", "organisations.kind"])
        .where("task_orgs.task_id", "=", tasks[0]!.id)
        .orderBy("task_orgs.role", "desc")
        .execute();
      expect(orgs).toEqual([
        { raw: "Vụ Pháp chế", role: "lead", name: "Vụ Pháp chế", kind: "unit" },
        { raw: "Cục TTTN", role: "coordinator", name: null, kind: null },
      ]);
      expect(tasks[0]?.lead_org_id).not.toBeNull();
      const group = await db
        .selectFrom("organisations")
        .select(["kind", "parent_id"])
        .where("name", "=", "Các đơn vị thuộc Bộ")
        .executeTakeFirstOrThrow();
      expect(group).toEqual({ kind: "group", parent_id: plan.owner_org_id });
      const milestones = await db.selectFrom("milestones").selectAll().execute();
      expect(milestones.map((m) => [m.name, m.due_date, m.line])).toEqual([
        ["Dự thảo báo cáo", "2026-04-15", 12],
      ]);
    });
  });

  it("changes nothing when the same file or the same content is imported again", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const first = await storePlan(db, original(), source("v1"), { userId: null });
      const before = await tableCounts(db);
      const again = await storePlan(db, original(), source("v1"), { userId: null });
      expect(again).toMatchObject({
        planId: first.planId,
        created: false,
        unchanged: true,
        tasks: 3,
      });
      const sameContent = await storePlan(db, original(), source("v1 saved again"), {
        userId: null,
      });
      expect(sameContent).toMatchObject({ planId: first.planId, created: false, unchanged: true });
      expect(await tableCounts(db)).toEqual(before);
    });
  });

  it("applies an amended version as a recorded change", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const first = await storePlan(db, original(), source("v1"), { userId: null });
      const amended = original();
      const tasks = amended.appendices[0]!.tasks;
      tasks[0] = { ...tasks[0]!, deadline: deadlineOn("2026-06-30") };
      tasks.splice(1, 1);
      tasks.push(
        importedTask("4", "Đào tạo nguồn nhân lực số", { lead: [unit("Vụ Tổ chức cán bộ")] }),
      );
      const out = await storePlan(db, amended, source("v2"), { userId: null });
      expect(out).toMatchObject({
        planId: first.planId,
        created: false,
        unchanged: false,
        tasks: 3,
      });
      expect(out.changes.added.map((t) => t.number)).toEqual(["4"]);
      expect(out.changes.removed.map((t) => t.number)).toEqual(["2"]);
      expect(out.changes.changed.map((c) => [c.number, c.fields.map((f) => f.field)])).toEqual([
        ["1", ["deadline"]],
      ]);

      const t1 = await db
        .selectFrom("tasks")
        .selectAll()
        .where("number", "=", "1")
        .executeTakeFirstOrThrow();
      expect([t1.due_date, t1.version]).toEqual(["2026-06-30", 2]);
      const versions = await db
        .selectFrom("task_versions")
        .selectAll()
        .where("task_id", "=", t1.id)
        .orderBy("version")
        .execute();
      expect(versions.map((v) => [v.version, v.reason])).toEqual([
        [1, "Phiên bản ban đầu"],
        [2, AMENDMENT_REASON],
      ]);
      expect(JSON.parse(versions[0]!.snapshot).deadline.due).toBe("2026-04-30");
      const removed = await db
        .selectFrom("tasks")
        .selectAll()
        .where("number", "=", "2")
        .executeTakeFirstOrThrow();
      expect(removed.removed_at).not.toBeNull();
      const audit = await db
        .selectFrom("audit_events")
        .select(["action", "reason"])
        .where("action", "in", ["task.amend", "task.remove", "task.add", "plan.amend"])
        .orderBy("id")
        .execute();
      expect(audit.map((a) => a.action)).toEqual([
        "task.amend",
        "task.remove",
        "task.add",
        "plan.amend",
      ]);
      expect(new Set(audit.map((a) => a.reason))).toEqual(new Set([AMENDMENT_REASON]));

      const countsAfter = await tableCounts(db);
      const older = await storePlan(db, original(), source("v1"), { userId: null });
      expect(older.unchanged).toBe(true);
      expect(await tableCounts(db)).toEqual(countsAfter);
    });
  });

  it("stores one plan when the same document is imported twice at the same time", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const outs = await Promise.all([
        storePlan(db, original(), source("v1"), { userId: null }),
        storePlan(db, original(), source("v1 copy"), { userId: null }),
      ]);
      expect(outs.filter((o) => o.created)).toHaveLength(1);
      expect(new Set(outs.map((o) => o.planId)).size).toBe(1);
      expect((await tableCounts(db)).plans).toBe(1);
    });
  });

  it("leaves nothing behind when the import fails midway", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const before = await tableCounts(db);
      const broken = original();
      broken.appendices[0]!.tasks.push(importedTask("4", "   ", { lead: [unit("Cục Hóa chất")] }));
      await expect(storePlan(db, broken, source("broken"), { userId: null })).rejects.toThrow();
      expect(await tableCounts(db)).toEqual(before);

      await storePlan(db, original(), source("v1"), { userId: null });
      const stored = await tableCounts(db);
      const brokenAmendment = original();
      brokenAmendment.appendices[0]!.tasks[0]!.name = "";
      await expect(
        storePlan(db, brokenAmendment, source("v2"), { userId: null }),
      ).rejects.toThrow();
      expect(await tableCounts(db)).toEqual(stored);
    });
  });
});
