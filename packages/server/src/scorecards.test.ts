import { vietnamDay } from "@giamsat/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReport, dialects } from "../../db/src/test-support/index.js";
import {
  call,
  importSeed,
  makeUser,
  startHarness,
  type Harness,
} from "./test-support/server-harness.js";

type Card = { unitId: number; led: number; reportsDue: number; reportsOnTime: number };
type Lead = { orgId: number; total: number };
const AS_OF = "2026-06-01";
/** a year on: the undated Government appendix owes a year of reports from its import day */
const YEAR_ON = "2027-06-01";

describe.each(dialects())("/api/scorecards (%s)", (dialect) => {
  let h: Harness;
  let plans: number[];
  let leader: Awaited<ReturnType<typeof makeUser>>;
  let monitor: Awaited<ReturnType<typeof makeUser>>;
  const setTrackedFrom = async (planId: number, payload: object, user = monitor) =>
    call(h.app, { method: "PATCH", url: `/api/plans/${planId}`, headers: user.headers, payload });
  beforeAll(async () => {
    h = await startHarness(dialect);
    plans = [
      await importSeed(h.ctx, "qd596"),
      await importSeed(h.ctx, "qd405"),
      await importSeed(h.ctx, "bcdcp"),
    ];
    leader = await makeUser(h.ctx, "leader");
    // the seed tests count reports from each dated plan's own date (the default, the import
    // day, is today): the monitoring department sets it, as an agency does for a plan it
    // already followed before the system
    monitor = await makeUser(h.ctx, "monitor");
    for (const id of plans) {
      const { date } = await h.ctx.db
        .selectFrom("plans")
        .select("date")
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      if (date) await setTrackedFrom(id, { trackedFrom: date });
    }
  });
  afterAll(async () => h.close());

  const get = async (url: string) => {
    const response = await call(h.app, { url, headers: leader.headers });
    expect(response.status, url).toBe(200);
    return response.body;
  };

  /** Recurring tasks with their first lead unit (the unit scored for them). */
  async function recurring(planId?: number) {
    let q = h.ctx.db
      .selectFrom("tasks")
      .select(["id", "lead_org_id", "plan_id"])
      .where("kind", "=", "recurring")
      .where("lead_org_id", "is not", null);
    if (planId !== undefined) q = q.where("plan_id", "=", planId);
    return (await q.orderBy("id").execute()).map((t) => ({ ...t, unit: t.lead_org_id! }));
  }

  /** Reports owed and on time per unit, added up from each task's own page. */
  async function summedOverTasks(planId?: number, asOf = AS_OF) {
    const sum = new Map<number, { reportsDue: number; reportsOnTime: number }>();
    for (const t of await recurring(planId)) {
      const task = await get(`/api/tasks/${t.id}?asOf=${asOf}`);
      const c = task.reporting.compliance as { periodsDue: number; onTime: number };
      const acc = sum.get(t.unit) ?? { reportsDue: 0, reportsOnTime: 0 };
      acc.reportsDue += c.periodsDue;
      acc.reportsOnTime += c.onTime;
      sum.set(t.unit, acc);
    }
    return sum;
  }

  it("count each unit's reports as each task's page does, and its tasks as /api/stats", async () => {
    const [a, b, c] = await recurring(plans[0]);
    const report = (taskId: number, period: string, at: string, status = "accepted") =>
      buildReport(h.ctx.db, {
        task_id: taskId,
        submitted_by: monitor.user.id,
        period_key: period,
        submitted_at: at,
        status,
      });
    // a: April on time (a later correction does not count), May late; b: June early (the open
    // period), and May received after the date asked; c: a returned report counts for nothing
    const april = await report(a!.id, "2026-04", "2026-04-15T03:00:00.000Z");
    await h.ctx.db
      .updateTable("progress_reports")
      .set({ superseded: 1 })
      .where("id", "=", april.id)
      .execute();
    await buildReport(h.ctx.db, {
      task_id: a!.id,
      submitted_by: monitor.user.id,
      period_key: "2026-04",
      submitted_at: "2026-05-02T03:00:00.000Z",
      status: "accepted",
      supersedes_id: april.id,
    });
    await report(a!.id, "2026-05", "2026-05-25T03:00:00.000Z");
    await report(b!.id, "2026-06", "2026-05-30T03:00:00.000Z");
    await report(b!.id, "2026-05", "2026-07-01T03:00:00.000Z");
    await report(c!.id, "2026-04", "2026-04-10T03:00:00.000Z", "returned");

    for (const plan of [undefined, plans[0]]) {
      const scope = plan === undefined ? "" : `&plan=${plan}`;
      const cards = (await get(`/api/scorecards?asOf=${AS_OF}${scope}`)).items as Card[];
      const expected = await summedOverTasks(plan);
      for (const [unit, reports] of expected)
        expect(
          cards.find((card) => card.unitId === unit),
          `unit ${unit}`,
        ).toMatchObject(reports);
      const leads = (await get(`/api/stats?asOf=${AS_OF}&leads=500${scope}`)).byLead as Lead[];
      expect(cards.map((card) => [card.unitId, card.led])).toEqual(
        leads.map((l) => [l.orgId, l.total]).sort((x, y) => x[0]! - y[0]!),
      );
    }
    const onTime = (await summedOverTasks(plans[0])).get(a!.unit)!;
    expect(onTime.reportsOnTime).toBe(1);
    expect(onTime.reportsDue).toBeGreaterThan(onTime.reportsOnTime);
  });

  it("mark group placeholders such as “Các bộ, ngành” apart from units", async () => {
    const { items } = (await get(`/api/scorecards?asOf=${AS_OF}`)) as {
      items: { unitId: number; name: string; group: boolean }[];
    };
    const kinds = new Map(
      (await h.ctx.db.selectFrom("organisations").select(["id", "kind"]).execute()).map((o) => [
        o.id,
        o.kind,
      ]),
    );
    expect(items.find((c) => c.name === "Các bộ, ngành")?.group).toBe(true);
    expect(items.filter((c) => c.group).length).toBeGreaterThan(1);
    for (const card of items) expect(card.group).toBe(kinds.get(card.unitId) === "group");
  });

  it("agree on every seed plan, undated and cancelled included, a year on too", async () => {
    const [, qd405, bcdcp] = plans as [number, number, number];
    // the undated appendix was imported on 15/01/2026; one of its tasks and one of plan 405's
    // were cancelled on 25/03/2026 (in Vietnam)
    await h.ctx.db
      .updateTable("plans")
      .set({ imported_at: "2026-01-15T03:00:00.000Z" })
      .where("id", "=", bcdcp)
      .execute();
    const undated = await recurring(bcdcp);
    expect(undated.length).toBeGreaterThan(1);
    const cancelled = [undated[0]!, (await recurring(qd405))[0]!];
    await h.ctx.db
      .updateTable("tasks")
      .set({ cancelled_at: "2026-03-25T03:00:00.000Z" })
      .where(
        "id",
        "in",
        cancelled.map((t) => t.id),
      )
      .execute();
    // a report sent at 23:30 UTC on its due day (19/05) arrived on 20/05 in Vietnam: late
    const [d, e] = (await recurring(plans[0])).slice(3);
    for (const [task, at] of [
      [d!, "2026-05-19T23:30:00.000Z"],
      [e!, "2026-05-19T16:30:00.000Z"],
    ] as const)
      await buildReport(h.ctx.db, {
        task_id: task.id,
        submitted_by: monitor.user.id,
        period_key: "2026-05",
        submitted_at: at,
        status: "accepted",
      });
    const may = async (taskId: number) =>
      (await get(`/api/tasks/${taskId}?asOf=${AS_OF}`)).reporting.compliance.periods.find(
        (p: { key: string }) => p.key === "2026-05",
      ).outcome;
    expect([await may(d!.id), await may(e!.id)]).toEqual(["late", "on_time"]);

    for (const asOf of [AS_OF, YEAR_ON])
      for (const plan of [undefined, ...plans]) {
        const scope = plan === undefined ? "" : `&plan=${plan}`;
        const cards = (await get(`/api/scorecards?asOf=${asOf}${scope}`)).items as Card[];
        const expected = await summedOverTasks(plan, asOf);
        for (const [unit, reports] of expected)
          expect(
            cards.find((card) => card.unitId === unit),
            `${asOf} plan ${plan} unit ${unit}`,
          ).toMatchObject(reports);
        const counted = cards.filter((card) => card.reportsDue > 0).map((card) => card.unitId);
        expect(counted.every((unit) => expected.has(unit))).toBe(true);
      }

    // January 2026 to May 2027 are owed by the undated appendix's tasks (17 months), only
    // January to March by the one cancelled in March
    const owed = [...(await summedOverTasks(bcdcp, YEAR_ON)).values()].reduce(
      (n, u) => n + u.reportsDue,
      0,
    );
    expect(owed).toBe(17 * (undated.length - 1) + 3);
  });

  it("count from the day the plan is tracked from, set by the monitoring department only", async () => {
    const plan = plans[0]!;
    const owed = async () =>
      [...(await summedOverTasks(plan, YEAR_ON)).values()].reduce((n, u) => n + u.reportsDue, 0);
    const carded = async () =>
      ((await get(`/api/scorecards?asOf=${YEAR_ON}&plan=${plan}`)).items as Card[]).reduce(
        (n, c) => n + c.reportsDue,
        0,
      );
    const before = await owed();
    // tracked from 01/01/2027: five months fewer owed (June to December 2026 no longer count;
    // January to May 2027 do), on the task pages and the cards alike
    const set = await setTrackedFrom(plan, {
      trackedFrom: "2027-01-01",
      reason: "Bắt đầu theo dõi",
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ id: plan, trackedFrom: "2027-01-01", trackedFromSet: true });
    const after = await owed();
    expect(after).toBeLessThan(before);
    expect(await carded()).toBe(after);
    const tasks = await recurring(plan);
    expect(after).toBe(5 * tasks.length);
    // only the monitoring department; a bad day is refused with the field named
    for (const user of [leader, await makeUser(h.ctx, "admin")])
      expect((await setTrackedFrom(plan, { trackedFrom: null }, user)).status).toBe(403);
    const bad = await setTrackedFrom(plan, { trackedFrom: "31/02/2027" });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/trackedFrom/);
    // null: back to the import day (today), so nothing is owed as of a past day
    const reset = await setTrackedFrom(plan, { trackedFrom: null });
    expect(reset.body.trackedFromSet).toBe(false);
    expect(reset.body.trackedFrom).toBe(vietnamDay(reset.body.importedAt));
    const audit = await h.ctx.db
      .selectFrom("audit_events")
      .select(["action", "after", "reason"])
      .where("entity", "=", "plan")
      .where("entity_id", "=", String(plan))
      .where("action", "=", "plan.tracked_from")
      .orderBy("id")
      .execute();
    expect(audit.map((a) => JSON.parse(a.after!).trackedFrom).slice(-2)).toEqual([
      "2027-01-01",
      null,
    ]);
    expect(audit.at(-2)!.reason).toBe("Bắt đầu theo dõi");
    await setTrackedFrom(plan, { trackedFrom: (await get(`/api/plans/${plan}`)).date });
  });
});
