import { STATUS_CODES, taskStatus } from "@giamsat/core";
import type { StatusCode } from "@giamsat/core";
import { describe, expect, it } from "vitest";
import { buildPlan, buildTask, dialects, withTestDatabase } from "../test-support/index.js";
import { countStatuses, listTasks } from "./task.repository.js";

/** Deadlines and completions around the dates below: every branch and every boundary. */
const CASES: {
  kind: "time-bound" | "recurring";
  due: string | null;
  completedOn: string | null;
}[] = [];
const DUES = [
  null,
  "2026-02-28",
  "2026-03-31",
  "2026-04-15",
  "2026-04-16",
  "2026-06-30",
  "2026-12-31",
];
const COMPLETIONS = [null, "2026-02-27", "2026-03-31", "2026-04-01", "2026-07-01"];
for (const due of DUES)
  for (const completedOn of COMPLETIONS) CASES.push({ kind: "time-bound", due, completedOn });
CASES.push({ kind: "recurring", due: null, completedOn: null });
CASES.push({ kind: "recurring", due: "2026-12-31", completedOn: "2026-03-01" });

const DATES = ["2026-02-28", "2026-03-31", "2026-04-01", "2026-06-30", "2026-07-01", "2027-01-01"];

describe.each(dialects())("task status in SQL (%s)", (dialect) => {
  it("counts the same statuses as core's taskStatus() for every case and date", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const plan = await buildPlan(db);
      const ids = new Map<number, (typeof CASES)[number]>();
      for (const c of CASES) {
        const t = await buildTask(db, {
          plan_id: plan.id,
          kind: c.kind,
          due_date: c.due,
          completed_on: c.completedOn,
          deadline_kind: c.kind === "recurring" ? "recurring" : c.due ? "date" : "unresolved",
        });
        ids.set(t.id, c);
      }
      for (const asOf of DATES) {
        for (const dueSoonDays of [15, 0, 30]) {
          const expected = Object.fromEntries(STATUS_CODES.map((s) => [s, 0])) as Record<
            StatusCode,
            number
          >;
          const expectedById = new Map<number, StatusCode>();
          for (const [id, c] of ids) {
            const code = taskStatus(c, asOf, { dueSoonDays }).code;
            expected[code]++;
            expectedById.set(id, code);
          }
          const { counts, total } = await countStatuses(db, { planId: plan.id, asOf, dueSoonDays });
          expect(counts, `${asOf} window ${dueSoonDays}`).toEqual(expected);
          expect(total).toBe(CASES.length);
          // no filter: the same counts from the status buckets (the only plan is this one)
          const national = await countStatuses(db, { asOf, dueSoonDays });
          expect(national, `buckets ${asOf} window ${dueSoonDays}`).toEqual({ counts, total });

          const page = await listTasks(db, { planId: plan.id, asOf, dueSoonDays, limit: 500 });
          for (const item of page.items) expect(item.status).toBe(expectedById.get(item.id));
          for (const code of STATUS_CODES) {
            const filtered = await listTasks(db, {
              planId: plan.id,
              asOf,
              dueSoonDays,
              status: [code],
            });
            expect(filtered.total, `${code} on ${asOf}`).toBe(expected[code]);
            expect(filtered.items.every((i) => i.status === code)).toBe(true);
          }
        }
      }
    });
  });
});
