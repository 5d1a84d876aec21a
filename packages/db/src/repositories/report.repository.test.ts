import { describe, expect, it } from "vitest";
import {
  buildOrganisation,
  buildReport,
  buildTask,
  buildUser,
  dialects,
  withTestDatabase,
} from "../test-support/index.js";
import {
  acceptedReceipts,
  firstAcceptedReceipts,
  listReports,
  periodReports,
  recurringTasksByPlanAndUnit,
} from "./report.repository.js";
import type { ReportStatus } from "../schema.js";

describe.each(dialects())("accepted report receipts (%s)", (dialect) => {
  it("give each period's first accepted report of the recurring tasks matching a filter", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const user = await buildUser(db);
      const [u1, u2] = [await buildOrganisation(db), await buildOrganisation(db)];
      const recurring = { kind: "recurring", due_date: null, deadline_kind: "recurring" } as const;
      const a = await buildTask(db, { ...recurring, lead_org_id: u1.id });
      const plan = a.plan_id;
      const b = await buildTask(db, { ...recurring, plan_id: plan, lead_org_id: u2.id });
      const timed = await buildTask(db, { plan_id: plan, lead_org_id: u1.id });
      const cancelledAt = "2026-03-25T03:00:00.000Z";
      await buildTask(db, {
        ...recurring,
        plan_id: plan,
        lead_org_id: u1.id,
        cancelled_at: cancelledAt,
      });
      const report = (
        task_id: number,
        period_key: string,
        day: string,
        status = "accepted",
        more: { superseded?: number; supersedes_id?: number } = {},
      ) =>
        buildReport(db, {
          task_id,
          period_key,
          status,
          submitted_by: user.id,
          submitted_at: `${day}T02:00:00.000Z`,
          ...more,
        });
      const first = await report(a.id, "2026-02", "2026-02-15", "accepted", { superseded: 1 });
      await report(a.id, "2026-02", "2026-03-01", "accepted", { supersedes_id: first.id }); // its correction
      await report(a.id, "2026-03", "2026-03-10", "returned");
      await report(b.id, "2026-03", "2026-03-18");
      await report(timed.id, "2026-03", "2026-03-18");

      const all = await firstAcceptedReceipts(db, {});
      const rows = all.map((r) => [r.lead_org_id, r.period_key, r.first_at.slice(0, 10)]);
      expect(rows.sort()).toEqual(
        [
          [u1.id, "2026-02", "2026-02-15"],
          [u2.id, "2026-03", "2026-03-18"],
        ].sort(),
      );
      expect(all.every((r) => r.plan_id === plan)).toBe(true);
      const ofU2 = await firstAcceptedReceipts(db, { leadOrgId: u2.id });
      expect(ofU2.map((r) => r.period_key)).toEqual(["2026-03"]);

      const groups = await recurringTasksByPlanAndUnit(db, {});
      // a cancelled task still owed reports until then: its own group, with its end
      expect(groups.map((g) => [g.lead_org_id, g.n, g.ended_at]).sort()).toEqual(
        [
          [u1.id, 1, null],
          [u1.id, 1, cancelledAt],
          [u2.id, 1, null],
        ].sort(),
      );
      expect((await acceptedReceipts(db, a.id)).map((r) => r.period_key)).toEqual([
        "2026-02",
        "2026-02",
      ]);
    });
  });
});

describe.each(dialects())("report lists (%s)", (dialect) => {
  it("count the matches up to a cap: more than it, the cap and totalCapped", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const user = await buildUser(db);
      const task = await buildTask(db);
      for (const month of ["01", "02", "03", "04"])
        await buildReport(db, {
          task_id: task.id,
          period_key: `2026-${month}`,
          status: "submitted",
          submitted_by: user.id,
        });
      const page = { status: "submitted" as const, limit: 2, offset: 0 };
      const capped = await listReports(db, { ...page, countCap: 3 });
      expect([capped.items.length, capped.total, capped.totalCapped]).toEqual([2, 3, true]);
      const exact = await listReports(db, { ...page, countCap: 4 });
      expect([exact.total, exact.totalCapped]).toEqual([4, false]);
      const uncapped = await listReports(db, page);
      expect([uncapped.total, uncapped.totalCapped]).toEqual([4, false]);
    });
  });

  it("give what a new report of a period meets: its live pending report and every accepted one", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const user = await buildUser(db);
      const task = await buildTask(db);
      const report = (
        status: ReportStatus,
        more: { superseded?: number; supersedes_id?: number } = {},
      ) =>
        buildReport(db, {
          task_id: task.id,
          period_key: "2026-05",
          status,
          submitted_by: user.id,
          ...more,
        });
      const accepted = await report("accepted", { superseded: 1 });
      await report("returned");
      const replaced = await report("submitted", { superseded: 1 });
      const pending = await report("awaiting_signoff", { supersedes_id: replaced.id });
      await buildReport(db, { task_id: task.id, period_key: "2026-06", submitted_by: user.id });
      const met = await periodReports(db, task.id, "2026-05");
      expect(met.map((r) => [r.id, r.status])).toEqual([
        [accepted.id, "accepted"],
        [pending.id, "awaiting_signoff"],
      ]);
    });
  });
});
