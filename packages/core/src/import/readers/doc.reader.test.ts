/**
 * The legacy Word reader's half in core: antiword's DocBook XML → blocks (paragraphs, tables with
 * cells of several lines, bold, footnote markers), a .doc told from other compound files, and
 * generated markup that never makes it throw or let a tag through.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { writeDoc } from "../fixtures/doc.writer.js";
import { writeXlsx } from "../../office/xlsx.writer.js";
import { isLegacyWord, readDocBookBlocks } from "./doc.reader.js";

const DOCBOOK = `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE book PUBLIC "-//OASIS//DTD DocBook XML V4.1.2//EN"
	"http://www.oasis-open.org/docbook/xml/4.1.2/docbookx.dtd">
<book lang='vi'>
 <chapter>
<title/>
  <para>
<emphasis role='bold'>KẾ HOẠCH</emphasis>
  </para>
  <para>
Ban hành kèm theo Quyết định &amp; phụ lục<footnote><para>Quyết định số 12/QĐ-UBND.</para></footnote>
   <informaltable frame='none' colsep='0' rowsep='0'>
    <tgroup cols='2'>
     <colspec colwidth='40.00pt'/>
     <tbody>
      <row>
       <entry>
1.
       </entry>
       <entry>
Xây dựng kế hoạch<superscript>2</superscript>
- bước một
       </entry>
      </row>
     </tbody>
    </tgroup>
   </informaltable>
  </para>
 </chapter>
</book>`;

describe("legacy Word (.doc) reader", () => {
  it("reads antiword's DocBook: paragraphs, bold, a table between, a cell's lines, markers", () => {
    expect(readDocBookBlocks(DOCBOOK)).toEqual([
      { type: "paragraph", text: "KẾ HOẠCH", bold: true, line: 1 },
      { type: "footnote", marker: "1", text: "Quyết định số 12/QĐ-UBND.", line: 2 },
      { type: "paragraph", text: "Ban hành kèm theo Quyết định & phụ lục", bold: false, line: 3 },
      {
        type: "table",
        rows: [
          {
            line: 4,
            cells: [
              { text: "1.", bold: false, italic: false, footnotes: [] },
              {
                text: "Xây dựng kế hoạch\n- bước một",
                bold: false,
                italic: false,
                footnotes: ["2"],
              },
            ],
          },
        ],
      },
    ]);
  });

  it("tells a Word 97–2003 document from other files", () => {
    const doc = writeDoc([{ type: "p", paragraph: { runs: [{ text: "Kế hoạch" }] } }]);
    expect(isLegacyWord(doc)).toBe(true);
    expect(isLegacyWord(writeXlsx([{ name: "Phụ lục", rows: [[{ text: "STT" }]] }]))).toBe(false);
    const workbook = doc.slice();
    const at = Buffer.from(workbook).indexOf(Buffer.from("WordDocument", "utf16le"), 512);
    workbook.set(Buffer.from("Workbook\0\0\0\0", "utf16le"), at); // an old .xls has this stream
    expect(isLegacyWord(workbook)).toBe(false);
  });

  it("never throws on generated markup, lets no tag through, reads alike twice (500)", () => {
    const piece = fc.oneof(
      fc.constantFrom(
        "<para>",
        "</para>",
        "<row>",
        "</row>",
        "<entry>",
        "</entry>",
        "<informaltable>",
        "</informaltable>",
        "<emphasis role='bold'>",
        "</emphasis>",
        "<superscript>",
        "</superscript>",
        "<footnote>",
        "</footnote>",
        "<b>x</b>",
        "&amp;",
        "&lt;p&gt;",
        "\n",
      ),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const xml = pieces.join("");
        const blocks = readDocBookBlocks(xml);
        const texts = blocks.flatMap((b) =>
          b.type === "table" ? b.rows.flatMap((r) => r.cells.map((c) => c.text)) : [b.text],
        );
        expect(texts.find((t) => /<\/?[a-z]+\b[^>]*>/i.test(t))).toBeUndefined();
        expect(readDocBookBlocks(xml)).toEqual(blocks);
      }),
      { numRuns: 500 },
    );
  });
});
