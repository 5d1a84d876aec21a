/**
 * The task page with a long history: the detail carries the newest 100 reports and
 * history events with their totals; the rest comes a page at a time, newest first, within the
 * reader's scope.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "@giamsat/db";
import { dialects } from "../../db/src/test-support/index.js";
import {
  call,
  importSeed,
  makeUser,
  reportSlots,
  startHarness,
  unitTask,
  type Harness,
} from "./test-support/server-harness.js";

describe.each(dialects())("a task with a long history, page by page (%s)", (dialect) => {
  let h: Harness;
  let taskId: number;
  let staff: Awaited<ReturnType<typeof makeUser>>;
  let other: Awaited<ReturnType<typeof makeUser>>;
  const REPORTS = 130;
  const RETURNED = 50;
  beforeAll(async () => {
    h = await startHarness(dialect);
    const plan = await importSeed(h.ctx, "qd596");
    const { unitId } = await unitTask(h.ctx, plan);
    const { slots } = await reportSlots(h.ctx, plan, unitId);
    staff = await makeUser(h.ctx, "unit_staff", unitId);
    const foreign = await h.ctx.db
      .selectFrom("organisations")
      .select("id")
      .where("id", "!=", unitId)
      .where("kind", "=", "unit")
      .executeTakeFirstOrThrow();
    other = await makeUser(h.ctx, "unit_staff", foreign.id);
    // one task's many periods, all reported through the API (each report audited)
    taskId = slots[0]!.taskId;
    const mine = slots.filter((s) => s.taskId === taskId).slice(0, 60);
    for (const slot of mine) {
      const res = await call(h.app, {
        method: "POST",
        url: `/api/tasks/${taskId}/reports`,
        headers: staff.headers,
        payload: { period: slot.period, state: "in_progress", summary: `Kỳ ${slot.period}` },
      });
      expect(res.status).toBe(201);
    }
    // and 50 older reports the monitoring department returned, so the reports pass one page too
    for (let i = 0; i < RETURNED; i++)
      await h.ctx.db
        .insertInto("progress_reports")
        .values({
          task_id: taskId,
          org_id: unitId,
          period_key: mine[0]!.period,
          state: "in_progress",
          summary: `Trả lại ${i}`,
          status: "returned",
          submitted_by: staff.user.id,
          submitted_at: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString(),
        })
        .execute();
    // and history events of the task itself, beyond one page
    for (let i = 0; i < REPORTS - mine.length; i++)
      await recordAudit(h.ctx.db, {
        actorId: null,
        action: "task.note",
        entity: "task",
        entityId: taskId,
        reason: `ghi chú ${i}`,
      });
  });
  afterAll(async () => h.close());

  it("gives the first hundred of each with their totals, the rest by pages, newest first", async () => {
    const detail = (await call(h.app, { url: `/api/tasks/${taskId}`, headers: staff.headers }))
      .body;
    expect(detail.reports).toHaveLength(100);
    expect(detail.reportsTotal).toBe(60 + RETURNED);
    expect(detail.audit).toHaveLength(100);
    expect(detail.auditTotal).toBeGreaterThanOrEqual(REPORTS);
    const rest = await call(h.app, {
      url: `/api/tasks/${taskId}/audit?offset=100&limit=500`,
      headers: staff.headers,
    });
    expect(rest.body.total).toBe(detail.auditTotal);
    const ids = [...detail.audit, ...rest.body.items].map((a: { id: number }) => a.id);
    expect(ids).toHaveLength(detail.auditTotal);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(ids.length);

    const reports = await call(h.app, {
      url: `/api/tasks/${taskId}/reports?offset=50&limit=20`,
      headers: staff.headers,
    });
    expect(reports.body.total).toBe(60 + RETURNED);
    expect(reports.body.items.map((r: { id: number }) => r.id)).toEqual(
      detail.reports.slice(50, 70).map((r: { id: number }) => r.id),
    );
    // the ten oldest, all returned ones, come on the next page
    const last = await call(h.app, {
      url: `/api/tasks/${taskId}/reports?offset=100&limit=50`,
      headers: staff.headers,
    });
    expect(last.body.items.map((r: { summary: string }) => r.summary)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Trả lại ${9 - i}`),
    );
  });

  it("keeps another unit's staff out", async () => {
    const res = await call(h.app, { url: `/api/tasks/${taskId}/audit`, headers: other.headers });
    expect(res.status).toBe(403);
  });
});
