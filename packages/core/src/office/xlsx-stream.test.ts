import { unzipSync, strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import type { ListSheet } from "../list-export/list-sheet.js";
import { readXlsxBlocks } from "../import/readers/xlsx.reader.js";
import { xlsxChunks } from "./xlsx-stream.js";

async function bytesOf(sheets: ListSheet[]): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const c of xlsxChunks(sheets)) chunks.push(c);
  return Buffer.concat(chunks);
}

async function* slowly<T>(rows: T[]): AsyncGenerator<T> {
  for (const row of rows) {
    await Promise.resolve();
    yield row;
  }
}

const columns: ListSheet["columns"] = [
  { title: "STT", widthMm: 11, kind: "number" },
  { title: "Nhiệm vụ", widthMm: 90, kind: "text" },
  { title: "Thời hạn", widthMm: 22, kind: "date" },
  { title: "Tỷ lệ", widthMm: 18, kind: "percent" },
];

describe("xlsxChunks", () => {
  it("writes rows read from an async source as a workbook the importer reads back", async () => {
    const bytes = await bytesOf([
      {
        sheet: "PL I - Nhiệm vụ",
        columns,
        rows: slowly([
          [1, 'Xây dựng & vận hành <cơ sở dữ liệu> "quốc gia"', "2026-06-30", 0.25],
          [2, "Dòng có ký tự điều khiển\u0007 dán từ Word", null, null],
          [3, "", "2026-12-31", 1],
        ]),
      },
      { sheet: "Đơn vị's", columns: columns.slice(0, 2), rows: [[1, "Bộ Công Thương"]] },
    ]);
    const tables = readXlsxBlocks(bytes).filter((b) => b.type === "table");
    const texts = tables.map((t) =>
      t.type === "table" ? t.rows.map((r) => r.cells.map((c) => c.text)) : [],
    );
    expect(texts[0]!.slice(0, 2)).toEqual([
      ["STT", "Nhiệm vụ", "Thời hạn", "Tỷ lệ"],
      ["1", 'Xây dựng & vận hành <cơ sở dữ liệu> "quốc gia"', "30/06/2026", "25%"],
    ]);
    expect(texts[0]![2]!.slice(0, 2)).toEqual(["2", "Dòng có ký tự điều khiển dán từ Word"]);
    expect(texts[0]![3]!.slice(0, 3)).toEqual(["3", "", "31/12/2026"]);
    expect(texts[1]).toEqual([
      ["STT", "Nhiệm vụ"],
      ["1", "Bộ Công Thương"],
    ]);
  });

  it("freezes and filters the header row over exactly the rows written", async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => [i + 1, `Nhiệm vụ ${i + 1}`, null, null]);
    const parts = unzipSync(await bytesOf([{ sheet: "Danh sách", columns, rows }]));
    const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]!);
    expect(sheet).toContain('state="frozen"');
    expect(sheet).toContain('<autoFilter ref="A1:D2501"/>');
    expect(sheet.match(/<row /g)).toHaveLength(2501);
    const workbook = strFromU8(parts["xl/workbook.xml"]!);
    expect(workbook).toContain("'Danh sách'!$A$1:$D$2501");
  });
});
