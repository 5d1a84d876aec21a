/**
 * A heading written between two tables of one sheet (`Giai đoạn 2`, `II. NHIỆM VỤ …`) heads the
 * tasks below it — a group — instead of being read as a milestone of the task above with a
 * `row_shifted` warning and the restarted numbers as duplicates. Workbooks written by exceljs,
 * as a spreadsheet program saves them; the same in converted text.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { importDocument, parsePlanText } from "./import-document.js";
import type { ImportResult } from "./contract.js";

const HEADER = [
  "STT",
  "Tên nhiệm vụ",
  "Cơ quan chủ trì",
  "Cơ quan phối hợp",
  "Thời hạn",
  "Sản phẩm",
];
type Line = (string | number)[] | { caption: string; column?: number; merged?: boolean } | null;

/** One sheet: the appendix titles, then `lines` (null: an empty row). */
async function workbook(lines: Line[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Phụ lục I");
  sheet.addRow(["PHỤ LỤC I"]);
  sheet.addRow(["DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ"]);
  sheet.addRow([]);
  for (const line of lines) {
    if (line === null) sheet.addRow([]);
    else if (Array.isArray(line)) sheet.addRow(line);
    else {
      const row = sheet.addRow([]);
      row.getCell(line.column ?? 1).value = line.caption;
      if (line.merged) sheet.mergeCells(row.number, 1, row.number, HEADER.length);
    }
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const task = (n: number | string, name: string, lead: string, due: string) => [
  n,
  name,
  lead,
  "",
  due,
  "Báo cáo",
];

const tasks = (r: ImportResult) =>
  r.appendices.flatMap((a) =>
    a.tasks.map((t) => [t.groupPath.join(" / "), t.number, t.milestones.length]),
  );
const codes = (r: ImportResult) => r.warnings.map((w) => w.code);

describe("a heading between two tables of one sheet", () => {
  it("heads the tasks below it when it stands in the number column between empty rows", async () => {
    const r = importDocument(
      await workbook([
        { caption: "Giai đoạn 1" },
        HEADER,
        task(1, "Xây dựng kế hoạch chuyển đổi số", "Bộ Nội vụ", "Quý I/2026"),
        task(2, "Triển khai nền tảng dữ liệu dùng chung", "Bộ Tài chính", "30/6/2026"),
        null,
        { caption: "Giai đoạn 2" },
        null,
        ["I", "HẠ TẦNG SỐ", "", "", "", ""],
        task(1, "Đánh giá kết quả giai đoạn 1", "Bộ Nội vụ", "Quý IV/2026"),
        task(2, "Mở rộng nền tảng dữ liệu dùng chung", "Bộ Tài chính", "2027"),
        null,
        { caption: "Ghi chú: thời hạn tính đến hết ngày cuối của kỳ." },
      ]),
    );
    expect(tasks(r)).toEqual([
      ["Giai đoạn 1", "1", 0],
      ["Giai đoạn 1", "2", 0],
      ["Giai đoạn 2 / I", "1", 0],
      ["Giai đoạn 2 / I", "2", 0],
    ]);
    expect(r.appendices[0]!.groups.map((g) => g.path.join(" / "))).toEqual([
      "Giai đoạn 1",
      "Giai đoạn 2",
      "Giai đoạn 2 / I",
    ]);
    expect(r.appendices[0]!.title).toBe("PHỤ LỤC I — DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ");
    for (const code of ["row_shifted", "number_duplicate", "task_without_number"])
      expect(codes(r)).not.toContain(code);
  });

  it("reads a Roman-numbered heading merged across the table as that group, header repeated or not", async () => {
    const lines = (repeat: boolean): Line[] => [
      { caption: "I. NHIỆM VỤ CHUNG" },
      HEADER,
      task(1, "Ban hành quy chế quản lý dữ liệu", "Bộ Nội vụ", "30/6/2026"),
      null,
      { caption: "II. NHIỆM VỤ TRỌNG TÂM", merged: true },
      null,
      ...(repeat ? [HEADER] : []),
      task(1, "Số hóa hồ sơ thủ tục hành chính", "Bộ Tư pháp", "31/12/2026"),
    ];
    for (const repeat of [false, true]) {
      const r = importDocument(await workbook(lines(repeat)));
      expect(tasks(r)).toEqual([
        ["I", "1", 0],
        ["II", "1", 0],
      ]);
      expect(r.appendices[0]!.groups.map((g) => `${g.number} ${g.title}`)).toEqual([
        "I NHIỆM VỤ CHUNG",
        "II NHIỆM VỤ TRỌNG TÂM",
      ]);
      expect(codes(r)).not.toContain("number_duplicate");
    }
  });

  it("takes a one-cell row as a heading when the numbering restarts under it, empty rows or not", async () => {
    const r = importDocument(
      await workbook([
        HEADER,
        task(1, "Xây dựng kế hoạch chuyển đổi số", "Bộ Nội vụ", "Quý I/2026"),
        task(2, "Triển khai nền tảng dữ liệu dùng chung", "Bộ Tài chính", "30/6/2026"),
        { caption: "Giai đoạn 2", column: 2 },
        task(1, "Đánh giá kết quả giai đoạn 1", "Bộ Nội vụ", "Quý IV/2026"),
      ]),
    );
    expect(tasks(r)).toEqual([
      ["", "1", 0],
      ["", "2", 0],
      ["Giai đoạn 2", "1", 0],
    ]);
    expect(codes(r)).not.toContain("number_duplicate");
  });

  it("keeps a phase row inside a table a milestone of its task when the numbering goes on", async () => {
    const r = importDocument(
      await workbook([
        HEADER,
        task(1, "Xây dựng kế hoạch chuyển đổi số", "Bộ Nội vụ", "Quý IV/2026"),
        { caption: "Giai đoạn 2: thử nghiệm tại ba đơn vị", column: 2 },
        task(2, "Triển khai nền tảng dữ liệu dùng chung", "Bộ Tài chính", "30/6/2026"),
      ]),
    );
    expect(tasks(r)).toEqual([
      ["", "1", 1],
      ["", "2", 0],
    ]);
    expect(r.appendices[0]!.tasks[0]!.milestones[0]!.kind).toBe("phase");
  });

  it("does the same for a caption line between two tables of converted text", () => {
    const tsv = (...rows: (string | number)[][]) => rows.map((r) => r.join("\t")).join("\n");
    const text = [
      "PHỤ LỤC",
      "",
      tsv(HEADER, task(1, "Xây dựng kế hoạch", "Bộ Nội vụ", "Quý I/2026")),
      "",
      "Giai đoạn 2",
      "",
      tsv(task(1, "Đánh giá kết quả", "Bộ Nội vụ", "Quý IV/2026")),
    ].join("\n");
    const r = parsePlanText(text);
    expect(tasks(r)).toEqual([
      ["", "1", 0],
      ["Giai đoạn 2", "1", 0],
    ]);
    expect(codes(r)).not.toContain("number_duplicate");
  });
});
