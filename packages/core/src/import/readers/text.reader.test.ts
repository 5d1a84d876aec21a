import { describe, expect, it } from "vitest";
import { parseCellMarkup } from "./html-cell.js";
import { readTextBlocks } from "./text.reader.js";

describe("parseCellMarkup", () => {
  it("strips HTML and keeps paragraph breaks as line breaks", () => {
    const cell = parseCellMarkup("<p>Dòng một</p> <p>Dòng <u>hai</u><br>dòng ba</p>");
    expect(cell.text).toBe("Dòng một\nDòng hai\ndòng ba");
    expect(cell.bold).toBe(false);
  });

  it("reads `_…_` as italic, but not underscores inside words or blanks to fill", () => {
    expect(parseCellMarkup("_80_")).toMatchObject({ text: "80", italic: true });
    expect(parseCellMarkup("_Giai đoạn 1_ (_Quý I/2026_)")).toMatchObject({
      text: "Giai đoạn 1 (Quý I/2026)",
      italic: false,
    });
    expect(parseCellMarkup("Đạt _tối thiểu_ 80%").text).toBe("Đạt tối thiểu 80%");
    expect(parseCellMarkup("bảng ho_so_dien_tu").text).toBe("bảng ho_so_dien_tu");
    expect(parseCellMarkup("Quyết định số ___/QĐ-UBND").text).toBe("Quyết định số ___/QĐ-UBND");
    expect(parseCellMarkup("Đề án_2026_").text).toBe("Đề án_2026_");
  });

  it("marks a cell bold or italic only when all of its text is", () => {
    expect(parseCellMarkup("<b>1</b>").bold).toBe(true);
    expect(parseCellMarkup("**NHÓM NHIỆM VỤ**").bold).toBe(true);
    expect(parseCellMarkup("<i>Năm 2026</i>").italic).toBe(true);
    expect(parseCellMarkup("*Giai đoạn 1*").italic).toBe(true);
    const mixed = parseCellMarkup("Hoàn thành (<i>trở thành nền tảng</i>)");
    expect(mixed).toMatchObject({
      text: "Hoàn thành (trở thành nền tảng)",
      italic: false,
      bold: false,
    });
  });

  it("takes footnote markers out of the text", () => {
    const cell = parseCellMarkup("Rà soát văn bản <sup>1</sup> và báo cáo<sup>12</sup>");
    expect(cell.text).toBe("Rà soát văn bản và báo cáo");
    expect(cell.footnotes).toEqual(["1", "12"]);
    expect(parseCellMarkup("Diện tích 5 m<sup>2</sup>").text).toBe("Diện tích 5 m²");
  });

  it("decodes entities without letting them become tags, and flattens LaTeX", () => {
    expect(parseCellMarkup("A &amp; B &lt;b&gt;x&lt;/b&gt; &#273;").text).toBe("A & B x đ");
    expect(parseCellMarkup("$\\geq 100\\text{Tbps}$").text).toBe("≥ 100Tbps");
    expect(parseCellMarkup("Tỷ lệ\u00a0≥\u00a080%").text).toBe("Tỷ lệ ≥ 80%");
  });

  it("turns list items into bullet lines", () => {
    expect(parseCellMarkup("<ul><li>Một</li><li>Hai</li></ul>").text).toBe("- Một\n- Hai");
  });
});

describe("readTextBlocks", () => {
  it("reads tab-separated tables with 1-based line numbers, CRLF and footnote bodies", () => {
    const text = [
      "PHỤ LỤC I",
      "",
      "TT\tTên nhiệm vụ\tChủ trì",
      "1.\tNhiệm vụ một <sup>3</sup>\tVụ Pháp chế",
      "",
      "<sup>3</sup> Nhiệm vụ được giao tại Nghị quyết số 71/NQ-CP.",
    ].join("\r\n");
    const blocks = readTextBlocks(text);
    expect(blocks.map((b) => b.type)).toEqual(["paragraph", "table", "footnote"]);
    const table = blocks[1];
    if (table?.type !== "table") throw new Error("table expected");
    expect(table.rows.map((r) => r.line)).toEqual([3, 4]);
    expect(table.rows[1]?.cells.map((c) => c.text)).toEqual(["1.", "Nhiệm vụ một", "Vụ Pháp chế"]);
    expect(table.rows[1]?.cells[1]?.footnotes).toEqual(["3"]);
    expect(blocks[2]).toEqual({
      type: "footnote",
      marker: "3",
      text: "Nhiệm vụ được giao tại Nghị quyết số 71/NQ-CP.",
      line: 6,
    });
  });

  it("reads Markdown pipe tables: alignment row skipped, bold group rows, <br> in cells", () => {
    const text = [
      "## **KẾ HOẠCH**",
      "| STT | Nhiệm vụ | Chủ trì | Thời hạn |",
      "| :--- | :--- | :---: | ---: |",
      "| **I** | **NHÓM THỂ CHẾ** | | |",
      "| 1 | Xây dựng đề án<br>trình Thủ tướng | Sở Tư pháp \\| Văn phòng | Quý I/2026 |",
    ].join("\n");
    const blocks = readTextBlocks(text);
    expect(blocks[0]).toEqual({ type: "paragraph", text: "KẾ HOẠCH", bold: true, line: 1 });
    const table = blocks[1];
    if (table?.type !== "table") throw new Error("table expected");
    expect(table.rows).toHaveLength(3);
    expect(table.rows[1]?.cells.map((c) => [c.text, c.bold])).toEqual([
      ["I", true],
      ["NHÓM THỂ CHẾ", true],
      ["", false],
      ["", false],
    ]);
    expect(table.rows[2]?.cells[1]?.text).toBe("Xây dựng đề án\ntrình Thủ tướng");
    expect(table.rows[2]?.cells[2]?.text).toBe("Sở Tư pháp | Văn phòng");
    expect(table.rows[2]?.line).toBe(5);
  });

  it("ends a table at a blank line, so page breaks give separate table blocks", () => {
    const blocks = readTextBlocks("A\tB\n1\t2\n\nA\tB\n3\t4\n");
    expect(blocks.filter((b) => b.type === "table")).toHaveLength(2);
  });
});
