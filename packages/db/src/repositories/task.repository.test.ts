import { describe, expect, it } from "vitest";
import {
  buildOrganisation,
  buildPlan,
  buildReport,
  buildTask,
  buildUser,
  dialects,
  withTestDatabase,
} from "../test-support/index.js";
import { insertProposedLinks } from "./link.repository.js";
import {
  countStatusesByLeadOrg,
  getTask,
  listTasks,
  refreshTaskCompletion,
} from "./task.repository.js";

const ASOF = "2026-06-01";

describe.each(dialects())("task repository (%s)", (dialect) => {
  it("finds tasks by folded Vietnamese words, number, plan, lead and units", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const ecom = await buildOrganisation(db, { name: "Cục Thương mại điện tử và Kinh tế số" });
      const law = await buildOrganisation(db, { name: "Vụ Pháp chế" });
      const plan = await buildPlan(db);
      const other = await buildPlan(db);
      const a = await buildTask(db, {
        plan_id: plan.id,
        number: "7",
        name: "Đẩy mạnh chuyển đổi số trong hoạt động thương mại điện tử",
        lead_org_id: ecom.id,
      });
      const b = await buildTask(db, {
        plan_id: plan.id,
        number: "4",
        name: "Rà soát, đề xuất sửa đổi văn bản quy phạm pháp luật",
        lead_org_id: law.id,
      });
      await db
        .insertInto("task_orgs")
        .values({
          task_id: b.id,
          role: "coordinator",
          ordinal: 1,
          org_id: ecom.id,
          raw: "Cục TMĐT",
          name: ecom.name,
          kind: "unit",
          resolved: 1,
        })
        .execute();
      await buildTask(db, { plan_id: other.id, name: "Chuyển đổi số ngành Công Thương" });

      const ids = async (q: Parameters<typeof listTasks>[1]) =>
        (await listTasks(db, q)).items.map((t) => t.id);
      expect(await ids({ asOf: ASOF, q: "chuyen doi so", planId: plan.id })).toEqual([a.id]);
      expect((await listTasks(db, { asOf: ASOF, q: "CHUYỂN ĐỔI SỐ" })).total).toBe(2);
      // a search counts up to its cap; other lists count every match
      const capped = async (q: string | undefined, countCap: number) => {
        const { total, totalCapped } = await listTasks(db, { asOf: ASOF, q, countCap, limit: 1 });
        return { total, totalCapped };
      };
      expect(await capped("chuyen doi so", 1)).toEqual({ total: 1, totalCapped: true });
      expect(await capped("chuyen doi so", 2)).toEqual({ total: 2, totalCapped: false });
      expect(await capped(undefined, 1)).toEqual({ total: 3, totalCapped: false });
      expect(await ids({ asOf: ASOF, q: "de xuat sua doi" })).toEqual([b.id]);
      expect(await ids({ asOf: ASOF, q: "50%_" })).toEqual([]);
      // inside a word, a quote, after a rename (the trigram index follows every write)
      expect(await ids({ asOf: ASOF, q: "uyen oi", planId: plan.id })).toEqual([a.id]);
      expect(await ids({ asOf: ASOF, q: 'chuyen "so' })).toEqual([]);
      await db
        .updateTable("tasks")
        .set({ name: "Rà soát văn bản", name_search: "ra soat van ban" })
        .where("id", "=", b.id)
        .execute();
      expect(await ids({ asOf: ASOF, q: "soat van" })).toEqual([b.id]);
      expect(await ids({ asOf: ASOF, q: "de xuat sua doi" })).toEqual([]);
      expect(await ids({ asOf: ASOF, q: "4", planId: plan.id })).toEqual([b.id]);
      expect(await ids({ asOf: ASOF, leadOrgId: ecom.id })).toEqual([a.id]);
      expect(await ids({ asOf: ASOF, orgIds: [ecom.id] })).toEqual([a.id, b.id]);
      expect(await ids({ asOf: ASOF, orgIds: [] })).toEqual([]);

      const page = await listTasks(db, { asOf: ASOF, planId: plan.id, limit: 1, offset: 1 });
      expect(page.total).toBe(2);
      expect(page.items.map((t) => t.id)).toEqual([b.id]);
      expect(page.items[0]?.lead.map((o) => o.name)).toEqual(["Vụ Pháp chế"]);
      expect(page.items[0]?.plan_number).toBe(plan.number);
    });
  });

  it("leaves out removed, cancelled and (on request) confidential tasks", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const plan = await buildPlan(db);
      const kept = await buildTask(db, { plan_id: plan.id });
      await buildTask(db, { plan_id: plan.id, removed_at: "2026-04-01T00:00:00.000Z" });
      await buildTask(db, { plan_id: plan.id, cancelled_at: "2026-04-01T00:00:00.000Z" });
      const secret = await buildTask(db, { plan_id: plan.id, confidential: 1 });
      expect((await listTasks(db, { asOf: ASOF, planId: plan.id })).items.map((t) => t.id)).toEqual(
        [kept.id, secret.id],
      );
      const visible = await listTasks(db, {
        asOf: ASOF,
        planId: plan.id,
        includeConfidential: false,
      });
      expect(visible.items.map((t) => t.id)).toEqual([kept.id]);
      expect(
        (await listTasks(db, { asOf: ASOF, planId: plan.id, includeInactive: true })).total,
      ).toBe(4);
    });
  });

  it("returns one task with its plan, units, milestones and links", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const lead = await buildOrganisation(db, { name: "Cục Công nghiệp" });
      const task = await buildTask(db, {
        lead_org_id: lead.id,
        name: "Phát triển công nghiệp bán dẫn",
      });
      await db
        .insertInto("task_orgs")
        .values({
          task_id: task.id,
          role: "coordinator",
          ordinal: 1,
          org_id: null,
          raw: "Cục TTTN",
          name: "Cục TTTN",
          kind: "unit",
          resolved: 0,
        })
        .execute();
      await db
        .insertInto("milestones")
        .values({
          task_id: task.id,
          ordinal: 1,
          name: "Xây dựng đề án",
          kind: "step",
          deadline_raw: "Quý II/2026",
          deadline_kind: "date",
          due_date: "2026-06-30",
          line: 5,
        })
        .execute();
      const parent = await buildTask(db, { name: "Nhiệm vụ của Chính phủ" });
      await insertProposedLinks(db, [
        {
          from_task_id: task.id,
          to_task_id: parent.id,
          kind: "restates",
          score: 0.9,
          reasons: ["tên gần giống"],
        },
      ]);
      const detail = await getTask(db, task.id);
      expect(detail?.name).toBe("Phát triển công nghiệp bán dẫn");
      expect(detail?.orgs.map((o) => [o.role, o.name, o.resolved])).toEqual([
        ["lead", "Cục Công nghiệp", 1],
        ["coordinator", "Cục TTTN", 0],
      ]);
      expect(detail?.milestones.map((m) => m.due_date)).toEqual(["2026-06-30"]);
      expect(detail?.links.map((l) => [l.direction, l.other_task_id, l.state])).toEqual([
        ["outgoing", parent.id, "proposed"],
      ]);
      expect((await getTask(db, parent.id))?.links[0]?.direction).toBe("incoming");
      expect(await getTask(db, 999_999)).toBeUndefined();
    });
  });

  it("takes the completion date from the latest accepted completed report only", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const user = await buildUser(db);
      const task = await buildTask(db, { due_date: "2026-03-31" });
      const report = { task_id: task.id, submitted_by: user.id, state: "completed" as const };
      await buildReport(db, { ...report, completed_on: "2026-03-20", status: "submitted" });
      expect(await refreshTaskCompletion(db, task.id)).toBeNull();
      await buildReport(db, {
        ...report,
        completed_on: "2026-03-20",
        status: "accepted",
        submitted_at: "2026-03-21T01:00:00.000Z",
      });
      await buildReport(db, {
        ...report,
        completed_on: "2026-04-05",
        status: "returned",
        submitted_at: "2026-04-06T01:00:00.000Z",
      });
      expect(await refreshTaskCompletion(db, task.id)).toBe("2026-03-20");
      const [item] = (await listTasks(db, { asOf: ASOF, planId: task.plan_id })).items;
      expect(item?.status).toBe("done_on_time");
    });
  });

  it("counts statuses per lead unit for scorecards", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const a = await buildOrganisation(db);
      const b = await buildOrganisation(db);
      const plan = await buildPlan(db);
      await buildTask(db, { plan_id: plan.id, lead_org_id: a.id, due_date: "2026-05-01" });
      await buildTask(db, { plan_id: plan.id, lead_org_id: a.id, due_date: "2026-12-31" });
      await buildTask(db, {
        plan_id: plan.id,
        lead_org_id: b.id,
        kind: "recurring",
        due_date: null,
      });
      await buildTask(db, { plan_id: plan.id });
      const rows = await countStatusesByLeadOrg(db, { planId: plan.id, asOf: ASOF });
      expect(
        rows.map((r) => [r.orgId, r.total, r.counts.overdue, r.counts.in_time, r.counts.recurring]),
      ).toEqual([
        [a.id, 2, 1, 1, 0],
        [b.id, 1, 0, 0, 1],
      ]);
    });
  });
});
