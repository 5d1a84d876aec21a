/**
 * The stored evaluation of indicators (migrations 0018, 0021, 0024) equals the live
 * evaluation after every kind of change to its inputs — plan import, re-import, a value accepted or returned, a
 * kind correction, the .xlsx values import, a calendar change — and after the daily refresh for
 * a new day; the list reads the stored rows with paging, counts and total. The stored rows are
 * read straight from the table before anything else could recompute them, so a missing refresh
 * fails here. SQLite and PostgreSQL.
 */
import { readFileSync } from "node:fs";
import { writeXlsx } from "@giamsat/core";
import { listIndicatorRows, markPlanIndicatorEvaluationsOutdated } from "@giamsat/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../db/src/test-support/index.js";
import { indicatorListSchema } from "./routes/indicators/indicators.schemas.js";
import { refreshOutdatedIndicatorEvaluations } from "./services/indicator-evaluation.service.js";
import { evaluateIndicatorRows } from "./services/indicator-live.service.js";
import { importPlanBytes } from "./services/import.service.js";
import {
  call,
  importSeed,
  makeUser,
  multipart,
  orgId,
  seedPath,
  startHarness,
  type Harness,
} from "./test-support/server-harness.js";

type User = Awaited<ReturnType<typeof makeUser>>;

/** The month before today's (a period that has begun and ended). */
function lastMonth(day: string, back = 1): string {
  const [y, m] = day.split("-").map(Number) as [number, number];
  const t = y * 12 + (m - 1) - back;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")}`;
}

