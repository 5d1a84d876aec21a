import { describe, expect, it } from "vitest";
import type { Block } from "../blocks.js";
import { writeDocx, type WCell, type WRow } from "../fixtures/docx.writer.js";
import { contentTypesXml, officePackage, relsXml } from "../../office/office.package.js";
import { NotAPlanError } from "../not-a-plan.error.js";
import { readDocxBlocks } from "./docx.reader.js";

const cell = (
  text: string,
  more: Partial<WCell> & { bold?: boolean; italic?: boolean } = {},
): WCell => ({
  paragraphs: text
    .split("\n")
    .map((t) => ({ runs: [{ text: t, bold: more.bold, italic: more.italic }] })),
  span: more.span,
  vMerge: more.vMerge,
});
const row = (...cells: WCell[]): WRow => ({ cells });
const tables = (blocks: Block[]) => blocks.filter((b) => b.type === "table");
const texts = (b: Block) =>
  b.type === "table" ? b.rows.map((r) => r.cells.map((c) => c.text)) : [];

/** A .docx whose document.xml body is written by hand. */
function rawDocx(body: string): Uint8Array {
  const w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  return officePackage({
    "[Content_Types].xml": contentTypesXml([]),
    "_rels/.rels": relsXml([["rId1", "officeDocument", "word/document.xml"]]),
    "word/document.xml": `<w:document xmlns:w="${w}"><w:body>${body}</w:body></w:document>`,
  });
}

