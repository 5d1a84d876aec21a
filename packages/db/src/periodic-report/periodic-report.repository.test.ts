import { describe, expect, it } from "vitest";
import {
  buildReport,
  buildTask,
  buildUser,
  dialects,
  withTestDatabase,
} from "../test-support/index.js";
import { latestReportsOf } from "./periodic-report.repository.js";

describe.each(dialects())("each task's latest report (%s)", (dialect) => {
  it("is the last live one sent before the date, the higher id on a tie, accepted only when asked", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const user = await buildUser(db);
      const a = await buildTask(db);
      const b = await buildTask(db, { plan_id: a.plan_id });
      const silent = await buildTask(db, { plan_id: a.plan_id });
      const report = (task_id: number, period_key: string, at: string, more = {}) =>
        buildReport(db, { task_id, submitted_by: user.id, period_key, submitted_at: at, ...more });
      await report(a.id, "2026-01", "2026-01-15T02:00:00.000Z", { status: "accepted" });
      const febA = await report(a.id, "2026-02", "2026-02-15T02:00:00.000Z", {
        status: "accepted",
      });
      // sent in the same instant as February's: the later row is the latest
      const febB = await report(a.id, "2026-03", "2026-02-15T02:00:00.000Z", { progress: 40 });
      await report(a.id, "2026-04", "2026-04-15T02:00:00.000Z", { status: "returned" });
      await report(a.id, "2026-05", "2026-06-01T00:00:00.000Z");
      const bJan = await report(b.id, "2026-01", "2026-01-20T02:00:00.000Z", {
        status: "accepted",
      });
      await report(b.id, "2026-02", "2026-02-20T02:00:00.000Z", {
        status: "accepted",
        superseded: 1,
      });
      await report(silent.id, "2026-01", "2026-07-01T00:00:00.000Z", { status: "accepted" });

      const ids = [a.id, b.id, silent.id];
      const latest = await latestReportsOf(db, ids, "2026-06-01");
      expect([...latest.keys()].sort()).toEqual([a.id, b.id].sort());
      expect(latest.get(a.id)).toMatchObject({ id: febB.id, period_key: "2026-03", progress: 40 });
      expect(latest.get(b.id)).toMatchObject({ id: bJan.id, status: "accepted" });
      const accepted = await latestReportsOf(db, ids, "2026-06-01", true);
      expect(accepted.get(a.id)?.id).toBe(febA.id);
      expect(accepted.get(b.id)?.id).toBe(bJan.id);
      // a task list longer than one chunk of ids
      const many = [...Array.from({ length: 600 }, (_, i) => 10_000_000 + i), a.id];
      expect((await latestReportsOf(db, many, "2026-06-01")).get(a.id)?.id).toBe(febB.id);
    });
  });
});
