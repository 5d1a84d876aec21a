/** Task lists over HTTP on plan 596: sort orders, the overdue list paged in SQL, appendices, leaders. */
import { fold } from "@giamsat/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../db/src/test-support/index.js";
import { CLI_REPORT_ACTOR } from "./periodic-report/periodic-report.service.js";
import { taskPagesFor } from "./services/task.service.js";
import {
  call,
  importSeed,
  makeUser,
  startHarness,
  type Harness,
} from "./test-support/server-harness.js";

type Item = {
  id: number;
  number: string | null;
  status: string;
  leader: string | null;
  daysOverdue: number | null;
  appendixId: number;
  appendix: { id: number; ordinal: number; title: string; label: string };
  deadline: { due: string | null };
};
type Page = { items: Item[]; total: number };
const ASOF = "2026-06-01";

describe.each(dialects())("task lists (%s)", (dialect) => {
  let h: Harness;
  let plan: number;
  let headers: Record<string, string>;
  beforeAll(async () => {
    h = await startHarness(dialect);
    plan = await importSeed(h.ctx, "qd596");
    headers = (await makeUser(h.ctx, "leader")).headers;
  });
  afterAll(async () => h.close());

  const get = async (url: string) => {
    const res = await call(h.app, { url, headers });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as Page;
  };
  const all = (extra = "") => get(`/api/tasks?plan=${plan}&asOf=${ASOF}&limit=500${extra}`);

  it("sorts by deadline with undated tasks last, and rejects an unknown order", async () => {
    const { items, total } = await all("&orderBy=deadline");
    expect(items).toHaveLength(total);
    const dues = items.map((t) => t.deadline.due);
    const dated = dues.filter((d): d is string => d !== null);
    expect(dues.slice(0, dated.length)).toEqual(dated);
    expect(dated).toEqual([...dated].sort());
    const desc = (await all("&orderBy=deadline&dir=desc")).items.map((t) => t.deadline.due);
    expect(desc.slice(0, dated.length)).toEqual([...dated].sort().reverse());
    const bad = await call(h.app, { url: `/api/tasks?orderBy=priority`, headers });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe("validation");
  });

  it("walks every task by key in small pages, each page read while the last is used", async () => {
    const walk = async (extra: { status?: ["overdue"]; orderBy?: "daysOverdue" }, size: number) => {
      const pages: number[][] = [];
      const query = { plan, asOf: ASOF, ...extra };
      for await (const page of taskPagesFor(h.ctx, CLI_REPORT_ACTOR, query, size))
        pages.push(page.map((t) => t.id));
      return pages;
    };
    const whole = (await all()).items.map((t) => t.id);
    const pages = await walk({}, 7);
    expect(pages.map((p) => p.length)).toEqual([...Array(13).fill(7)]); // 91 tasks
    expect(pages.flat()).toEqual(whole);
    const overdue = (await get(`/api/overdue?plan=${plan}&asOf=${ASOF}&limit=500`)).items;
    const late = await walk({ status: ["overdue"], orderBy: "daysOverdue" }, 5);
    expect(late.map((p) => p.length)).toEqual([5, 5, 5, 2]);
    expect(late.flat()).toEqual(overdue.map((t) => t.id));
    // a caller that stops after the first page leaves no failing read behind
    for await (const page of taskPagesFor(h.ctx, CLI_REPORT_ACTOR, { plan, asOf: ASOF }, 7)) {
      expect(page).toHaveLength(7);
      break;
    }
  });

  it("pages the overdue list in SQL: most days overdue first, pages adding up to the whole", async () => {
    const whole = await get(`/api/overdue?plan=${plan}&asOf=${ASOF}&limit=500`);
    expect(whole.total).toBe(17);
    const days = whole.items.map((t) => t.daysOverdue ?? -1);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    const pages: Item[] = [];
    for (let offset = 0; offset < whole.total; offset += 5) {
      const page = await get(`/api/overdue?plan=${plan}&asOf=${ASOF}&limit=5&offset=${offset}`);
      expect(page.total).toBe(17);
      pages.push(...page.items);
    }
    expect(pages.map((t) => t.id)).toEqual(whole.items.map((t) => t.id));
    const sorted = await all("&orderBy=daysOverdue");
    expect(sorted.items.slice(0, 17).map((t) => t.id)).toEqual(whole.items.map((t) => t.id));
  });

  it("names each task's appendix and filters by it", async () => {
    const { items } = await all();
    for (const t of items) {
      expect(t.appendix.id).toBe(t.appendixId);
      expect(t.appendix.label).toMatch(/^Phụ lục [IVXLC]+$/);
    }
    const appendices = [...new Set(items.map((t) => t.appendixId))];
    for (const id of appendices) {
      const only = await all(`&appendix=${id}`);
      expect(only.total).toBe(items.filter((t) => t.appendixId === id).length);
      expect(only.items.every((t) => t.appendixId === id)).toBe(true);
      const stats = (await call(h.app, { url: `/api/stats?plan=${plan}&appendix=${id}`, headers }))
        .body as { total: number };
      expect(stats.total).toBe(only.total);
    }
  });

  it("lists the directing leaders and filters tasks, counts and overdue tasks by any spelling", async () => {
    const { items } = await all();
    const leaders = (await call(h.app, { url: `/api/leaders?plan=${plan}`, headers })).body as {
      items: { leader: string; tasks: number }[];
    };
    expect(leaders.items).toHaveLength(1);
    expect(leaders.items.reduce((n, l) => n + l.tasks, 0)).toBe(
      items.filter((t) => t.leader !== null).length,
    );
    for (const { leader, tasks } of leaders.items) {
      const spelled = encodeURIComponent(leader.toUpperCase());
      const page = await all(`&leader=${spelled}`);
      expect(page.total).toBe(tasks);
      expect(page.items.every((t) => fold(t.leader ?? "") === fold(leader))).toBe(true);
      const stats = (
        await call(h.app, {
          url: `/api/stats?plan=${plan}&asOf=${ASOF}&leader=${spelled}`,
          headers,
        })
      ).body as { total: number; counts: { overdue: number } };
      expect(stats.total).toBe(tasks);
      const overdue = await get(`/api/overdue?plan=${plan}&asOf=${ASOF}&leader=${spelled}`);
      expect(overdue.total).toBe(stats.counts.overdue);
    }
  });
});
