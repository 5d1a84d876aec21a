import type { ComplianceTally } from "@giamsat/core";
import type { TaskFilter } from "@giamsat/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildOrganisation,
  buildPlan,
  buildReport,
  buildTask,
  buildUser,
  dialects,
} from "../../db/src/test-support/index.js";
import {
  countedReportTimeliness,
  keptReportTimeliness,
} from "./services/report-timeliness.service.js";
import { startHarness, type Harness } from "./test-support/server-harness.js";

/** around due days, a period still open, a quarter's end, a year on */
const DATES = [
  "2026-02-15",
  "2026-02-19",
  "2026-02-20",
  "2026-03-01",
  "2026-04-10",
  "2026-06-01",
  "2026-12-31",
  "2027-01-01",
];
const FILTERS: TaskFilter[] = [{}, { includeConfidential: false }];

/** A unit with nothing due and nothing on time is a unit without a tally (same card). */
function tallies(map: Map<number, ComplianceTally>) {
  return [...map].filter(([, t]) => t.periodsDue || t.onTime).sort(([a], [b]) => a - b);
}

describe.each(dialects())("kept report timeliness (%s)", (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h.close());

  /** The kept counts equal the rule applied to the tasks and reports, for every date. */
  async function expectKeptExact(step: string) {
    for (const filter of FILTERS)
      for (const asOf of DATES) {
        const kept = await keptReportTimeliness(h.ctx, filter, asOf);
        const counted = await countedReportTimeliness(h.ctx, filter, asOf);
        expect(tallies(kept), `${step}, ${asOf}, ${JSON.stringify(filter)}`).toEqual(
          tallies(counted),
        );
      }
  }

  it("equal a recount after accept, return, re-accept, corrections and every change they depend on", async () => {
    const db = h.ctx.db;
    const [u1, u2] = [(await buildOrganisation(db)).id, (await buildOrganisation(db)).id];
    const user = await buildUser(db);
    const monthly = await buildPlan(db, { imported_at: "2026-01-09T20:00:00.000Z" });
    const quarterly = await buildPlan(db, { tracked_from: "2026-01-01" });
    await db
      .insertInto("reporting_calendars")
      .values({ plan_id: quarterly.id, frequency: "quarterly", due_day: 15 })
      .execute();
    const recurring = { kind: "recurring", due_date: null, deadline_kind: "recurring" } as const;
    const r1 = await buildTask(db, { ...recurring, plan_id: monthly.id, lead_org_id: u1 });
    const r2 = await buildTask(db, {
      ...recurring,
      plan_id: monthly.id,
      lead_org_id: u2,
      confidential: 1,
    });
    const r3 = await buildTask(db, { ...recurring, plan_id: quarterly.id, lead_org_id: u1 });
    const timeBound = await buildTask(db, { plan_id: monthly.id, lead_org_id: u1 });
    const report = (
      task_id: number,
      period_key: string,
      submitted_at: string,
      status = "accepted",
    ) =>
      buildReport(db, {
        task_id,
        period_key,
        submitted_at,
        status: status as "accepted",
        submitted_by: user.id,
      });
    // 18:30 UTC on 18/02 is 19/02 in Vietnam: the last day on time; 17:30 on 19/02 is late
    const feb = await report(r1.id, "2026-02", "2026-02-18T18:30:00.000Z");
    await report(r1.id, "2026-03", "2026-03-25T03:00:00.000Z");
    const april = await report(r1.id, "2026-04", "2026-04-08T03:00:00.000Z", "submitted");
    await report(r2.id, "2026-02", "2026-02-19T17:30:00.000Z");
    await report(r3.id, "2026-Q1", "2026-03-10T03:00:00.000Z");
    await report(r3.id, "2026-Q2", "2026-04-05T03:00:00.000Z");
    await report(timeBound.id, "2026-02", "2026-02-10T03:00:00.000Z");
    await expectKeptExact("reports sent");
    const kept = await keptReportTimeliness(h.ctx, {}, "2026-06-01");
    expect(kept.get(u1)).toEqual({ periodsDue: 7, onTime: 3 });

    const setReport = (id: number, status: "accepted" | "returned") =>
      db.updateTable("progress_reports").set({ status }).where("id", "=", id).execute();
    await setReport(april.id, "accepted");
    await expectKeptExact("April accepted");
    await setReport(feb.id, "returned");
    await expectKeptExact("February returned");
    await setReport(feb.id, "accepted");
    await expectKeptExact("February accepted again");
    // a correction comes later: the first receipt stays (one dated earlier would replace it)
    const correct = async (task_id: number, period_key: string, submitted_at: string) => {
      const live = await db
        .updateTable("progress_reports")
        .set({ superseded: 1 })
        .where("task_id", "=", task_id)
        .where("period_key", "=", period_key)
        .where("superseded", "=", 0)
        .returning("id")
        .executeTakeFirstOrThrow();
      await buildReport(db, {
        task_id,
        period_key,
        submitted_at,
        status: "accepted",
        submitted_by: user.id,
        supersedes_id: live.id,
      });
    };
    await correct(r3.id, "2026-Q1", "2026-03-20T03:00:00.000Z");
    await correct(r1.id, "2026-03", "2026-03-02T03:00:00.000Z");
    await expectKeptExact("corrections");

    const calendar = db.updateTable("reporting_calendars").where("plan_id", "=", monthly.id);
    await db
      .insertInto("reporting_calendars")
      .values({ plan_id: monthly.id, frequency: "monthly", due_day: 26 })
      .execute();
    await expectKeptExact("a calendar of its own");
    await calendar.set({ frequency: "quarterly" }).execute();
    await expectKeptExact("quarterly: the monthly reports are in no period");
    await db.deleteFrom("reporting_calendars").where("plan_id", "=", monthly.id).execute();
    await expectKeptExact("back to the default calendar");

    const setPlan = (id: number, tracked_from: string | null) =>
      db.updateTable("plans").set({ tracked_from }).where("id", "=", id).execute();
    await setPlan(monthly.id, "2026-03-01");
    await expectKeptExact("tracked from March");
    await setPlan(quarterly.id, null);
    await expectKeptExact("tracked from the import day");

    const setTask = (
      id: number,
      values: Parameters<ReturnType<typeof db.updateTable<"tasks">>["set"]>[0],
    ) => db.updateTable("tasks").set(values).where("id", "=", id).execute();
    await setTask(r1.id, { cancelled_at: "2026-03-04T20:00:00.000Z" });
    await expectKeptExact("cancelled");
    await setTask(r3.id, { lead_org_id: u2 });
    await setTask(r2.id, { confidential: 0 });
    await expectKeptExact("reassigned, no longer confidential");
    await setTask(r3.id, { kind: "time_bound", deadline_kind: "date", due_date: "2026-12-31" });
    await setTask(r2.id, { removed_at: "2026-02-01T00:00:00.000Z" });
    await expectKeptExact("made time-bound, removed");
    await setTask(r3.id, { ...recurring });
    await db.deleteFrom("progress_reports").where("id", "=", april.id).execute();
    await expectKeptExact("recurring again, a report deleted");
  });
});
