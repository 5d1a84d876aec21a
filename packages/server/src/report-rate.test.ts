/**
 * The per-user limit on report submissions lives in the database (`report_rates`), not in a
 * server's memory: two app instances — each from its own copy of the server's modules, as two
 * processes would be — on one database refuse the report that goes over the limit whichever of
 * them receives it. Refused and resent reports are not counted; a window that ended starts again.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { FastifyInstance } from "fastify";
import { dialects } from "../../db/src/test-support/index.js";
import {
  call,
  freshPeriod,
  importSeed,
  makeUser,
  startHarness,
  unitTask,
  type Harness,
} from "./test-support/server-harness.js";

describe.each(dialects())("giới hạn số báo cáo của một tài khoản (%s)", (dialect) => {
  let h: Harness;
  let other: FastifyInstance;
  let taskId: number;
  let unitId: number;

  beforeAll(async () => {
    h = await startHarness(dialect, { GIAMSAT_REPORT_RATE_LIMIT: "2" });
    ({ taskId, unitId } = await unitTask(h.ctx, await importSeed(h.ctx, "qd596")));
    // a second server: the server's modules loaded again (none of the first one's memory)
    vi.resetModules();
    const { createApp } = await import("./app.js");
    other = await createApp({ ...h.ctx, config: { ...h.ctx.config } });
  }, 60_000);

  afterAll(async () => {
    await other?.close();
    await h?.close();
  });

  /** the user's count in the database (`report_rates`) */
  const sentBy = async (userId: number) =>
    (
      await h.ctx.db
        .selectFrom("report_rates")
        .select("sent")
        .where("user_id", "=", userId)
        .executeTakeFirstOrThrow()
    ).sent;

  const send = (app: FastifyInstance, user: { headers: Record<string, string> }, extra = {}) =>
    call(app, {
      method: "POST",
      url: `/api/tasks/${taskId}/reports`,
      headers: user.headers,
      payload: {
        period: freshPeriod(h),
        state: "in_progress",
        summary: "Tiến độ",
        progress: 10,
        ...extra,
      },
    });

  it("counts a user's reports on every server: the third of a limit of two is refused on either", async () => {
    const staff = await makeUser(h.ctx, "unit_staff", unitId);
    expect((await send(h.app, staff)).status).toBe(201);
    expect((await send(other, staff)).status).toBe(201);
    // each server received one report or two: only the count in the database refuses these
    for (const app of [h.app, other]) {
      const refused = await send(app, staff);
      expect(refused.status).toBe(429);
      expect(refused.body.message).toMatch(/^Tài khoản đã gửi 2 báo cáo trong 10 phút qua/);
      const retryAfter = Number(refused.res.headers["retry-after"]);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(600);
    }
    // another user of the same unit has a count of its own
    expect((await send(other, await makeUser(h.ctx, "unit_staff", unitId))).status).toBe(201);
  });

  it("does not count a refused report, a resent form or a report over the limit", async () => {
    const staff = await makeUser(h.ctx, "unit_staff", unitId);
    const period = freshPeriod(h);
    const first = await send(h.app, staff, { period, clientToken: "bieu-mau-1" });
    expect(first.status).toBe(201);
    const resent = await send(other, staff, { period, clientToken: "bieu-mau-1" });
    expect(resent.body.id).toBe(first.body.id);
    // a second report for the same period is refused (409) and not counted
    expect((await send(other, staff, { period })).status).toBe(409);
    expect((await send(h.app, staff)).status).toBe(201);
    expect((await send(other, staff)).status).toBe(429);
    const reports = await h.ctx.db
      .selectFrom("progress_reports")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where("submitted_by", "=", staff.user.id)
      .executeTakeFirstOrThrow();
    expect(Number(reports.n)).toBe(2);
    expect(await sentBy(staff.user.id)).toBe(2);
  });

  it("starts the count again once the window has ended", async () => {
    const staff = await makeUser(h.ctx, "unit_staff", unitId);
    expect((await send(h.app, staff)).status).toBe(201);
    expect((await send(h.app, staff)).status).toBe(201);
    expect((await send(other, staff)).status).toBe(429);
    // the window began ten minutes and one second ago
    const windowMs = h.ctx.config.reportRate.windowMs;
    await h.ctx.db
      .updateTable("report_rates")
      .set({ since_ms: Date.now() - windowMs - 1000 })
      .where("user_id", "=", staff.user.id)
      .execute();
    expect((await send(other, staff)).status).toBe(201);
    expect(await sentBy(staff.user.id)).toBe(1);
  });
});
