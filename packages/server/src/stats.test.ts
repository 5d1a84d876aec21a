import { STATUS_CODES } from "@giamsat/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../db/src/test-support/index.js";
import {
  call,
  importSeed,
  makeUser,
  startHarness,
  unitTask,
  type Harness,
} from "./test-support/server-harness.js";

/** the harness's fixed clock: after every write the tests make, so they all count; a completion
 * reported on that day is accepted (it would be "after today" by the real clock) */
const TODAY = "2027-06-01";

type Lead = { orgId: number; total: number; counts: Record<string, number> };

describe.each(dialects())("/api/stats by lead unit (%s)", (dialect) => {
  let h: Harness;
  let plans: number[];
  let leader: Awaited<ReturnType<typeof makeUser>>;
  beforeAll(async () => {
    h = await startHarness(dialect, {}, { now: new Date(`${TODAY}T10:00:00Z`) });
    plans = [await importSeed(h.ctx, "qd596"), await importSeed(h.ctx, "qd405")];
    leader = await makeUser(h.ctx, "leader");
  });
  afterAll(async () => h.close());

  const stats = async (query: string) => {
    const response = await call(h.app, { url: `/api/stats?${query}`, headers: leader.headers });
    expect(response.status).toBe(200);
    return response.body as { byLead: Lead[]; leadUnits: number; asOf: string };
  };

  /** Every plan's units counted from its tasks, added up: what the kept national counts must be. */
  async function summedOverPlans(asOf: string): Promise<Map<number, Lead>> {
    const sum = new Map<number, Lead>();
    for (const plan of plans) {
      for (const b of (await stats(`plan=${plan}&asOf=${asOf}&leads=500`)).byLead) {
        const acc = sum.get(b.orgId) ?? { orgId: b.orgId, total: 0, counts: {} };
        acc.total += b.total;
        for (const c of STATUS_CODES) acc.counts[c] = (acc.counts[c] ?? 0) + b.counts[c]!;
        sum.set(b.orgId, acc);
      }
    }
    return sum;
  }

  async function expectNationalExact() {
    const national = await stats("leads=500");
    expect(national.asOf).toBe(TODAY);
    const expected = await summedOverPlans(TODAY);
    expect(national.leadUnits).toBe(expected.size);
    expect(new Map(national.byLead.map((b) => [b.orgId, b.counts]))).toEqual(
      new Map([...expected.values()].map((b) => [b.orgId, b.counts])),
    );
    return national;
  }

  it("today: the units kept by the database agree with counting each plan's tasks", async () => {
    const national = await expectNationalExact();
    // read from the status events kept per unit
    const windows = await h.ctx.db.selectFrom("task_soon_windows").select("days").execute();
    expect(windows.map((w) => w.days)).toEqual([h.ctx.config.dueSoonDays]);
    expect(national.leadUnits).toBeGreaterThan(10);
    const overdue = national.byLead.map((b) => b.counts.overdue!);
    expect(overdue).toEqual([...overdue].sort((a, b) => b - a));

    const top = await stats("leads=3");
    expect(top.byLead).toEqual(national.byLead.slice(0, 3).map((b) => expect.objectContaining(b)));
    expect(top.leadUnits).toBe(national.leadUnits);
    expect((await stats("")).byLead).toHaveLength(12);
  });

  it("today: an accepted completion moves its unit's counts at once", async () => {
    const { taskId, unitId } = await unitTask(h.ctx, plans[0]!);
    const done = (b?: Lead) => (b?.counts.done_on_time ?? 0) + (b?.counts.done_late ?? 0);
    const before = (await stats("leads=500")).byLead.find((b) => b.orgId === unitId);
    const staff = await makeUser(h.ctx, "unit_staff", unitId);
    const monitor = await makeUser(h.ctx, "monitor");
    const report = await call(h.app, {
      method: "POST",
      url: `/api/tasks/${taskId}/reports`,
      headers: staff.headers,
      payload: { state: "completed", completedOn: TODAY, summary: "Đã hoàn thành." },
    });
    expect(report.status).toBe(201);
    const review = await call(h.app, {
      method: "POST",
      url: `/api/reports/${report.body.id}/review`,
      headers: monitor.headers,
      payload: { decision: "accept" },
    });
    expect(review.status).toBe(200);
    const after = (await expectNationalExact()).byLead.find((b) => b.orgId === unitId);
    expect(done(after)).toBe(done(before) + 1);
  });

  it("another date counts the tasks and ranks them the same way", async () => {
    const june = await stats("asOf=2026-06-01&leads=500");
    const expected = await summedOverPlans("2026-06-01");
    expect(june.leadUnits).toBe(expected.size);
    expect(june.byLead.map((b) => b.counts)).toEqual(
      june.byLead.map((b) => expected.get(b.orgId)!.counts),
    );
  });

  it("the trend gives the counts at the last six month-ends, the last as of the date asked", async () => {
    const plan = plans[0]!;
    const response = await call(h.app, {
      url: `/api/stats/trend?plan=${plan}&asOf=2026-06-15`,
      headers: leader.headers,
    });
    expect(response.status).toBe(200);
    const months = response.body.months as { month: string; asOf: string; counts: object }[];
    expect(months.map((m) => m.asOf)).toEqual([
      "2026-01-31",
      "2026-02-28",
      "2026-03-31",
      "2026-04-30",
      "2026-05-31",
      "2026-06-15",
    ]);
    for (const m of [months[2]!, months[5]!]) {
      const point = await call(h.app, {
        url: `/api/stats?plan=${plan}&asOf=${m.asOf}`,
        headers: leader.headers,
      });
      expect(m.counts).toEqual(point.body.counts);
    }
  });
});
