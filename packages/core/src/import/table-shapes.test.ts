/**
 * Table shapes seen in real plans: lettered parts (A, B) each with a table
 * of the same header restarting its Roman numbering; a numbered sub-heading with no unit or
 * deadline; a group number wrapped in stray emphasis; `Đơn vị thực hiện` / `Thời gian triển
 * khai` headers and the deadlines written in such plans.
 */
import { describe, expect, it } from "vitest";
import { parsePlanText } from "./import-document.js";

const tsv = (...rows: string[][]) => rows.map((r) => r.join("\t")).join("\n");
const HEADER = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"];
const tasks = (text: string) =>
  parsePlanText(text).appendices.flatMap((a) =>
    a.tasks.map((t) => [t.number, t.groupPath, t.name]),
  );
const codes = (text: string) => parsePlanText(text).warnings.map((w) => w.code);

describe("table shapes", () => {
  const parts = [
    "PHỤ LỤC",
    "",
    "A. NHIỆM VỤ CHUNG",
    "",
    tsv(HEADER, ["I", "THỂ CHẾ", "", ""], ["1", "Nhiệm vụ A1", "Sở Nội vụ", "30/6/2026"]),
    "",
    "B. NHIỆM VỤ CỤ THỂ",
    "",
    tsv(
      HEADER,
      ["I", "HẠ TẦNG", "", ""],
      ["1", "Nhiệm vụ B1", "Sở Tư pháp", "30/9/2026"],
      ["2", "Nhiệm vụ B2", "Sở Tư pháp", "31/12/2026"],
    ),
  ].join("\n");

  it("tells lettered parts apart: each table's numbering under its part", () => {
    expect(tasks(parts)).toEqual([
      ["1", ["A", "I"], "Nhiệm vụ A1"],
      ["1", ["B", "I"], "Nhiệm vụ B1"],
      ["2", ["B", "I"], "Nhiệm vụ B2"],
    ]);
    const r = parsePlanText(parts);
    expect(r.appendices).toHaveLength(1);
    expect(r.appendices[0]!.groups.map((g) => `${g.number} ${g.title}`)).toEqual([
      "A NHIỆM VỤ CHUNG",
      "I THỂ CHẾ",
      "B NHIỆM VỤ CỤ THỂ",
      "I HẠ TẦNG",
    ]);
    expect(codes(parts)).not.toContain("number_duplicate");
  });

  it("keeps a table repeated over a page break one table (no part heading between)", () => {
    const text = [
      "PHỤ LỤC",
      "",
      tsv(HEADER, ["1", "Nhiệm vụ một", "Sở Nội vụ", "30/6/2026"]),
      "",
      tsv(HEADER, ["2", "Nhiệm vụ hai", "Sở Nội vụ", "30/9/2026"]),
    ].join("\n");
    expect(tasks(text)).toEqual([
      ["1", [], "Nhiệm vụ một"],
      ["2", [], "Nhiệm vụ hai"],
    ]);
  });

  it("closes a numbered sub-heading at the next number of its level, with no false gap", () => {
    const text = [
      "PHỤ LỤC",
      "",
      tsv(
        HEADER,
        ["** II**", "PHÁT TRIỂN KINH TẾ SỐ", "", ""],
        ["5", "Phát triển ngành", "", ""],
        ["5.1", "Thương mại", "", ""],
        ["5.1.1", "Thương mại điện tử", "Sở Công Thương", "31/12/2026"],
        ["5.2", "Du lịch số", "Sở Du lịch", "30/6/2026"],
      ),
    ].join("\n");
    expect(tasks(text)).toEqual([
      ["5.1.1", ["II", "5", "5.1"], "Thương mại điện tử"],
      ["5.2", ["II", "5"], "Du lịch số"],
    ]);
    expect(codes(text)).not.toContain("number_gap");
  });

  it("reads `Đơn vị thực hiện`, `Thời gian triển khai` and the deadlines such plans write", () => {
    const text = [
      "PHỤ LỤC",
      "",
      tsv(
        ["STT", "Nội dung nhiệm vụ", "Đơn vị thực hiện", "Thời gian triển khai"],
        ["1", "Một", "Sở Nội vụ", "Năm 2025 - 2026"],
        ["2", "Hai", "Sở Nội vụ", "Hằng năm"],
        ["3", "Ba", "Sở Nội vụ", "Khi có phát sinh"],
        ["4", "Bốn", "Sở Nội vụ", "Bắt đầu triển khai từ năm 2026"],
      ),
    ].join("\n");
    const r = parsePlanText(text);
    const got = r.appendices[0]!.tasks.map((t) => [
      t.lead.map((o) => o.raw).join(),
      t.deadline.kind,
      t.deadline.start,
      t.deadline.due,
      t.deadline.recurrence,
    ]);
    expect(got).toEqual([
      ["Sở Nội vụ", "range", "2025-01-01", "2026-12-31", null],
      ["Sở Nội vụ", "recurring", null, null, "yearly"],
      ["Sở Nội vụ", "unresolved", null, null, null],
      ["Sở Nội vụ", "range", "2026-01-01", null, null],
    ]);
    expect(r.warnings.find((w) => w.code === "deadline_unresolved")?.message).toBe(
      'Nhiệm vụ 3: Nhiệm vụ thực hiện khi có phát sinh, không có ngày cụ thể: "Khi có phát sinh"',
    );
  });
});

describe("a table's header printed again on the next page", () => {
  it("continues the table when OCR misread a letter of it (one table, the cut row joined)", () => {
    const head = ["STT", "Tên nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"];
    const text = [
      "PHỤ LỤC",
      "",
      tsv(
        head,
        ["I", "THỂ CHẾ", "", "", ""],
        ["1", "Rà soát quy định về", "Vụ Pháp chế", "Văn phòng Bộ", "30/6/2026"],
      ),
      "",
      tsv(
        ["STT", "Tên nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hựp", "Thời hạn"],
        ["", "thủ tục cấp phép", "", "", ""],
        ["2", "Ban hành quy chế", "Vụ Pháp chế", "", "30/9/2026"],
      ),
    ].join("\n");
    expect(parsePlanText(text).appendices).toHaveLength(1);
    expect(tasks(text)).toEqual([
      ["1", ["I"], "Rà soát quy định về thủ tục cấp phép"],
      ["2", ["I"], "Ban hành quy chế"],
    ]);
  });
});
