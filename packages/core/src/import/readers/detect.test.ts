import { describe, expect, it } from "vitest";
import { writeDocx } from "../fixtures/docx.writer.js";
import { officePackage } from "../../office/office.package.js";
import { writeXlsx } from "../../office/xlsx.writer.js";
import { NotAPlanError } from "../not-a-plan.error.js";
import { readDocument } from "./detect.js";

const utf8 = (s: string) => new TextEncoder().encode(s);
const TEXT = "PHỤ LỤC I\nSTT\tNhiệm vụ\tThời hạn\n1.\tRà soát\t2026\n";

function utf16(s: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array(s.length * 2 + (bom ? 2 : 0));
  const view = new DataView(out.buffer);
  if (bom) view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < s.length; i++)
    view.setUint16((bom ? 2 : 0) + i * 2, s.charCodeAt(i), littleEndian);
  return out;
}

describe("readDocument detects the format by content", () => {
  it("reads Word and Excel packages whatever their name", () => {
    const docx = writeDocx([{ type: "p", paragraph: { runs: [{ text: "KẾ HOẠCH" }] } }]);
    expect(readDocument(docx).format).toBe("docx");
    expect(
      readDocument(writeXlsx([{ name: "PL", rows: [[{ text: "TT" }, { text: "Nhiệm vụ" }]] }]))
        .format,
    ).toBe("xlsx");
  });

  it("reads UTF-8 with and without BOM and UTF-16 with a BOM or without", () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(TEXT)]);
    for (const bytes of [
      utf8(TEXT),
      withBom,
      utf16(TEXT, true, true),
      utf16(TEXT, false, true),
      utf16(TEXT, true, false),
    ]) {
      const read = readDocument(bytes);
      expect(read.format).toBe("text");
      expect(read.blocks[0]).toEqual({
        type: "paragraph",
        text: "PHỤ LỤC I",
        bold: false,
        line: 1,
      });
      expect(read.blocks[1]?.type).toBe("table");
    }
  });

  it("calls text with a pipe table Markdown", () => {
    expect(
      readDocument(utf8("# Kế hoạch\n\n| STT | Nhiệm vụ |\n| --- | --- |\n| 1 | A |\n")).format,
    ).toBe("markdown");
    expect(readDocument(utf8("Giá trị a | b không phải bảng\n")).format).toBe("text");
  });

  const refused: [string, Uint8Array, RegExp][] = [
    ["empty", new Uint8Array(), /rỗng/],
    ["blank text", utf8(" \n\t\n"), /rỗng/],
    [
      "PNG",
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      /Ảnh quét .* giamsat import/,
    ],
    ["JPEG", new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]), /Ảnh quét/],
    ["TIFF", new Uint8Array([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]), /Ảnh quét/],
    ["GIF", utf8("GIF89a\x01\x00"), /hình ảnh định dạng chưa hỗ trợ/],
    ["PDF", utf8("%PDF-1.7\n%âãÏÓ\n1 0 obj"), /PDF/],
    [
      "old .doc",
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      /\.doc.*Lưu thành \(Save As\) Word \.docx/,
    ],
    ["other zip", officePackage({ "readme.txt": "x" }), /không phải tài liệu Word/],
    ["damaged zip", new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]), /hỏng/],
    [
      "binary",
      new Uint8Array(Array.from({ length: 600 }, (_, i) => (i * 37 + 11) % 256)),
      /không phải văn bản/,
    ],
  ];
  for (const [what, bytes, reason] of refused) {
    it(`refuses ${what} with a one-line Vietnamese reason`, () => {
      let error: unknown;
      try {
        readDocument(bytes);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(NotAPlanError);
      expect((error as NotAPlanError).code).toBe("not_a_plan");
      expect((error as Error).message).toMatch(reason);
      expect((error as Error).message).not.toContain("\n");
    });
  }
});
