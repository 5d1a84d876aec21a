import { describe, expect, it } from "vitest";
import type { Block } from "../blocks.js";
import { excelSerial, writeXlsx, type XCell } from "../../office/xlsx.writer.js";
import { classifyFormat } from "./xlsx.styles.js";
import { readXlsxBlocks } from "./xlsx.reader.js";

const t = (
  text: string,
  more: { bold?: boolean; italic?: boolean; footnotes?: string[] } = {},
): XCell => ({ text, ...more });
const tableOf = (blocks: Block[]) => blocks.find((b) => b.type === "table");
const texts = (b: Block | undefined) =>
  b?.type === "table" ? b.rows.map((r) => r.cells.map((c) => c.text)) : [];

describe("readXlsxBlocks", () => {
  const sheet = {
    name: "Phụ lục I",
    rows: [
      [t("DANH MỤC NHIỆM VỤ NĂM 2026", { bold: true })],
      [t("(Kèm theo Kế hoạch số 12/KH-UBND)")],
      [],
      [t("STT"), t("Nhiệm vụ"), t("Chủ trì"), t("Thời hạn"), t("Tỷ lệ")],
      [t("I"), t("THỂ CHẾ", { bold: true })],
      [
        t("1"),
        t("Ban hành quy chế", { footnotes: ["2"] }),
        t("Sở Nội vụ"),
        { number: excelSerial(2026, 6, 30), format: "date" as const },
        { number: 0.95, format: "percent" as const },
      ],
      [
        null,
        t("Giai đoạn 1", { italic: true }),
        null,
        { number: excelSerial(2026, 3, 1), format: "month" as const },
      ],
      [t("2"), t("Vận hành"), null, { number: 2027 }, { number: 0.1 + 0.2 }],
    ],
    merges: ["A1:E1", "A2:E2", "B5:E5", "A6:A7", "C6:C8"],
  };

  it("gives the title rows as paragraphs, then one table with sheet row numbers", () => {
    const blocks = readXlsxBlocks(writeXlsx([sheet]));
    expect(blocks.slice(0, 3)).toEqual([
      { type: "paragraph", text: "Phụ lục I", bold: false, line: 1 },
      { type: "paragraph", text: "DANH MỤC NHIỆM VỤ NĂM 2026", bold: true, line: 1 },
      { type: "paragraph", text: "(Kèm theo Kế hoạch số 12/KH-UBND)", bold: false, line: 2 },
    ]);
    const table = tableOf(blocks);
    expect(table?.type === "table" && table.sheet).toBe("Phụ lục I");
    expect(table?.type === "table" && table.rows.map((r) => r.line)).toEqual([4, 5, 6, 7, 8]);
  });

  it("writes dates dd/mm/yyyy, months mm/yyyy (no day invented), percentages and clean numbers", () => {
    expect(texts(tableOf(readXlsxBlocks(writeXlsx([sheet], { inline: true }))))).toEqual([
      ["STT", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Tỷ lệ"],
      ["I", "THỂ CHẾ", "", "", ""],
      ["1", "Ban hành quy chế", "Sở Nội vụ", "30/06/2026", "95%"],
      ["", "Giai đoạn 1", "", "03/2026", ""],
      ["2", "Vận hành", "Sở Nội vụ", "2027", "0.3"],
    ]);
  });

  it("keeps bold, italic and superscript footnote markers of shared and inline strings", () => {
    for (const inline of [false, true]) {
      const table = tableOf(readXlsxBlocks(writeXlsx([sheet], { inline })));
      if (table?.type !== "table") throw new Error("no table");
      expect(table.rows[1]!.cells[1]!.bold).toBe(true);
      expect(table.rows[3]!.cells[1]!.italic).toBe(true);
      expect(table.rows[2]!.cells[1]!.footnotes).toEqual(["2"]);
    }
  });

  it("reads every visible sheet in order and skips hidden ones", () => {
    const blocks = readXlsxBlocks(
      writeXlsx([
        {
          name: "Nhiệm vụ",
          rows: [
            [t("TT"), t("Nhiệm vụ")],
            [t("1"), t("A")],
          ],
        },
        { name: "Danh mục", hidden: true, rows: [[t("x"), t("y")]] },
        {
          name: "Chỉ tiêu",
          rows: [
            [t("TT"), t("Chỉ tiêu")],
            [t("1"), t("B")],
          ],
        },
      ]),
    );
    expect(
      blocks.filter((b) => b.type === "table").map((b) => (b.type === "table" ? b.sheet : "")),
    ).toEqual(["Nhiệm vụ", "Chỉ tiêu"]);
  });
});

describe("classifyFormat", () => {
  it("tells dates, months, years and percentages from numbers", () => {
    expect(classifyFormat("dd/mm/yyyy")).toBe("date");
    expect(classifyFormat("[$-42A]d mmmm yyyy")).toBe("date");
    expect(classifyFormat("mm/yyyy")).toBe("month");
    expect(classifyFormat('"Tháng "mm/yyyy')).toBe("month");
    expect(classifyFormat("yyyy")).toBe("year");
    expect(classifyFormat("0.0%")).toBe("percent");
    expect(classifyFormat("General")).toBe("number");
    expect(classifyFormat("#,##0")).toBe("number");
    expect(classifyFormat("h:mm")).toBe("number");
  });
});
