/**
 * Over all plans, a task confirmed as restating another is listed and
 * counted once — under the task it restates, which names the other plan — while each plan's own
 * list still shows all its tasks.
 */
import { STATUS_CODES } from "@giamsat/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../db/src/test-support/index.js";
import {
  call,
  importSeed,
  makeUser,
  startHarness,
  type Harness,
} from "./test-support/server-harness.js";

const AS_OF = "2026-06-01";
type Item = { id: number; planId: number; restatedIn?: { taskId: number; planId: number }[] };

describe.each(dialects())("a restated task over all plans (%s)", (dialect) => {
  let h: Harness;
  let monitor: Awaited<ReturnType<typeof makeUser>>;
  beforeAll(async () => {
    h = await startHarness(dialect);
    await importSeed(h.ctx, "bcdcp");
    await importSeed(h.ctx, "qd596");
    monitor = await makeUser(h.ctx, "monitor");
  });
  afterAll(async () => h.close());

  const get = async (url: string) => {
    const res = await call(h.app, { url, headers: monitor.headers });
    expect(res.status, url).toBe(200);
    return res.body;
  };
  const allTasks = async (query = "") =>
    (await get(`/api/tasks?asOf=${AS_OF}&limit=500${query}`)) as { items: Item[]; total: number };

  it("is listed and counted once, under the task it restates, with both plans", async () => {
    const before = await get(`/api/stats?asOf=${AS_OF}`);
    expect((await allTasks()).total).toBe(before.total);
    const link = (await get("/api/links?state=proposed&limit=1")).items[0] as {
      id: number;
      from: { id: number };
      to: { id: number };
    };
    const confirmed = await call(h.app, {
      method: "POST",
      url: `/api/links/${link.id}/decision`,
      headers: monitor.headers,
      payload: { decision: "confirm" },
    });
    expect(confirmed.status).toBe(200);
    const restating = (await get(`/api/tasks/${link.from.id}?asOf=${AS_OF}`)) as Item & {
      status: string;
    };

    const after = await get(`/api/stats?asOf=${AS_OF}`);
    const listed = await allTasks();
    expect(after.total).toBe(before.total - 1);
    expect(after.counts[restating.status]).toBe(before.counts[restating.status] - 1);
    expect(listed.total).toBe(after.total);
    expect(listed.items.map((t) => t.id)).not.toContain(link.from.id);
    const kept = listed.items.find((t) => t.id === link.to.id)!;
    expect(kept.restatedIn).toEqual([
      { taskId: link.from.id, number: expect.anything(), planId: restating.planId },
    ]);
    // each status card opens a list of as many tasks (the dashboard's cards → national list)
    for (const status of STATUS_CODES)
      expect((await allTasks(`&status=${status}`)).total, status).toBe(after.counts[status]);
    const overdue = await get(`/api/overdue?asOf=${AS_OF}&limit=500`);
    expect(overdue.total).toBe(after.counts.overdue);
    expect(overdue.items.map((t: Item) => t.id)).not.toContain(link.from.id);

    // the restating task's own plan still lists it
    const ownPlan = await allTasks(`&plan=${restating.planId}`);
    expect(ownPlan.items.map((t) => t.id)).toContain(link.from.id);
    expect(ownPlan.items.every((t) => t.restatedIn === undefined)).toBe(true);
  });
});
