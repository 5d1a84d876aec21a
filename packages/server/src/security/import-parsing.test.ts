/**
 * Uploaded documents are parsed in a worker thread, and the readers' caps
 * refuse a hostile workbook with a Vietnamese 413 naming what was too large. The server keeps
 * answering meanwhile: /api/health responds before the import does.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../../db/src/test-support/index.js";
import { writeXlsx, type XCell } from "../../../core/src/office/xlsx.writer.js";
import {
  call,
  makeUser,
  multipart,
  startHarness,
  type Harness,
} from "../test-support/server-harness.js";

const t = (text: string): XCell => ({ text });
const header = [t("STT"), t("Nội dung nhiệm vụ"), t("Cơ quan chủ trì"), t("Thời hạn")];

/** 2,000 rows of tasks and one cell in column IU of row 100,000. */
function farCell(): Uint8Array {
  const rows: (XCell | null)[][] = Array.from({ length: 100_000 }, () => []);
  rows[0] = header;
  for (let i = 1; i <= 2000; i++) rows[i] = [t(`${i}`), t(`Nhiệm vụ ${i}`), t("Bộ Tài chính")];
  rows[99_999] = [...Array<null>(254).fill(null), t("x")];
  return writeXlsx([{ name: "Phụ lục I", rows }]);
}

/** A few rows and 20,000 merged ranges. */
function manyMerges(): Uint8Array {
  const rows = [header, [t("1"), t("Nhiệm vụ"), t("Bộ Tài chính"), t("12/2026")]];
  const merges = Array.from({ length: 20_000 }, (_, i) => `E${i + 1}:F${i + 2}`);
  return writeXlsx([{ name: "Phụ lục I", rows, merges }]);
}

/** A workbook whose sheet nests 100,000 elements. */
function deepNesting(): Uint8Array {
  const parts = unzipSync(writeXlsx([{ name: "Phụ lục I", rows: [header] }]));
  const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]!);
  const deep = "<x>".repeat(100_000) + "</x>".repeat(100_000);
  parts["xl/worksheets/sheet1.xml"] = strToU8(sheet.replace("<sheetData>", `<sheetData>${deep}`));
  return zipSync(parts);
}

describe.each(dialects())("import parsing (%s)", (dialect) => {
  let h: Harness;
  let monitor: Awaited<ReturnType<typeof makeUser>>;
  beforeAll(async () => {
    h = await startHarness(dialect);
    monitor = await makeUser(h.ctx, "monitor");
  });
  afterAll(async () => h.close());

  /** Uploads `bytes` for preview and asks /api/health meanwhile; returns both in finishing order. */
  async function previewBesideHealth(bytes: Uint8Array) {
    const order: string[] = [];
    const form = multipart({}, [
      { field: "file", name: "ke-hoach.xlsx", content: Buffer.from(bytes) },
    ]);
    const [imported, health] = await Promise.all([
      call(h.app, {
        method: "POST",
        url: "/api/imports/preview",
        headers: { ...monitor.headers, ...form.headers },
        payload: form.payload,
      }).finally(() => order.push("import")),
      call(h.app, { url: "/api/health" }).finally(() => order.push("health")),
    ]);
    return { imported, health, order };
  }

  it.each([
    [
      "one cell in column IU of row 100,000",
      farCell,
      /"Phụ lục I" có 2\.002 dòng × 255 cột \(đến cột IU\)/,
    ],
    ["20,000 merged ranges", manyMerges, /"Phụ lục I" có 20\.000 vùng ô gộp \(tối đa 10\.000\)/],
    ["deep nesting", deepNesting, /lồng nhau hơn 256 cấp/],
  ])("refuses %s with a 413 naming it, answering /api/health meanwhile", async (_, make, says) => {
    const { imported, health, order } = await previewBesideHealth(make());
    expect(health.status).toBe(200);
    expect(order).toEqual(["health", "import"]);
    expect(imported.status).toBe(413);
    expect(imported.body.code).toBe("payload_too_large");
    expect(imported.body.message).toMatch(/^Tệp quá lớn để nhập: /);
    expect(imported.body.message).toMatch(says);
  });
});
