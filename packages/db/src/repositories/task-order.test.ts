import { taskStatus } from "@giamsat/core";
import { describe, expect, it } from "vitest";
import {
  buildOrganisation,
  buildPlan,
  buildTask,
  dialects,
  withTestDatabase,
} from "../test-support/index.js";
import { listLeaders, listTasks, listTasksAfter } from "./task.repository.js";
import type { TaskCursor, TaskListQuery } from "./task.repository.js";

const ASOF = "2026-06-01";

describe.each(dialects())("task orders and leader/appendix filters (%s)", (dialect) => {
  it("reads pages by key exactly as by offset, in plan order and overdue by days overdue", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const plans = [await buildPlan(db), await buildPlan(db)];
      const dues = ["2026-03-31", null, "2026-01-31", "2026-03-31", "2026-12-31", "2026-01-31"];
      for (const plan of plans)
        for (const [i, due] of dues.entries())
          await buildTask(db, { plan_id: plan.id, name: `Nhiệm vụ ${i}`, due_date: due });
      const walk = async (q: Partial<TaskListQuery>, byKey: boolean) => {
        const seen: number[] = [];
        let after: TaskCursor | null = null;
        for (let page = 0; page < 20; page++) {
          const query = { asOf: ASOF, ...q, limit: 2 };
          const items = byKey
            ? await listTasksAfter(db, query, after)
            : (await listTasks(db, { ...query, offset: seen.length })).items;
          seen.push(...items.map((x) => x.id));
          const last = items[items.length - 1];
          if (!last) return seen;
          after = { planId: last.plan_id, ordinal: last.ordinal, due: last.due_date };
        }
        return seen;
      };
      const overdue = { status: ["overdue" as const], orderBy: "daysOverdue" as const };
      for (const q of [{}, overdue]) {
        const byOffset = await walk(q, false);
        expect(byOffset.length).toBe(q === overdue ? 8 : 12);
        expect(await walk(q, true)).toEqual(byOffset);
      }
      await expect(walk({ orderBy: "name" }, true)).rejects.toThrow(/keyset/);
    });
  });

  it("sorts by deadline, overdue days, folded name, lead unit and status, paging exactly", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const zeta = await buildOrganisation(db, { name: "Ủy ban nhân dân tỉnh Yên Bái" });
      const alpha = await buildOrganisation(db, { name: "Đài Truyền hình" });
      const plan = await buildPlan(db);
      const t = async (name: string, due: string | null, extra = {}) =>
        buildTask(db, { plan_id: plan.id, name, due_date: due, ...extra });
      const a = await t("Ứng dụng trí tuệ nhân tạo", "2026-03-31", { lead_org_id: zeta.id });
      const b = await t("Ban hành quy chế", null, { lead_org_id: alpha.id });
      const c = await t("Đào tạo cán bộ", "2026-01-31");
      const d = await t("Xây dựng cơ sở dữ liệu", "2026-06-10", {
        completed_on: "2026-05-01",
      });
      const e = await t("Cập nhật danh mục", "2026-12-31");
      const f = await t("Báo cáo định kỳ", null, { kind: "recurring" });

      const ids = async (q: Partial<TaskListQuery>) =>
        (await listTasks(db, { asOf: ASOF, planId: plan.id, ...q })).items.map((x) => x.id);
      expect(await ids({})).toEqual([a, b, c, d, e, f].map((x) => x.id));
      expect(await ids({ dir: "desc" })).toEqual([f, e, d, c, b, a].map((x) => x.id));
      // no due date last, in plan order, whichever the direction
      expect(await ids({ orderBy: "deadline" })).toEqual([c, a, d, e, b, f].map((x) => x.id));
      expect(await ids({ orderBy: "deadline", dir: "desc" })).toEqual(
        [e, d, a, c, b, f].map((x) => x.id),
      );
      // overdue first (most days first), then the rest in plan order
      expect(await ids({ orderBy: "daysOverdue" })).toEqual([c, a, b, d, e, f].map((x) => x.id));
      expect(await ids({ orderBy: "daysOverdue", dir: "asc" })).toEqual(
        [a, c, b, d, e, f].map((x) => x.id),
      );
      // folded: "Ứng" sorts as "ung", "Đào" as "dao"
      expect(await ids({ orderBy: "name" })).toEqual([b, f, e, c, a, d].map((x) => x.id));
      // "Đài…" folds to "dai…" before "uy ban…"; tasks without a resolved lead last
      expect(await ids({ orderBy: "lead" })).toEqual([b, a, c, d, e, f].map((x) => x.id));
      const byStatus = (await listTasks(db, { asOf: ASOF, planId: plan.id, orderBy: "status" }))
        .items;
      expect(byStatus.map((x) => x.status)).toEqual([
        "overdue",
        "overdue",
        "in_time",
        "no_deadline",
        "done_on_time",
        "recurring",
      ]);
      for (const x of byStatus) {
        expect(x.status).toBe(
          taskStatus({ kind: x.kind, due: x.due_date, completedOn: x.completed_on }, ASOF).code,
        );
      }
      // pages of 2 put together give the whole order
      const pages = [];
      for (let offset = 0; offset < 6; offset += 2) {
        pages.push(...(await ids({ orderBy: "deadline", limit: 2, offset })));
      }
      expect(pages).toEqual(await ids({ orderBy: "deadline" }));
    });
  });

  it("filters by directing leader (any spelling) and appendix, and lists the leaders", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const plan = await buildPlan(db);
      const second = await db
        .insertInto("appendices")
        .values({ plan_id: plan.id, ordinal: 2, title: "PHỤ LỤC II", kind: "tasks", columns: "[]" })
        .returning("id")
        .executeTakeFirstOrThrow();
      const minister = "Bộ trưởng Nguyễn Hồng Diên";
      const a = await buildTask(db, { plan_id: plan.id, number: "1", leader: minister });
      const b = await buildTask(db, {
        plan_id: plan.id,
        appendix_id: second.id,
        number: "1",
        leader: "BỘ TRƯỞNG NGUYỄN HỒNG DIÊN",
      });
      const a2 = await buildTask(db, { plan_id: plan.id, number: "2", leader: minister });
      await buildTask(db, { plan_id: plan.id, leader: "Thứ trưởng Phan Thị Thắng" });
      await buildTask(db, { plan_id: plan.id, leader: null });
      await buildTask(db, { leader: minister });

      const ids = async (q: Partial<TaskListQuery>) =>
        (await listTasks(db, { asOf: ASOF, ...q })).items.map((x) => x.id);
      expect(await ids({ planId: plan.id, leader: "bo truong nguyen hong dien" })).toEqual(
        [a, b, a2].map((x) => x.id),
      );
      expect(
        await ids({ leader: "Bộ trưởng Nguyễn Hồng Diên", appendixId: plan.appendixId }),
      ).toEqual([a, a2].map((x) => x.id));
      expect((await listTasks(db, { asOf: ASOF, leader: minister })).total).toBe(4);
      expect(await ids({ planId: plan.id, appendixId: second.id })).toEqual([b.id]);
      const [first] = (await listTasks(db, { asOf: ASOF, planId: plan.id })).items;
      expect([first?.appendix_ordinal, first?.appendix_title]).toEqual([1, "PHỤ LỤC I"]);

      expect(await listLeaders(db, { planId: plan.id })).toEqual([
        { leader: minister, tasks: 3 },
        { leader: "Thứ trưởng Phan Thị Thắng", tasks: 1 },
      ]);
    });
  });
});
