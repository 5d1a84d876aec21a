/**
 * On plan 596: the scorecards give, per unit, the median days from its first
 * report-day reminder of a period to each report it then sent; reports sent before the reminder
 * and units never reminded do not count. On SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReport, dialects } from "../../db/src/test-support/index.js";
import { inAppChannel } from "./notifications/in-app.channel.js";
import { runReminders } from "./notifications/remind.service.js";
import {
  call,
  importSeed,
  makeUser,
  startHarness,
  unitTask,
  type Harness,
} from "./test-support/server-harness.js";

type Card = { unitId: number; reminderMedianDays: number | null; remindedReports: number };

describe.each(dialects())("time from a reminder to the reports (%s)", (dialect) => {
  let h: Harness;
  let unit: number;
  let cards: Card[];

  beforeAll(async () => {
    h = await startHarness(dialect);
    const plan = await importSeed(h.ctx, "qd596");
    unit = (await unitTask(h.ctx, plan)).unitId;
    const staff = await makeUser(h.ctx, "unit_staff", unit);
    // the reminders of Monday 15/06/2026 (5 working days before 20/06), queued that morning
    await runReminders(h.ctx, "2026-06-15", { dryRun: false, channels: [inAppChannel(h.ctx)] });
    await h.ctx.db
      .updateTable("notification_fanout")
      .set({ created_at: "2026-06-15T00:00:00.000Z" })
      .where("rule", "=", "report_due")
      .execute();
    const tasks = await h.ctx.db
      .selectFrom("tasks")
      .select("id")
      .where("plan_id", "=", plan)
      .where("lead_org_id", "=", unit)
      .orderBy("id")
      .execute();
    expect(tasks.length).toBeGreaterThanOrEqual(3);
    const report = (i: number, period: string, at: string) =>
      buildReport(h.ctx.db, {
        task_id: tasks[i]!.id,
        submitted_by: staff.user.id,
        period_key: period,
        submitted_at: at,
      });
    await report(0, "2026-06", "2026-06-16T00:00:00.000Z"); // 1 day after
    await report(1, "2026-06", "2026-06-18T12:00:00.000Z"); // 3.5 days after
    await report(2, "2026-06", "2026-06-10T00:00:00.000Z"); // before the reminder
    await report(2, "2026-05", "2026-06-16T00:00:00.000Z"); // a period not reminded
    const leader = await makeUser(h.ctx, "leader");
    const res = await call(h.app, {
      url: "/api/scorecards?asOf=2026-06-30",
      headers: leader.headers,
    });
    expect(res.status).toBe(200);
    cards = res.body.items as Card[];
  });
  afterAll(async () => h.close());

  it("gives the reminded unit the median of 1 and 3.5 days over its 2 reports", () => {
    expect(cards.find((c) => c.unitId === unit)).toMatchObject({
      reminderMedianDays: 2.3,
      remindedReports: 2,
    });
  });

  it("leaves the units never reminded without a figure", () => {
    const others = cards.filter((c) => c.unitId !== unit);
    expect(others).toHaveLength(10);
    for (const c of others)
      expect(c).toMatchObject({ reminderMedianDays: null, remindedReports: 0 });
  });
});
