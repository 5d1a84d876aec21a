/**
 * Indicator values in bulk from the monitoring department's .xlsx on plan 596:
 * template, preview with errors per row and column, nothing stored on an error, commit,
 * correction; on SQLite and PostgreSQL.
 */
import { readValuesSheet, writeXlsx, type XCell } from "@giamsat/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../db/src/test-support/index.js";
import { valuesSheetPreviewSchema } from "./routes/indicators/indicators.schemas.js";
import {
  call,
  importSeed,
  makeUser,
  multipart,
  orgId,
  startHarness,
  type Harness,
} from "./test-support/server-harness.js";

type User = Awaited<ReturnType<typeof makeUser>>;

const HEADER = ["Mã chỉ tiêu", "Tên chỉ tiêu", "Kỳ", "Giá trị", "Ghi chú, nguồn số liệu"];

/** A filled sheet: a title row, the header, then [id, name, period, value, note] rows. */
function sheet(rows: (string | number)[][]): Buffer {
  const cell = (v: string | number): XCell | null =>
    v === "" ? null : typeof v === "number" ? { number: v } : { text: v };
  return Buffer.from(
    writeXlsx([
      {
        name: "Giá trị chỉ tiêu",
        rows: [
          [{ text: "GIÁ TRỊ CHỈ TIÊU" }],
          HEADER.map((text) => ({ text })),
          ...rows.map((r) => r.map(cell)),
        ],
      },
    ]),
  );
}