describe("readDocxBlocks", () => {
  it("reads paragraphs with bold, one block per line, and counts lines", () => {
    const blocks = readDocxBlocks(
      writeDocx([
        { type: "p", paragraph: { runs: [{ text: "KẾ HOẠCH", bold: true }] } },
        {
          type: "p",
          paragraph: { runs: [{ text: "Chuyển đổi số ", bold: true }, { text: "năm 2026" }] },
        },
        { type: "p", paragraph: { runs: [{ text: "PHỤ LỤC I\nDANH MỤC NHIỆM VỤ", bold: true }] } },
      ]),
    );
    expect(blocks).toEqual([
      { type: "paragraph", text: "KẾ HOẠCH", bold: true, line: 1 },
      { type: "paragraph", text: "Chuyển đổi số năm 2026", bold: false, line: 2 },
      { type: "paragraph", text: "PHỤ LỤC I", bold: true, line: 3 },
      { type: "paragraph", text: "DANH MỤC NHIỆM VỤ", bold: true, line: 4 },
    ]);
  });

  it("lines rows up with the header: a gridSpan cell is followed by empty cells", () => {
    const [table] = tables(
      readDocxBlocks(
        writeDocx([
          {
            type: "table",
            rows: [
              {
                cells: [cell("TT"), cell("Tên nhiệm vụ"), cell("Chủ trì"), cell("Thời hạn")],
                header: true,
              },
              row(cell("I", { bold: true }), cell("THỂ CHẾ", { bold: true, span: 3 })),
              row(
                cell("1."),
                cell("Rà soát văn bản\nBáo cáo kết quả"),
                cell("Vụ Pháp chế"),
                cell("Quý I/2026"),
              ),
            ],
          },
        ]),
      ),
    );
    expect(texts(table!)).toEqual([
      ["TT", "Tên nhiệm vụ", "Chủ trì", "Thời hạn"],
      ["I", "THỂ CHẾ", "", ""],
      ["1.", "Rà soát văn bản\nBáo cáo kết quả", "Vụ Pháp chế", "Quý I/2026"],
    ]);
    const group = table!.type === "table" ? table.rows[1]! : null;
    expect(group?.cells[1]?.bold).toBe(true);
    expect(table!.type === "table" && table.rows.map((r) => r.line)).toEqual([1, 2, 3]);
  });

  it("gives a shared (vertically merged) lead to every numbered task, but not to a milestone row", () => {
    const [table] = tables(
      readDocxBlocks(
        writeDocx([
          {
            type: "table",
            rows: [
              row(cell("TT"), cell("Nhiệm vụ"), cell("Chủ trì"), cell("Thời hạn")),
              row(
                cell("1", { vMerge: "restart" }),
                cell("Xây dựng cơ sở dữ liệu"),
                cell("Sở Tư pháp", { vMerge: "restart" }),
                cell("12/2026"),
              ),
              row(
                cell("", { vMerge: "continue" }),
                cell("Giai đoạn 1: khảo sát", { italic: true }),
                cell("", { vMerge: "continue" }),
                cell("6/2026"),
              ),
              row(
                cell("2"),
                cell("Vận hành hệ thống"),
                cell("", { vMerge: "continue" }),
                cell("2027"),
              ),
            ],
          },
        ]),
      ),
    );
    expect(texts(table!)).toEqual([
      ["TT", "Nhiệm vụ", "Chủ trì", "Thời hạn"],
      ["1", "Xây dựng cơ sở dữ liệu", "Sở Tư pháp", "12/2026"],
      ["", "Giai đoạn 1: khảo sát", "", "6/2026"],
      ["2", "Vận hành hệ thống", "Sở Tư pháp", "2027"],
    ]);
    expect(table!.type === "table" && table.rows[2]!.cells[1]!.italic).toBe(true);
  });

  it("turns Word footnotes into cell markers and footnote blocks after the table", () => {
    const blocks = readDocxBlocks(
      writeDocx([
        {
          type: "table",
          rows: [
            row(cell("TT"), cell("Nhiệm vụ")),
            row(cell("2.1"), {
              paragraphs: [
                {
                  runs: [
                    { text: "Rà soát luật" },
                    { text: "", footnote: "Nhiệm vụ tại Chương trình số 02-CTr/BCĐTW" },
                  ],
                },
              ],
            }),
            row(cell("2.2"), {
              paragraphs: [
                { runs: [{ text: "Sửa đổi nghị định" }, { text: "7", superscript: true }] },
              ],
            }),
          ],
        },
      ]),
    );
    const table = blocks[0];
    expect(
      table?.type === "table" && table.rows.map((r) => [r.cells[1]!.text, r.cells[1]!.footnotes]),
    ).toEqual([
      ["Nhiệm vụ", []],
      ["Rà soát luật", ["1"]],
      ["Sửa đổi nghị định", ["7"]],
    ]);
    expect(blocks[1]).toEqual({
      type: "footnote",
      marker: "1",
      text: "Nhiệm vụ tại Chương trình số 02-CTr/BCĐTW",
      line: 4,
    });
  });

  it("reads a footnote typed by hand (a paragraph starting with a superscript number)", () => {
    const [note] = readDocxBlocks(
      writeDocx([
        {
          type: "p",
          paragraph: {
            runs: [
              { text: "3", superscript: true },
              { text: " Nhiệm vụ được giao tại Luật Chuyển đổi số" },
            ],
          },
        },
      ]),
    );
    expect(note).toEqual({
      type: "footnote",
      marker: "3",
      text: "Nhiệm vụ được giao tại Luật Chuyển đổi số",
      line: 1,
    });
  });

  it("puts automatic list numbers back (a STT column numbered by Word)", () => {
    const numbered = (list: "decimal" | "roman", text = ""): WCell => ({
      paragraphs: [{ runs: text ? [{ text }] : [], list }],
    });
    const [table] = tables(
      readDocxBlocks(
        writeDocx([
          {
            type: "table",
            rows: [
              row(cell("STT"), cell("Nhiệm vụ")),
              row(numbered("roman"), cell("NHÓM THỂ CHẾ")),
              row(numbered("decimal"), cell("Nhiệm vụ một")),
              row(numbered("decimal"), cell("Nhiệm vụ hai")),
              row(numbered("roman"), cell("NHÓM HẠ TẦNG")),
            ],
          },
        ]),
      ),
    );
    expect(texts(table!).map((r) => r[0])).toEqual(["STT", "I.", "1.", "2.", "II."]);
  });

  it("leaves out tracked deletions and field codes, reads hyperlinks and insertions", () => {
    const blocks = readDocxBlocks(
      rawDocx(
        "<w:p><w:r><w:t>Hoàn thành </w:t></w:r><w:del><w:r><w:delText>quý II</w:delText></w:r></w:del>" +
          "<w:ins><w:r><w:t>quý III</w:t></w:r></w:ins><w:r><w:instrText> PAGE </w:instrText></w:r>" +
          '<w:hyperlink r:id="x"><w:r><w:t xml:space="preserve"> năm&#160;2026</w:t></w:r></w:hyperlink></w:p>',
      ),
    );
    expect(blocks).toEqual([
      { type: "paragraph", text: "Hoàn thành quý III năm 2026", bold: false, line: 1 },
    ]);
  });

  it("refuses a damaged archive with a NotAPlanError", () => {
    expect(() => readDocxBlocks(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]))).toThrow(
      NotAPlanError,
    );
  });
});
