import { fold } from "@giamsat/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../db/src/test-support/index.js";
import {
  call,
  importSeed,
  makeUser,
  startHarness,
  type Harness,
} from "./test-support/server-harness.js";

type User = Awaited<ReturnType<typeof makeUser>>;
type Item = {
  task: { id: number; planId: number; kind: string; name: string; status: string };
  period: { key: string; dueDate: string };
  report: { id: number; status: string } | null;
  returned: { id: number; comment: string | null } | null;
  toReport: boolean;
};
type Inbox = { total: number; counts: Record<string, number>; items: Item[] };

const AS_OF = "2026-06-01";

/** The unit's inbox: search without diacritics, filters and pages, all on the server. */
describe.each(dialects())("việc của đơn vị: tìm, lọc, phân trang (%s)", (dialect) => {
  let h: Harness;
  let plan596: number;
  let staff: User;
  let monitor: User;
  const inbox = async (query = "") =>
    (await call(h.app, { url: `/api/inbox?asOf=${AS_OF}${query}`, headers: staff.headers }))
      .body as Inbox;

  beforeAll(async () => {
    h = await startHarness(dialect);
    plan596 = await importSeed(h.ctx, "qd596");
    await importSeed(h.ctx, "qd405");
    // the unit that leads or coordinates the most tasks of the two plans
    const busiest = await h.ctx.db
      .selectFrom("task_orgs")
      .select(["org_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("org_id", "is not", null)
      .groupBy("org_id")
      .orderBy("n", "desc")
      .executeTakeFirstOrThrow();
    staff = await makeUser(h.ctx, "unit_staff", busiest.org_id);
    monitor = await makeUser(h.ctx, "monitor");
  });
  afterAll(async () => h.close());

  it("pages through the unit's open tasks by deadline, twenty at a time", async () => {
    const all = await inbox("&limit=100");
    expect(all.total).toBeGreaterThan(20);
    expect(all.total).toBe(all.counts.all);
    const first = await inbox();
    const second = await inbox("&offset=20");
    expect(first.items).toHaveLength(20);
    expect(first.total).toBe(all.total);
    expect([...first.items, ...second.items].map((i) => i.task.id)).toEqual(
      all.items.slice(0, 20 + second.items.length).map((i) => i.task.id),
    );
    expect(
      (await call(h.app, { url: "/api/inbox?limit=1000", headers: staff.headers })).status,
    ).toBe(400);
  });

  it("finds a task typed without diacritics", async () => {
    const all = await inbox("&limit=100");
    const target = all.items.find((i) => fold(i.task.name).split(" ").length > 3)!;
    const words = fold(target.task.name).split(" ").slice(1, 3).join(" ");
    expect(target.task.name.toLowerCase()).not.toContain(words);
    const found = await inbox(`&q=${encodeURIComponent(words)}&limit=100`);
    expect(found.items.map((i) => i.task.id)).toContain(target.task.id);
    expect(found.total).toBeLessThan(all.total);
    for (const item of found.items) expect(fold(item.task.name)).toContain(words.split(" ")[0]);
  });

  it("filters by plan, kind and overdue, and counts each filter", async () => {
    const byPlan = await inbox(`&plan=${plan596}&limit=100`);
    expect(byPlan.items).toHaveLength(48);
    expect(byPlan.items.every((i) => i.task.planId === plan596)).toBe(true);
    const recurring = await inbox("&kind=recurring&limit=100");
    expect(recurring.items).toHaveLength(44);
    expect(recurring.items.every((i) => i.task.kind === "recurring")).toBe(true);
    const overdue = await inbox("&show=overdue&limit=100");
    expect(overdue.total).toBe(overdue.counts.overdue);
    expect(overdue.items.every((i) => i.task.status === "overdue")).toBe(true);
    expect(overdue.total).toBe(11);
    expect(overdue.total).toBeLessThan(overdue.counts.all);
  });

  it("a report sent leaves “to report”; returned, it comes back with the reason", async () => {
    const before = await inbox("&show=to_report&kind=recurring&limit=100");
    expect(before.counts.to_report).toBe(before.counts.all);
    const task = before.items[0]!;
    const sent = await call(h.app, {
      method: "POST",
      url: `/api/tasks/${task.task.id}/reports`,
      headers: staff.headers,
      payload: { state: "nothing_to_report", period: task.period.key },
    });
    expect(sent.status).toBe(201);
    const after = await inbox("&show=to_report&kind=recurring&limit=100");
    expect(after.total).toBe(before.total - 1);
    expect(after.items.map((i) => i.task.id)).not.toContain(task.task.id);

    await call(h.app, {
      method: "POST",
      url: `/api/reports/${sent.body.id}/review`,
      headers: monitor.headers,
      payload: { decision: "return", comment: "Cần nêu rõ số văn bản" },
    });
    const returned = await inbox("&show=returned");
    expect(returned.total).toBe(1);
    expect(returned.items[0]?.returned).toMatchObject({
      id: sent.body.id,
      comment: "Cần nêu rõ số văn bản",
    });
    expect((await inbox("&show=to_report&kind=recurring&limit=100")).total).toBe(before.total);
  });

  it("refuses an unknown filter and other roles", async () => {
    expect(
      (await call(h.app, { url: "/api/inbox?show=done", headers: staff.headers })).status,
    ).toBe(400);
    expect((await call(h.app, { url: "/api/inbox", headers: monitor.headers })).status).toBe(403);
  });
});
