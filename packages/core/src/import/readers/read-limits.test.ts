/**
 * Documents over READ_LIMITS are refused with a DocumentTooLargeError
 * naming what was too large, before the readers spread them out.
 */
import { strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { DocumentTooLargeError } from "../document-too-large.error.js";
import { contentTypesXml, officePackage, relsXml, XML_HEAD } from "../../office/office.package.js";
import { writeXlsx, type XCell } from "../../office/xlsx.writer.js";
import { readDocument } from "./detect.js";
import { READ_LIMITS } from "./read-limits.js";

const t = (text: string): XCell => ({ text });

function refusal(bytes: Uint8Array): DocumentTooLargeError {
  try {
    readDocument(bytes);
  } catch (error) {
    if (error instanceof DocumentTooLargeError) return error;
    throw error;
  }
  throw new Error("read without refusal");
}

/** A .docx whose document.xml body is `body`. */
function docx(body: string): Uint8Array {
  const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  return officePackage({
    "[Content_Types].xml": contentTypesXml([]),
    "_rels/.rels": relsXml([["rId1", "officeDocument", "word/document.xml"]]),
    "word/document.xml": `${XML_HEAD}<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
  });
}

describe("read limits", () => {
  it("refuses a sheet whose columns reach IU over thousands of rows, naming sheet, rows and column", () => {
    const rows = Math.ceil(READ_LIMITS.cells / 255) + 10;
    const sheet = Array.from({ length: rows }, (_, i): (XCell | null)[] =>
      i === rows - 1 ? [...Array<null>(254).fill(null), t("x")] : [t(`dòng ${i + 1}`)],
    );
    const error = refusal(writeXlsx([{ name: "Phụ lục I", rows: sheet }]));
    expect(error.code).toBe("payload_too_large");
    expect(error.message).toContain('trang tính "Phụ lục I"');
    expect(error.message).toContain("255 cột (đến cột IU)");
  });

  it("refuses a sheet with more rows than the limit", () => {
    const rows = Array.from({ length: READ_LIMITS.rows + 1 }, (_, i) => [t(String(i))]);
    expect(refusal(writeXlsx([{ name: "Dữ liệu", rows }])).message).toContain(
      `trang tính "Dữ liệu" có hơn 50.000 dòng`,
    );
  });

  it("refuses too many merged ranges, and reads merges spanning a whole sheet cheaply", () => {
    const rows = [
      [t("STT"), t("Nhiệm vụ")],
      ...Array.from({ length: 50 }, (_, i) => [t(`${i + 1}`), t("a")]),
    ];
    const many = Array.from({ length: READ_LIMITS.merges + 1 }, (_, i) => `C${i + 1}:D${i + 1}`);
    expect(refusal(writeXlsx([{ name: "S", rows, merges: many }])).message).toContain(
      "10.001 vùng ô gộp (tối đa 10.000)",
    );
    // Each range covers 100,000 rows: only the rows with content are visited.
    const tall = Array.from({ length: 1000 }, () => "B2:B100000");
    const read = readDocument(writeXlsx([{ name: "S", rows, merges: tall }]));
    const table = read.blocks.find((b) => b.type === "table");
    expect(table?.type === "table" && table.rows.length).toBe(51);
  });

  it("refuses elements nested deeper than the limit", () => {
    const depth = READ_LIMITS.depth + 10;
    const body = "<w:sdt>".repeat(depth) + "<w:p/>" + "</w:sdt>".repeat(depth);
    expect(refusal(docx(body)).message).toContain("lồng nhau hơn 256 cấp");
  });

  it("refuses a Word table with more cells than the limit", () => {
    const wide = `<w:tr><w:tc><w:tcPr><w:gridSpan w:val="256"/></w:tcPr><w:p/></w:tc></w:tr>`;
    const rows = Math.ceil(READ_LIMITS.cells / 256) + 1;
    const error = refusal(docx(`<w:tbl>${wide.repeat(rows)}</w:tbl>`));
    expect(error.message).toContain(`một bảng có ${rows.toLocaleString("vi-VN")} dòng × 256 cột`);
  });

  it("refuses a text with more lines than the limit", () => {
    const text = Array.from({ length: READ_LIMITS.rows + 1 }, (_, i) => `Dòng ${i}`).join("\n");
    expect(refusal(strToU8(text)).message).toContain("có hơn 50.000 dòng");
  });
});
