import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../../db/src/test-support/index.js";
import {
  call,
  importSeed,
  makeUser,
  orgId,
  startHarness,
  type Harness,
} from "../test-support/server-harness.js";
import { actorFor } from "../services/auth.service.js";
import { taskListExport } from "./list-export.service.js";

type TaskItem = { id: number; name: string; statusLabel: string; daysOverdue: number | null };

/** The workbook the endpoint answers, read back with exceljs: each sheet's rows as values. */
async function workbook(h: Harness, url: string, headers: Record<string, string>) {
  const res = await h.app.inject({ method: "GET", url, headers });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers["content-type"]).toContain("spreadsheetml.sheet");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheets = new Map<string, unknown[][]>();
  book.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    sheets.set(sheet.name, rows);
  });
  return { sheets, disposition: String(res.headers["content-disposition"]) };
}

describe.each(dialects())("Xuất Excel of the list pages (%s)", (dialect) => {
  let h: Harness;
  let plan: number;
  let leader: Awaited<ReturnType<typeof makeUser>>;
  let staff: Awaited<ReturnType<typeof makeUser>>;
  beforeAll(async () => {
    h = await startHarness(dialect);
    plan = await importSeed(h.ctx, "qd596");
    leader = await makeUser(h.ctx, "leader");
    staff = await makeUser(h.ctx, "unit_staff", await orgId(h.ctx, "Văn phòng Bộ"));
  });
  afterAll(async () => h.close());

  /** Every page of /api/tasks for these filters, as the list page would page through them. */
  async function allTasks(query: string, headers: Record<string, string>) {
    const items: TaskItem[] = [];
    for (let offset = 0; ; offset += 20) {
      const page = await call(h.app, {
        url: `/api/tasks?${query}&limit=20&offset=${offset}`,
        headers,
      });
      items.push(...(page.body.items as TaskItem[]));
      if (items.length >= page.body.total || page.body.items.length === 0) return items;
    }
  }

  it("holds every page of the task list with its filters and order, dates as dates", async () => {
    const query = `plan=${plan}&asOf=2026-06-01&status=overdue&orderBy=daysOverdue`;
    const listed = await allTasks(query, leader.headers);
    expect(listed.length).toBeGreaterThan(10);
    const { sheets, disposition } = await workbook(h, `/api/tasks/export?${query}`, leader.headers);
    expect(disposition).toContain("nhiem-vu-2026-06-01.xlsx");
    const [header, ...rows] = sheets.get("Nhiệm vụ")!;
    expect(header).toEqual([
      "STT",
      "Kế hoạch",
      "Phụ lục",
      "Số",
      "Nhiệm vụ",
      "Đơn vị chủ trì",
      "Thời hạn",
      "Hạn (ngày)",
      "Tình trạng",
      "Số ngày quá hạn",
      "Ngày hoàn thành",
      "Sản phẩm",
    ]);
    expect(rows.map((r) => r[4])).toEqual(listed.map((t) => t.name));
    expect(rows.map((r) => r[9])).toEqual(listed.map((t) => t.daysOverdue));
    expect(rows.every((r) => r[8] === "Quá hạn")).toBe(true);
    expect(rows.every((r) => r[7] instanceof Date)).toBe(true);
    expect(rows.map((r) => r[0])).toEqual(listed.map((_, i) => i + 1));
  });

  it("keeps a unit's scope: its own tasks only, never a confidential one", async () => {
    const own = await allTasks(`plan=${plan}`, staff.headers);
    expect(own).toHaveLength(6);
    const secret = own[0]!;
    await h.ctx.db
      .updateTable("tasks")
      .set({ confidential: 1 })
      .where("id", "=", secret.id)
      .execute();
    const visible = await allTasks(`plan=${plan}`, staff.headers);
    const everything = await allTasks(`plan=${plan}`, leader.headers);
    expect(visible.length).toBe(own.length - 1);
    const { sheets } = await workbook(h, `/api/tasks/export?plan=${plan}`, staff.headers);
    const names = sheets
      .get("Nhiệm vụ")!
      .slice(1)
      .map((r) => r[4]);
    expect(names).toEqual(visible.map((t) => t.name));
    expect(names).not.toContain(secret.name);
    expect(names.length).toBeLessThan(everything.length);
    await h.ctx.db
      .updateTable("tasks")
      .set({ confidential: 0 })
      .where("id", "=", secret.id)
      .execute();
  });

  it("the dashboard's file: counts by status, every lead unit, every overdue task", async () => {
    const asOf = "2026-06-01";
    const stats = (
      await call(h.app, {
        url: `/api/stats?plan=${plan}&asOf=${asOf}&leads=500`,
        headers: leader.headers,
      })
    ).body as { total: number; counts: Record<string, number>; leadUnits: number };
    const overdue = (
      await call(h.app, {
        url: `/api/overdue?plan=${plan}&asOf=${asOf}&limit=500`,
        headers: leader.headers,
      })
    ).body as { total: number; items: TaskItem[] };
    const { sheets } = await workbook(
      h,
      `/api/stats/export?plan=${plan}&asOf=${asOf}`,
      leader.headers,
    );
    const byStatus = sheets.get("Theo tình trạng")!.slice(1);
    expect(byStatus.map((r) => r[1])).toEqual(Object.values(stats.counts));
    expect(byStatus.reduce((sum, r) => sum + (r[1] as number), 0)).toBe(stats.total);
    expect(sheets.get("Theo đơn vị chủ trì")!.length - 1).toBe(stats.leadUnits);
    expect(
      sheets
        .get("Quá hạn")!
        .slice(1)
        .map((r) => r[4]),
    ).toEqual(overdue.items.map((t) => t.name));
    expect(overdue.total).toBe(stats.counts.overdue);
  });

  it("the scorecards' file: every unit, most overdue first", async () => {
    const cards = (
      await call(h.app, {
        url: `/api/scorecards?plan=${plan}&asOf=2026-06-01`,
        headers: leader.headers,
      })
    ).body.items as { name: string; overdue: number; group: boolean }[];
    const { sheets } = await workbook(
      h,
      `/api/scorecards/export?plan=${plan}&asOf=2026-06-01`,
      leader.headers,
    );
    const units = sheets.get("Đơn vị")!.slice(1);
    expect(units.length).toBe(cards.filter((c) => !c.group).length);
    const overdue = units.map((r) => r[5] as number);
    expect(overdue).toEqual([...overdue].sort((a, b) => b - a));
    expect(new Set(units.map((r) => r[1]))).toEqual(
      new Set(cards.filter((c) => !c.group).map((c) => c.name)),
    );
  });

  it("refuses a list longer than the cap with a Vietnamese message, before writing", async () => {
    await expect(
      taskListExport(h.ctx, await actorFor(h.ctx, leader.user, "token"), { plan }, 10),
    ).rejects.toThrow(/Danh sách có 91 nhiệm vụ, nhiều hơn 10 dòng xuất được một lần/);
  });

  it("asks for a signed-in user", async () => {
    const res = await call(h.app, { url: `/api/tasks/export?plan=${plan}` });
    expect(res.status).toBe(401);
  });
});
