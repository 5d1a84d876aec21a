import { listNotifications } from "@giamsat/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrganisation, buildTask, dialects } from "../../db/src/test-support/index.js";
import { inAppChannel } from "./notifications/in-app.channel.js";
import { runReminders } from "./notifications/remind.service.js";
import { makeUser, startHarness, type Harness } from "./test-support/server-harness.js";

/** The day's reminders and digests as the bell receives them (no SMTP: in-app only). */
describe.each(dialects())("the day's reminders, the ladder and the digests (%s)", (dialect) => {
  let h: Harness;
  let users: Record<string, Awaited<ReturnType<typeof makeUser>>>;
  let overdue: number;
  let secret: number;
  let nothing: number;
  let returned: number;

  beforeAll(async () => {
    h = await startHarness(dialect);
    const unit = await buildOrganisation(h.ctx.db, { name: "Cục Thử nghiệm" });
    users = {
      staff: await makeUser(h.ctx, "unit_staff", unit.id),
      head: await makeUser(h.ctx, "unit_head", unit.id),
      monitor: await makeUser(h.ctx, "monitor"),
      leader: await makeUser(h.ctx, "leader"),
    };
    const t = await buildTask(h.ctx.db, { lead_org_id: unit.id, due_date: "2026-06-05" });
    overdue = t.id;
    secret = (
      await buildTask(h.ctx.db, {
        plan_id: t.plan_id,
        lead_org_id: unit.id,
        due_date: "2026-06-30",
        confidential: 1,
      })
    ).id;
    const report = (task: number, org: number, period: string, state: string, status: string) =>
      h.ctx.db
        .insertInto("progress_reports")
        .values({
          task_id: task,
          org_id: org,
          period_key: period,
          state,
          summary: "Đang làm",
          submitted_by: users.staff!.user.id,
          submitted_at: "2026-06-10T02:00:00.000Z",
          status,
        })
        .execute();
    await report(overdue, unit.id, "2026-06", "in_progress", "submitted");
    // June settled by "không phát sinh"; a returned June report settles nothing
    const more = (name: string) =>
      buildTask(h.ctx.db, { plan_id: t.plan_id, lead_org_id: unit.id, name });
    nothing = (await more("Nhiệm vụ không phát sinh")).id;
    returned = (await more("Nhiệm vụ bị trả lại")).id;
    await report(nothing, unit.id, "2026-06", "nothing_to_report", "submitted");
    await report(returned, unit.id, "2026-06", "in_progress", "returned");
    // another unit: a task that became overdue in the week 08–14/06, one completed then
    const other = await buildOrganisation(h.ctx.db, { name: "Cục Kiểm tra" });
    users.otherStaff = await makeUser(h.ctx, "unit_staff", other.id);
    const late = await buildTask(h.ctx.db, {
      plan_id: t.plan_id,
      lead_org_id: other.id,
      due_date: "2026-06-10",
      name: "Nhiệm vụ mới quá hạn",
    });
    await report(late.id, other.id, "2026-05", "in_progress", "submitted");
    await buildTask(h.ctx.db, {
      plan_id: t.plan_id,
      lead_org_id: other.id,
      completed_on: "2026-06-12",
      name: "Nhiệm vụ đã hoàn thành",
    });
  });
  afterAll(async () => h.close());

  // as the bell shows them, oldest first
  const bell = async (who: string) =>
    (
      await listNotifications(h.ctx.db, users[who]!.user.id, {
        unreadOnly: false,
        limit: 100,
        offset: 0,
      })
    ).items
      .reverse()
      .map((n) => ({ kind: n.kind, title: n.title, body: n.body, link: n.link }));
  const run = (asOf: string) =>
    runReminders(h.ctx, asOf, { dryRun: false, channels: [inAppChannel(h.ctx)] });

  it("on Monday 15/06/2026: the confidential task's reminder to the head only; the digests", async () => {
    const first = await run("2026-06-15");
    expect(first.sent).toBe(first.deliveries);
    const staff = await bell("staff");
    const head = await bell("head");
    // the 15-day reminder of the confidential task (due 30/06) reaches the head, not the staff
    expect(
      head.some((n) => n.kind === "task_due" && n.link.startsWith(`/nhiem-vu/${secret}`)),
    ).toBe(true);
    expect(
      staff.some(
        (n) => n.link.includes(`/nhiem-vu/${secret}`) || n.body.includes(`/nhiem-vu/${secret}`),
      ),
    ).toBe(false);

    // the report-day reminder (stored as task ids, rendered when fanned out) names the tasks
    // still owing June's report: the confidential one to the head only, the one whose report was
    // returned to both; not the one reported, nor the one that said "không phát sinh"
    const form = (id: number) => `/nhiem-vu/${id}/bao-cao?ky=2026-06`;
    const reportDue = head.filter((n) => n.kind === "report_due");
    expect(reportDue).toHaveLength(1);
    expect(reportDue[0]!.body).toContain("trước ngày 20/06/2026");
    expect(reportDue[0]!.body).toContain(form(secret));
    expect(reportDue[0]!.body).toContain(form(returned));
    const staffDue = staff.filter((n) => n.kind === "report_due");
    expect(staffDue).toHaveLength(1);
    expect(staffDue[0]!.body).toContain(form(returned));
    for (const n of [...reportDue, ...staffDue]) {
      expect(n.body).not.toContain(form(overdue));
      expect(n.body).not.toContain(form(nothing));
    }

    // one review digest for the three reports waiting, not one notice each
    const monitor = await bell("monitor");
    expect(monitor.map((n) => n.kind)).toEqual(["review_digest"]);
    expect(monitor[0]!.title).toBe("3 báo cáo đang chờ duyệt (15/06/2026)");
    const leader = await bell("leader");
    expect(leader.map((n) => n.kind)).toEqual(["leader_digest"]);
    expect(leader[0]!.title).toBe(
      "Tổng hợp tuần 08/06/2026–14/06/2026: 1 nhiệm vụ mới quá hạn, 1 hoàn thành",
    );
    expect(leader[0]!.body).toMatch(/- Quá hạn — Cục Kiểm tra: \d+\. Nhiệm vụ mới quá hạn \(/);
    expect(leader[0]!.body).toMatch(/- Hoàn thành — Cục Kiểm tra: \d+\. Nhiệm vụ đã hoàn thành \(/);
    expect(leader[0]!.body).toContain("Cục Kiểm tra (1); Cục Thử nghiệm (1)");

    const again = await run("2026-06-15");
    expect(again).toMatchObject({ queued: 0, skipped: first.due, deliveries: 0, sent: 0 });
  });

  it("climbs the overdue ladder: staff the day after, the head a week later, then monitor and leader", async () => {
    const overdueTo = async (who: string) =>
      (await bell(who)).filter(
        (n) => n.kind === "task_overdue" && n.link.startsWith(`/nhiem-vu/${overdue}/`),
      ).length;
    // due Friday 05/06: the day after is a Saturday, so the staff are told on Monday 08/06; the
    // second reminder (13/06, a Saturday) went to the head with Monday 15/06's run above
    await run("2026-06-08");
    expect([await overdueTo("staff"), await overdueTo("head"), await overdueTo("monitor")]).toEqual(
      [1, 1, 0],
    );
    await run("2026-06-09");
    expect(await overdueTo("staff")).toBe(1);
    await run("2026-06-20"); // 20/06 is a Saturday
    await run("2026-06-22");
    expect([await overdueTo("monitor"), await overdueTo("leader")]).toEqual([1, 1]);
  });

  it("stores each body once for all its recipients, rendered, none left unused by a rerun", async () => {
    const stored = () =>
      h.ctx.db.selectFrom("notification_messages").select(["id", "content"]).execute();
    const before = await stored();
    await run("2026-06-15");
    expect(await stored()).toEqual(before);
    // every report-day body stored as task ids was rendered when fanned out
    expect(before.every((m) => m.content === null)).toBe(true);
    const queued = await h.ctx.db.selectFrom("notification_fanout").select("message_id").execute();
    expect(new Set(queued.map((r) => r.message_id))).toEqual(new Set(before.map((m) => m.id)));
    // fewer bodies than notifications: one per message, shared by its recipients
    const notified = await h.ctx.db
      .selectFrom("notifications")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(before.length).toBeLessThan(Number(notified.n));
    // the bell still shows the whole text
    expect((await bell("head")).every((n) => n.body.includes("Giám sát"))).toBe(true);
  });
});
