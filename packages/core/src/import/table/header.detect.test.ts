import { describe, expect, it } from "vitest";
import type { Row } from "../blocks.js";
import { roleOf } from "./column-roles.js";
import {
  detectHeader,
  isColumnNumberRow,
  matchRepeatedHeader,
  sameTable,
} from "./header.detect.js";
import { mergeHeaderRows, mergedRow } from "./header-rows.js";

const row = (line: number, ...texts: string[]): Row => ({
  line,
  cells: texts.map((text) => ({ text, bold: false, italic: false, footnotes: [] })),
});

describe("column roles by header text", () => {
  it.each([
    ["STT", "number"],
    ["TT", "number"],
    ["TT trong NQ03", "refNumber"],
    ["Tên nhiệm vụ", "name"],
    ["Nội dung nhiệm vụ", "name"],
    ["Chỉ tiêu", "name"],
    ["Văn bản giao", "basis"],
    ["Căn cứ giao", "basis"],
    ["Văn bản nguồn", "basis"],
    ["NV theo KH 318", "basis"],
    ["Lãnh đạo Bộ chỉ đạo", "leader"],
    ["Lãnh đạo phụ trách", "leader"],
    ["Cơ quan chủ trì", "lead"],
    ["ĐƠN VỊ CHỦ TRÌ", "lead"],
    ["Chủ trì", "lead"],
    ["Cơ quan chủ trì thực hiện", "lead"],
    ["Đơn vị chủ trì theo dõi, đánh giá", "lead"],
    ["Cơ quan phối hợp", "coordinators"],
    ["Phối hợp", "coordinators"],
    ["Kết quả năm 2026", "output"],
    ["Sản phẩm đầu ra (dự kiến)", "output"],
    ["Sản phẩm chủ yếu", "output"],
    ["Thời hạn hoàn thành", "deadline"],
    ["Thời gian thực hiện", "deadline"],
    ["Hoàn thành", "deadline"],
    ["Đơn vị", "unit"],
    ["Đơn vị tính", "unit"],
    ["Kỳ báo cáo", "frequency"],
    ["Kết quả hiện nay", "extra"],
    ["Tiến độ", "extra"],
    ["Nguồn kinh phí", "extra"],
    ["Ghi chú", "extra"],
  ])("%s → %s", (header, role) => {
    expect(roleOf(header)).toBe(role);
  });
});

describe("detectHeader", () => {
  it("recognises a header in any column order and keeps unknown columns as extra", () => {
    const h = detectHeader(row(3, "Thời hạn", "Nhiệm vụ", "STT", "Nguồn vốn", "Đơn vị chủ trì"));
    expect(h?.columns.map((c) => [c.index, c.role])).toEqual([
      [0, "deadline"],
      [1, "name"],
      [2, "number"],
      [3, "extra"],
      [4, "lead"],
    ]);
  });

  it("does not take a data row or a prose row for a header", () => {
    expect(detectHeader(row(1, "1.", "Xây dựng đề án", "Vụ Pháp chế", "Quý I/2026"))).toBeNull();
    expect(detectHeader(row(1, "Số: 596/QĐ-BCT", "Hà Nội, ngày 31 tháng 3 năm 2026"))).toBeNull();
  });

  it("treats an unlabelled first column as the number column", () => {
    const h = detectHeader(row(1, "", "Nhiệm vụ", "Chủ trì"));
    expect(h?.columns[0]).toEqual({ index: 0, header: "", role: "number" });
  });
});

describe("repeated headers at page breaks", () => {
  const header = detectHeader(row(1, "STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"))!;

  it("matches the same header again, also with OCR-damaged case", () => {
    expect(
      matchRepeatedHeader(row(9, "STT", "TÊN NHIỆM VỤ", "Cơ quan chủ trì", "Thời hạn"), header),
    ).not.toBeNull();
    expect(
      matchRepeatedHeader(row(9, "1.", "Tên nhiệm vụ mới", "Vụ Pháp chế", "2026"), header),
    ).toBeNull();
  });

  it("matches a header printed again with a letter misread or a space lost by OCR", () => {
    expect(
      matchRepeatedHeader(row(9, "STT", "Tên nhiệm vu", "Cơquan chủ trì", "Thời hạm"), header),
    ).not.toBeNull();
    expect(
      matchRepeatedHeader(row(9, "STT", "Tên nhiệm vụ", "Cơ quan phối hợp", "Thời hạn"), header),
    ).toBeNull();
  });

  it("returns text glued after a header cell, by column", () => {
    const found = matchRepeatedHeader(
      row(9, "STT", "Tên nhiệm vụ", "Cơ quan chủ trì và Kinh tế số", "Thời hạn"),
      header,
    );
    expect([...(found?.glued ?? [])]).toEqual([[2, "và Kinh tế số"]]);
  });

  it("compares tables by column roles", () => {
    const other = detectHeader(row(5, "TT", "Nhiệm vụ", "Chủ trì", "Hoàn thành"))!;
    expect(sameTable(header, other)).toBe(true);
    expect(sameTable(header, detectHeader(row(5, "TT", "Nhiệm vụ", "Thời hạn", "Chủ trì"))!)).toBe(
      false,
    );
  });

  it("skips column-number rows", () => {
    expect(isColumnNumberRow(row(2, "(1)", "(2)", "(3)", "(4)"))).toBe(true);
    expect(isColumnNumberRow(row(2, "1", "2", "Vụ Pháp chế", "4"))).toBe(false);
  });
});

describe("two-row headers (merged cells)", () => {
  it("folds the second row into the columns it spans", () => {
    const top = row(
      1,
      "TT",
      "Nhiệm vụ",
      "Đơn vị thực hiện",
      "",
      "Thời gian thực hiện",
      "",
      "Sản phẩm",
    );
    const sub = row(2, "", "", "Chủ trì", "Phối hợp", "Bắt đầu", "Kết thúc", "");
    const merged = mergeHeaderRows(top, sub);
    expect(merged).toEqual([
      "TT",
      "Nhiệm vụ",
      "Chủ trì",
      "Phối hợp",
      "Bắt đầu (Thời gian thực hiện)",
      "Thời gian thực hiện - Kết thúc",
      "Sản phẩm",
    ]);
    const h = detectHeader(mergedRow(top, merged!), [top, sub]);
    expect(h?.columns.map((c) => c.role)).toEqual([
      "number",
      "name",
      "lead",
      "coordinators",
      "extra",
      "deadline",
      "output",
    ]);
    expect(matchRepeatedHeader(top, h!)).not.toBeNull();
    expect(matchRepeatedHeader(sub, h!)).not.toBeNull();
  });

  it("does not take the first data row for a second header row", () => {
    const top = row(1, "TT", "Nhiệm vụ", "Chủ trì", "Thời hạn");
    expect(
      mergeHeaderRows(top, row(2, "1", "Xây dựng kế hoạch", "Vụ Pháp chế", "2026")),
    ).toBeNull();
  });
});
