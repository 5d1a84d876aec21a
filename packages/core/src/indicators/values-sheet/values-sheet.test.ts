import { describe, expect, it } from "vitest";
import { writeXlsx, type XCell } from "../../office/xlsx.writer.js";
import { readXlsxBlocks } from "../../import/readers/xlsx.reader.js";
import { parseValueNumber } from "./value-number.parse.js";
import { parseValuePeriod } from "./value-period.parse.js";
import { VALUES_SHEET_COLUMNS } from "./values-sheet.columns.js";
import { readValuesSheet } from "./values-sheet.read.js";
import { valuesSheetTemplate } from "./values-sheet.template.js";

describe("parseValuePeriod", () => {
  it.each([
    ["2026-05", "2026-05"],
    ["2026-5", "2026-05"],
    ["Tháng 5/2026", "2026-05"],
    ["tháng 12 / 2025", "2025-12"],
    ["T5/2026", "2026-05"],
    ["05/2026", "2026-05"],
    ["01/05/2026", "2026-05"],
    ["2026-Q2", "2026-Q2"],
    ["Quý II/2026", "2026-Q2"],
    ["Quý 4/2026", "2026-Q4"],
    ["Q1/2027", "2027-Q1"],
    ["2026", "2026"],
    ["Năm 2026", "2026"],
  ])("%s → %s", (text, key) => expect(parseValuePeriod(text)).toBe(key));

  it.each(["2026-13", "13/2026", "Quý V/2026", "Q5/2026", "tháng năm", "", "2026-Q2-1"])(
    "%s is not a period",
    (text) => expect(parseValuePeriod(text)).toBeNull(),
  );
});

describe("parseValueNumber", () => {
  it.each([
    ["60", 60],
    ["60,5", 60.5],
    ["60.5", 60.5],
    ["-3", -3],
    ["60%", 60],
    ["1.234,5", 1234.5],
    ["1,234.5", 1234.5],
    ["1.234.567", 1234567],
    ["1 234", 1234],
  ])("%s → %d", (text, value) => expect(parseValueNumber(text)).toBe(value));

  it.each(["sáu mươi", "", "60,", ",5", "6-0", "1e3"])("%s is not a number", (text) =>
    expect(parseValueNumber(text)).toBeNull(),
  );
});

const INDICATORS = [
  { id: 41, plan: "596/QĐ-BCT", number: "4", name: "Tỷ lệ thủ tục trực tuyến", unit: "%" },
  { id: 51, plan: "596/QĐ-BCT", number: "11", name: "Sản phẩm", unit: "Sản phẩm" },
];

/** A sheet as the monitoring department fills it: title, header, one row per indicator. */
function filled(edits: Record<number, Record<number, XCell>>): Uint8Array {
  const rows: (XCell | null)[][] = [
    [{ text: "GIÁ TRỊ CHỈ TIÊU" }],
    ["Mã chỉ tiêu", "Kế hoạch", "STT chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Kỳ", "Giá trị"].map(
      (text) => ({ text }),
    ),
    ...INDICATORS.map((i) => [
      { number: i.id },
      { text: i.plan },
      { text: i.number },
      { text: i.name },
      { text: i.unit },
      { text: "2026-05" },
      null,
    ]),
  ];
  return writeXlsx([
    {
      name: "Giá trị chỉ tiêu",
      rows: rows.map((cells, r) => cells.map((c, col) => edits[r]?.[col] ?? c)),
    },
  ]);
}

describe("readValuesSheet", () => {
  it("the template lists every indicator under the header, with the period and no value", () => {
    const bytes = valuesSheetTemplate(INDICATORS, "2026-05");
    const table = readXlsxBlocks(bytes).find((b) => b.type === "table");
    const texts = table?.type === "table" ? table.rows.map((r) => r.cells.map((c) => c.text)) : [];
    expect(texts[0]).toEqual(VALUES_SHEET_COLUMNS.map((c) => c.header));
    expect(texts.slice(1).map((r) => [r[0], r[3], r[5], r[6]])).toEqual([
      ["41", "Tỷ lệ thủ tục trực tuyến", "2026-05", ""],
      ["51", "Sản phẩm", "2026-05", ""],
    ]);
    expect(readValuesSheet(bytes)).toMatchObject({ rows: [], errors: [] });
  });

  it("reads filled rows with their sheet row numbers; a percent cell counts as its percent", () => {
    const bytes = filled({
      2: { 6: { number: 0.6, format: "percent" } },
      3: { 5: { text: "Quý II/2026" }, 6: { text: "2" } },
    });
    expect(readValuesSheet(bytes)).toMatchObject({
      labels: { id: "cột A (Mã chỉ tiêu)", period: "cột F (Kỳ)", value: "cột G (Giá trị)" },
      rows: [
        { line: 3, indicatorId: 41, period: "2026-05", value: 60, note: null, evidence: null },
        { line: 4, indicatorId: 51, period: "2026-Q2", value: 2, note: null, evidence: null },
      ],
      errors: [],
    });
  });

  it("names the row and the column of every problem, in Vietnamese", () => {
    const bytes = filled({
      2: { 6: { text: "sáu mươi" } },
      3: { 0: { text: "x1" }, 5: { text: "Quý V/2026" }, 6: { number: 2 } },
    });
    const { rows, errors } = readValuesSheet(bytes);
    expect(rows).toEqual([]);
    expect(errors.map((e) => e.message)).toEqual([
      'Dòng 3, cột G (Giá trị): "sáu mươi" không phải là số.',
      'Dòng 4, cột A (Mã chỉ tiêu): "x1" không phải mã chỉ tiêu (số nguyên).',
      'Dòng 4, cột F (Kỳ): "Quý V/2026" không phải kỳ báo cáo (2026-05, Tháng 5/2026, Quý II/2026 hoặc 2026).',
    ]);
  });

  it("refuses a file that is no workbook, or a sheet without the header row", () => {
    expect(() => readValuesSheet(new TextEncoder().encode("Mã chỉ tiêu;Kỳ;Giá trị"))).toThrow(
      /không phải bảng tính Excel/,
    );
    const other = writeXlsx([{ name: "S", rows: [[{ text: "TT" }, { text: "Nhiệm vụ" }]] }]);
    expect(() => readValuesSheet(other)).toThrow(/không tìm thấy dòng tiêu đề/);
    const noValue = writeXlsx([
      {
        name: "S",
        rows: [
          [{ text: "Mã chỉ tiêu" }, { text: "Kỳ" }],
          [{ number: 1 }, { text: "2026" }],
        ],
      },
    ]);
    expect(() => readValuesSheet(noValue)).toThrow('Dòng 1: thiếu cột "Giá trị".');
  });
});