describe.each(dialects())("stored indicator evaluations (%s)", (dialect) => {
  let h: Harness;
  let plan: number;
  let monitor: User;
  let ecommerce: User;
  const ids = new Map<string, number>();
  // the service's day: 10:00 in Vietnam on 5 December 2026
  const today = "2026-12-05";

  beforeAll(async () => {
    h = await startHarness(dialect, {}, { now: new Date(`${today}T03:00:00Z`) });
    plan = await importSeed(h.ctx, "qd596");
    monitor = await makeUser(h.ctx, "monitor");
    ecommerce = await makeUser(
      h.ctx,
      "unit_staff",
      await orgId(h.ctx, "Cục Thương mại điện tử và Kinh tế số"),
    );
    for (const r of await listIndicatorRows(h.ctx.db, { planId: plan }))
      ids.set(r.number ?? "", r.id);
  });
  afterAll(async () => h.close());

  /** Stored rows as they are in the table, and the live evaluation of every indicator. */
  async function expectStoredEqualsLive(asOf = today): Promise<void> {
    const stored = await h.ctx.db
      .selectFrom("indicator_evaluations as e")
      .leftJoin("indicator_evaluation_items as i", "i.indicator_id", "e.indicator_id")
      .select(["e.indicator_id", "e.as_of", "e.warning", "i.item"])
      .orderBy("e.indicator_id")
      .execute();
    const rows = await listIndicatorRows(h.ctx.db, {});
    const live = (await evaluateIndicatorRows(h.ctx, rows, asOf)).sort((a, b) => a.id - b.id);
    expect(stored.map((s) => s.indicator_id)).toEqual(live.map((l) => l.id));
    expect(stored.map((s) => s.as_of)).toEqual(live.map(() => asOf));
    expect(stored.map((s) => s.warning)).toEqual(live.map((l) => l.warning));
    expect(stored.map((s) => JSON.parse(s.item ?? "null"))).toEqual(live);
  }

  const itemOf = async (id: number) => {
    const row = await h.ctx.db
      .selectFrom("indicator_evaluation_items")
      .select("item")
      .where("indicator_id", "=", id)
      .executeTakeFirstOrThrow();
    return JSON.parse(row.item) as { latest: { period: string; value: number } | null };
  };

  it("a plan import stores every indicator's evaluation", async () => {
    expect(ids.size).toBe(11);
    await expectStoredEqualsLive();
  });

  it("a value accepted, then one returned, refresh the indicator", async () => {
    const id = ids.get("4")!;
    const period = lastMonth(today);
    const sent = await call(h.app, {
      method: "POST",
      url: `/api/indicators/${id}/values`,
      headers: ecommerce.headers,
      payload: { period, value: 60 },
    });
    expect(sent.status).toBe(201);
    await call(h.app, {
      method: "POST",
      url: `/api/indicator-values/${sent.body.id}/review`,
      headers: monitor.headers,
      payload: { decision: "accept" },
    });
    expect((await itemOf(id)).latest).toEqual({ period, value: 60 });
    await expectStoredEqualsLive();

    const wrong = await call(h.app, {
      method: "POST",
      url: `/api/indicators/${id}/values`,
      headers: ecommerce.headers,
      payload: { period, value: 500 },
    });
    await call(h.app, {
      method: "POST",
      url: `/api/indicator-values/${wrong.body.id}/review`,
      headers: monitor.headers,
      payload: { decision: "return", comment: "Quá 100%" },
    });
    expect((await itemOf(id)).latest).toEqual({ period, value: 60 });
    await expectStoredEqualsLive();
  });

  it("a kind correction refreshes the indicator", async () => {
    const res = await call(h.app, {
      method: "PUT",
      url: `/api/indicators/${ids.get("11")!}/kind`,
      headers: monitor.headers,
      payload: { kind: "level", direction: "lower", reason: "Kiểm tra đánh giá lưu sẵn" },
    });
    expect(res.status).toBe(200);
    await expectStoredEqualsLive();
  });

  it("the .xlsx values import refreshes the indicators it fills", async () => {
    const rows = [
      [ids.get("4")!, "", lastMonth(today, 2), 70],
      [ids.get("11")!, "", lastMonth(today), 2],
    ].map((r) =>
      r.map((v) => (v === "" ? null : typeof v === "number" ? { number: v } : { text: v })),
    );
    const content = Buffer.from(
      writeXlsx([
        {
          name: "Giá trị chỉ tiêu",
          rows: [
            [{ text: "GIÁ TRỊ CHỈ TIÊU" }],
            ["Mã chỉ tiêu", "Tên chỉ tiêu", "Kỳ", "Giá trị", "Ghi chú"].map((text) => ({ text })),
            ...rows,
          ],
        },
      ]),
    );
    const form = multipart({}, [{ field: "file", name: "gia-tri.xlsx", content }]);
    const res = await call(h.app, {
      method: "POST",
      url: "/api/indicator-values/import",
      headers: { ...monitor.headers, ...form.headers },
      payload: form.payload,
    });
    expect(res.status).toBe(201);
    expect((await itemOf(ids.get("11")!)).latest).toEqual({ period: lastMonth(today), value: 2 });
    await expectStoredEqualsLive();
  });

  it("a calendar change and a re-import with a changed target refresh the plan", async () => {
    const cal = await call(h.app, {
      method: "PUT",
      url: `/api/plans/${plan}/calendar`,
      headers: monitor.headers,
      payload: { frequency: "quarterly", dueDay: 10 },
    });
    expect(cal.status).toBe(200);
    await expectStoredEqualsLive();

    const amended = readFileSync(seedPath("qd596"), "utf8").replace(
      "%\t≥80\tCục Thương",
      "%\t≥90\tCục Thương",
    );
    const outcome = await importPlanBytes(h.ctx, null, Buffer.from(amended), "596-sua-doi.txt");
    expect(outcome.planId).toBe(plan);
    await expectStoredEqualsLive();
    await importSeed(h.ctx, "qd405");
    await expectStoredEqualsLive();
  });

  it("the daily refresh stores every indicator for the new day", async () => {
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    const total = (await listIndicatorRows(h.ctx.db, {})).length;
    expect(await refreshOutdatedIndicatorEvaluations(h.ctx, tomorrow)).toBe(total);
    await expectStoredEqualsLive(tomorrow);
    expect(await refreshOutdatedIndicatorEvaluations(h.ctx, tomorrow)).toBe(0);
  });

  it("the list reads the stored rows a page at a time with its total and counts", async () => {
    // As an import without the server (the CLI) leaves them: waiting, computed by the read.
    await markPlanIndicatorEvaluationsOutdated(h.ctx.db, plan);
    const all = await call(h.app, {
      url: `/api/indicators?limit=1000`,
      headers: monitor.headers,
    });
    indicatorListSchema.parse(all.body);
    await expectStoredEqualsLive();
    const live = await evaluateIndicatorRows(h.ctx, await listIndicatorRows(h.ctx.db, {}), today);
    expect(all.body.items).toEqual(live);
    expect(all.body.total).toBe(live.length);
    const page = await call(h.app, {
      url: `/api/indicators?plan=${plan}&limit=4&offset=8`,
      headers: monitor.headers,
    });
    expect(page.body.total).toBe(11);
    expect(page.body.items.map((i: { id: number }) => i.id)).toEqual(
      live
        .filter((i) => i.planId === plan)
        .slice(8, 12)
        .map((i) => i.id),
    );
    const warning = live.find((i) => i.planId === plan)!.warning;
    const filtered = await call(h.app, {
      url: `/api/indicators?plan=${plan}&warning=${warning}&limit=1000`,
      headers: monitor.headers,
    });
    const expected = live.filter((i) => i.planId === plan && i.warning === warning);
    expect(filtered.body.total).toBe(expected.length);
    expect(filtered.body.counts[warning]).toBe(expected.length);
    expect(filtered.body.items).toEqual(expected);
  });

  it("a unit's list holds what it leads or coordinates and ?unit= what a unit leads, as live", async () => {
    const unit = await orgId(h.ctx, "Cục Thương mại điện tử và Kinh tế số");
    // Indicator 5 (as the re-import above stored it) is led by Văn phòng Bộ; the unit
    // coordinates it.
    const rows = await listIndicatorRows(h.ctx.db, { planId: plan });
    const five = rows.find((r) => r.number === "5")!;
    expect(five.lead_org_id).not.toBe(unit);
    await h.ctx.db
      .insertInto("indicator_orgs")
      .values({
        indicator_id: five.id,
        role: "coordinator",
        ordinal: 9,
        org_id: unit,
        raw: "Cục Thương mại điện tử và Kinh tế số",
        name: "Cục Thương mại điện tử và Kinh tế số",
        kind: "unit",
        scope: null,
        resolved: 1,
      })
      .execute();
    const live = async (filter: Parameters<typeof listIndicatorRows>[1]) =>
      evaluateIndicatorRows(h.ctx, await listIndicatorRows(h.ctx.db, filter), today);
    const own = await call(h.app, {
      url: `/api/indicators?limit=1000`,
      headers: ecommerce.headers,
    });
    const expected = await live({ scope: [unit] });
    expect(expected.map((i) => i.number)).toContain("5");
    expect(own.body.items).toEqual(expected);
    expect(own.body.total).toBe(expected.length);
    const led = await call(h.app, {
      url: `/api/indicators?unit=${unit}&limit=1000`,
      headers: monitor.headers,
    });
    const leads = await live({ unitIds: [unit] });
    expect(leads.length).toBeGreaterThan(0);
    expect(led.body.items).toEqual(leads);
  });
});