describe.each(dialects())("indicator values from .xlsx (%s)", (dialect) => {
  let h: Harness;
  let plan: number;
  let monitor: User;
  let ecommerce: User;
  const ids = new Map<string, number>();

  beforeAll(async () => {
    // 10:00 in Vietnam on 15 June 2026: the periods from July 2026 have not begun
    h = await startHarness(dialect, {}, { now: new Date("2026-06-15T03:00:00Z") });
    plan = await importSeed(h.ctx, "qd596");
    monitor = await makeUser(h.ctx, "monitor");
    ecommerce = await makeUser(
      h.ctx,
      "unit_staff",
      await orgId(h.ctx, "Cục Thương mại điện tử và Kinh tế số"),
    );
    const list = await call(h.app, {
      url: `/api/indicators?plan=${plan}`,
      headers: monitor.headers,
    });
    for (const i of list.body.items as { id: number; number: string }[]) ids.set(i.number, i.id);
  });
  afterAll(async () => h.close());

  const upload = (url: string, content: Buffer, user = monitor) => {
    const form = multipart({}, [{ field: "file", name: "gia-tri.xlsx", content }]);
    return call(h.app, {
      method: "POST",
      url,
      headers: { ...user.headers, ...form.headers },
      payload: form.payload,
    });
  };
  const stored = async () =>
    (
      await h.ctx.db
        .selectFrom("indicator_values")
        .select(["indicator_id", "period", "value", "status", "source"])
        .execute()
    ).map((v) => ({ ...v, value: Number(v.value) }));

  it("the template lists the plan's 11 indicators with the last month and no value", async () => {
    const res = await h.app.inject({
      url: `/api/indicator-values/template?plan=${plan}`,
      headers: monitor.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    expect(res.headers["content-disposition"]).toContain("mau-gia-tri-chi-tieu.xlsx");
    const read = readValuesSheet(res.rawPayload);
    expect(read).toMatchObject({ rows: [], errors: [] });
    expect(read.labels.value).toBe("cột G (Giá trị)");
    const forbidden = await call(h.app, {
      url: `/api/indicator-values/template?plan=${plan}`,
      headers: ecommerce.headers,
    });
    expect(forbidden.status).toBe(403);
  });

  it("previews rows and every error by row and column; the commit then stores nothing", async () => {
    const pending = await call(h.app, {
      method: "POST",
      url: `/api/indicators/${ids.get("4")}/values`,
      headers: ecommerce.headers,
      payload: { period: "2026-03", value: 50 },
    });
    expect(pending.status).toBe(201);
    const bad = sheet([
      [ids.get("4")!, "Tỷ lệ TTHC", "Tháng 4/2026", "55", "Cổng DVC"],
      [ids.get("11")!, "Sản phẩm", "2026-05", "một", ""],
      [999999, "Không có", "2026-05", 3, ""],
      [ids.get("4")!, "Tỷ lệ TTHC", "2030-01", 70, ""],
      [ids.get("4")!, "Tỷ lệ TTHC", "04/2026", 56, ""],
      [ids.get("4")!, "Tỷ lệ TTHC", "2026-03", 52, ""],
    ]);
    const preview = await upload("/api/indicator-values/import/preview", bad);
    expect(preview.status).toBe(200);
    valuesSheetPreviewSchema.parse(preview.body);
    expect(preview.body.rows.map((r: { line: number }) => r.line)).toEqual([3, 6, 7, 8]);
    expect(preview.body.rows[0]).toMatchObject({
      periodLabel: "Tháng 4/2026",
      value: 55,
      note: "Cổng DVC",
      number: "4",
    });
    const messages = preview.body.errors.map((e: { message: string }) => e.message);
    expect(messages).toEqual([
      'Dòng 4, cột D (Giá trị): "một" không phải là số.',
      "Dòng 5, cột A (Mã chỉ tiêu): không có chỉ tiêu mã 999999.",
      "Dòng 6, cột C (Kỳ): kỳ Tháng 1/2030 chưa bắt đầu.",
      `Dòng 7, cột C (Kỳ): chỉ tiêu ${ids.get("4")}, Tháng 4/2026 đã có ở dòng 3.`,
      expect.stringMatching(/^Dòng 8, cột C \(Kỳ\): giá trị Tháng 3\/2026 .* đang chờ thẩm định/),
    ]);

    const commit = await upload("/api/indicator-values/import", bad);
    expect(commit.status).toBe(400);
    expect(commit.body.message).toContain("chưa lưu giá trị nào");
    expect(commit.body.details.errors).toHaveLength(5);
    expect((await stored()).filter((v) => v.source === "xlsx")).toEqual([]);
  });

  it("a period not begun on the service's day is an error, the month under way is not", async () => {
    const preview = await upload(
      "/api/indicator-values/import/preview",
      sheet([
        [ids.get("4")!, "", "2026-06", 60, ""],
        [ids.get("4")!, "", "2026-07", 61, ""],
      ]),
    );
    expect(preview.status).toBe(200);
    // every row is shown, the one not begun with its error
    expect(preview.body.rows.map((r: { periodLabel: string }) => r.periodLabel)).toEqual([
      "Tháng 6/2026",
      "Tháng 7/2026",
    ]);
    expect(preview.body.errors.map((e: { message: string }) => e.message)).toEqual([
      "Dòng 4, cột C (Kỳ): kỳ Tháng 7/2026 chưa bắt đầu.",
    ]);
  });

  it("stores a clean sheet as accepted values; a second sheet corrects a period", async () => {
    const good = sheet([
      [ids.get("4")!, "Tỷ lệ TTHC", "Tháng 4/2026", "55", "Cổng DVC"],
      [ids.get("11")!, "Sản phẩm", "Quý I/2026", 1, ""],
      [ids.get("10")!, "", "", "", ""],
    ]);
    expect((await upload("/api/indicator-values/import", good, ecommerce)).status).toBe(403);
    const commit = await upload("/api/indicator-values/import", good);
    expect(commit.status).toBe(201);
    expect(commit.body).toEqual({ created: 2, corrected: 0 });
    const fix = await upload(
      "/api/indicator-values/import",
      sheet([[ids.get("4")!, "", "2026-04", "58,5", ""]]),
    );
    expect(fix.body).toEqual({ created: 1, corrected: 1 });
    expect((await stored()).filter((v) => v.source === "xlsx")).toEqual(
      expect.arrayContaining([
        {
          indicator_id: ids.get("4"),
          period: "2026-04",
          value: 55,
          status: "superseded",
          source: "xlsx",
        },
        {
          indicator_id: ids.get("4"),
          period: "2026-04",
          value: 58.5,
          status: "accepted",
          source: "xlsx",
        },
        {
          indicator_id: ids.get("11"),
          period: "2026-Q1",
          value: 1,
          status: "accepted",
          source: "xlsx",
        },
      ]),
    );
    const item = (
      await call(h.app, {
        url: `/api/indicators/${ids.get("4")}?asOf=2026-05-01`,
        headers: monitor.headers,
      })
    ).body;
    expect(item.latest).toEqual({ period: "2026-04", value: 58.5 });
    const audit = await h.ctx.db
      .selectFrom("audit_events")
      .select("actor_id")
      .where("action", "=", "indicator_value.import")
      .execute();
    expect(audit).toHaveLength(3);
    expect(audit.every((a) => a.actor_id === monitor.user.id)).toBe(true);
  });

  it("refuses a file that is no workbook, and one without filled rows, in Vietnamese", async () => {
    const text = await upload(
      "/api/indicator-values/import/preview",
      Buffer.from("Mã chỉ tiêu;Kỳ;Giá trị"),
    );
    expect(text.status).toBe(400);
    expect(text.body.message).toContain("không phải bảng tính Excel");
    const empty = await upload(
      "/api/indicator-values/import",
      sheet([[ids.get("4")!, "", "2026-04", "", ""]]),
    );
    expect(empty.status).toBe(400);
    expect(empty.body.message).toContain("chưa có dòng nào");
  });
});
