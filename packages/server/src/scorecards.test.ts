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

describe.each(dialects())("/api/scorecards (%s)", (dialect) => {
  let h: Harness;
  let plans: number[];
  let leader: Awaited<ReturnType<typeof makeUser>>;
  beforeAll(async () => {
    h = await startHarness(dialect);
    plans = [await importSeed(h.ctx, "qd596"), await importSeed(h.ctx, "qd405")];
    leader = await makeUser(h.ctx, "leader");
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
  async function summedOverTasks(planId?: number) {
    const sum = new Map<number, { reportsDue: number; reportsOnTime: number }>();
    for (const t of await recurring(planId)) {
      const task = await get(`/api/tasks/${t.id}?asOf=${AS_OF}`);
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
    const monitor = await makeUser(h.ctx, "monitor");
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
    await report(a!.id, "2026-04", "2026-04-15T03:00:00.000Z");
    await report(a!.id, "2026-04", "2026-05-02T03:00:00.000Z");
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
    expect(onTime.reportsOnTime).toBeGreaterThan(0);
    expect(onTime.reportsDue).toBeGreaterThan(onTime.reportsOnTime);
  });
});
