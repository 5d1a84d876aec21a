/**
 * Robustness of the importer on generated input (fast-check): 10,000 inputs in all.
 * - Text (seeds and hand-written plans cut at random points, with page breaks and header rows
 *   inserted anywhere, CRLF, non-breaking spaces, shuffled columns, stray lines, random
 *   Unicode): parsePlanText never throws, never returns an HTML tag in any string, and gives
 *   the same result twice.
 * - Bytes (random, and random behind the signatures of ZIP, PDF, PNG, BOMs) and Office packages
 *   with random XML inside: importDocument returns a result or throws NotAPlanError, nothing
 *   else.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDirectory } from "../directory/index.js";
import type { ImportResult } from "./contract.js";
import { contentTypesXml, officePackage, relsXml } from "../office/office.package.js";
import { importDocument, parsePlanText } from "./import-document.js";
import { NotAPlanError } from "./not-a-plan.error.js";

const seeds = fileURLToPath(new URL("../../../../../shared/seeds/", import.meta.url));
const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
const sources = [
  ...(existsSync(seeds) ? readdirSync(seeds).map((f) => seeds + f) : []),
  fixtures + "markdown-plan.md",
  fixtures + "province-plan.txt",
].map((path) => readFileSync(path, "utf8"));
/** Header rows of the sources' tables, to insert as page-break headers. */
const headers = sources.flatMap((s) =>
  s.split("\n").filter((l) => /^(S?TT)\s*[\t|]/.test(l.replace(/^\|\s*/, ""))),
);

const directory = createDirectory();
/** Generous: the runs take seconds on an idle machine, but CI machines are shared. */
const LIMIT = 180_000;
const TAG = /<\/?(p|i|b|u|s|br|sup|sub|ul|ol|li|div|span|strong|em|table|tr|td|th|h[1-6])\b[^>]*>/i;

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (value && typeof value === "object")
    for (const v of Object.values(value)) strings(v, out);
  return out;
}

function checkResult(result: ImportResult): void {
  const tagged = strings(result).find((s) => TAG.test(s));
  expect(tagged).toBeUndefined();
}

/** importDocument on bytes: a result (checked) or a NotAPlanError, nothing else. */
function importsOrRefuses(bytes: Uint8Array): void {
  try {
    checkResult(importDocument(bytes, { directory }));
  } catch (error) {
    if (!(error instanceof NotAPlanError)) throw error;
    expect(error.message).not.toContain("\n");
  }
}

const mutatedText = fc
  .record({
    source: fc.nat(),
    start: fc.nat(),
    length: fc.integer({ min: 0, max: 900 }),
    breaks: fc.array(fc.record({ at: fc.nat(), header: fc.nat(), cutRow: fc.boolean() }), {
      maxLength: 4,
    }),
    stray: fc.array(
      fc.record({ at: fc.nat(), text: fc.string({ maxLength: 40, unit: "grapheme" }) }),
      { maxLength: 2 },
    ),
    order: fc.option(fc.array(fc.double({ noNaN: true }), { minLength: 2, maxLength: 9 })),
    crlf: fc.boolean(),
    nbspEvery: fc.integer({ min: 0, max: 5 }),
  })
  .map((m) => {
    const source = sources[m.source % sources.length] ?? "";
    const start = m.start % Math.max(1, source.length);
    const lines = source.slice(start, start + m.length).split("\n");
    for (const b of m.breaks) {
      const at = b.at % (lines.length + 1);
      const header = headers.length > 0 ? headers[b.header % headers.length]! : "STT\tNhiệm vụ";
      lines.splice(at, 0, "", header, ...(b.cutRow ? ["\tdoanh nghiệp\t\t"] : []));
    }
    for (const s of m.stray) lines.splice(s.at % (lines.length + 1), 0, s.text);
    const keys = m.order;
    const shuffled = keys
      ? lines.map((line) => {
          if (!line.includes("\t")) return line;
          const cells = line.split("\t");
          const idx = cells
            .map((_, i) => i)
            .sort((a, b) => keys[a % keys.length]! - keys[b % keys.length]! || a - b);
          return idx.map((i) => cells[i]).join("\t");
        })
      : lines;
    let text = shuffled.join(m.crlf ? "\r\n" : "\n");
    if (m.nbspEvery > 0) {
      let n = 0;
      text = text.replace(/ /g, () => (++n % m.nbspEvery === 0 ? "\u00a0" : " "));
    }
    return text;
  });

/** Random XML-ish token soup for the inside of a .docx or .xlsx. */
const soup = (tokens: string[]) =>
  fc
    .array(fc.oneof(fc.constantFrom(...tokens), fc.string({ maxLength: 12 })), { maxLength: 80 })
    .map((t) => t.join(""));

const DOCX_TOKENS = [
  "<w:p>",
  "</w:p>",
  "<w:r>",
  "</w:r>",
  "<w:t>",
  "</w:t>",
  "<w:tbl>",
  "</w:tbl>",
  "<w:tr>",
  "</w:tr>",
  "<w:tc>",
  "</w:tc>",
  '<w:gridSpan w:val="999999"/>',
  '<w:gridSpan w:val="-3"/>',
  "<w:vMerge/>",
  '<w:vMerge w:val="restart"/>',
  "<w:tcPr>",
  "</w:tcPr>",
  '<w:footnoteReference w:id="1"/>',
  '<w:vertAlign w:val="superscript"/>',
  "<w:rPr><w:b/></w:rPr>",
  "<w:br/>",
  "1.",
  "PHỤ LỤC I",
  "STT",
  "Tên nhiệm vụ",
  "Thời hạn",
  "<b>x</b>",
  "&amp;",
  "&#0;",
  "&#xD800;",
  "<![CDATA[<p>",
  '<w:numPr><w:numId w:val="1"/></w:numPr>',
];
const XLSX_TOKENS = [
  "<row>",
  "</row>",
  '<row r="3">',
  '<c r="A1" t="s"><v>0</v></c>',
  '<c r="XFD1048576"><v>1</v></c>',
  '<c t="inlineStr"><is><t>',
  "</t></is></c>",
  '<c s="99"><v>45000</v></c>',
  '<c t="d"><v>2026-02-30</v></c>',
  "<mergeCells>",
  '<mergeCell ref="A1:A1048576"/>',
  '<mergeCell ref="B2:A1"/>',
  "</mergeCells>",
  "<sheetData>",
  "</sheetData>",
  "STT",
  "Nhiệm vụ",
  "<v>1e308</v>",
  "<v>-1</v>",
];

function docxWith(body: string): Uint8Array {
  return officePackage({
    "[Content_Types].xml": contentTypesXml([]),
    "_rels/.rels": relsXml([["rId1", "officeDocument", "word/document.xml"]]),
    "word/document.xml": `<w:document xmlns:w="w"><w:body>${body}</w:body></w:document>`,
    "word/footnotes.xml": `<w:footnotes>${body}</w:footnotes>`,
  });
}

function xlsxWith(sheet: string): Uint8Array {
  return officePackage({
    "[Content_Types].xml": contentTypesXml([]),
    "_rels/.rels": relsXml([["rId1", "officeDocument", "xl/workbook.xml"]]),
    "xl/workbook.xml": '<workbook><sheets><sheet name="PL" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": relsXml([["rId1", "worksheet", "worksheets/sheet1.xml"]]),
    "xl/worksheets/sheet1.xml": `<worksheet>${sheet}</worksheet>`,
    "xl/sharedStrings.xml": `<sst>${sheet}</sst>`,
    "xl/styles.xml": `<styleSheet>${sheet}</styleSheet>`,
  });
}

const SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x25, 0x50, 0x44, 0x46, 0x2d],
  [0x89, 0x50, 0x4e, 0x47],
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
  [],
];

describe("importer robustness (generated inputs)", () => {
  it(
    "parsePlanText never throws, never emits a tag and is deterministic on mutated plans (3,000)",
    () => {
      fc.assert(
        fc.property(mutatedText, (text) => {
          const first = parsePlanText(text, { directory });
          checkResult(first);
          expect(JSON.stringify(parsePlanText(text, { directory }))).toBe(JSON.stringify(first));
        }),
        { numRuns: 3000 },
      );
    },
    LIMIT,
  );

  it(
    "parsePlanText copes with any Unicode text (3,000)",
    () => {
      const markup = fc.constantFrom(
        "\t",
        "|",
        "<b>",
        "</i>",
        "<br>",
        "<sup>3</sup>",
        "**",
        "\n",
        "\r\n",
        "\u00a0",
        "1.",
        "I",
        "PHỤ LỤC",
        "STT\tTên nhiệm vụ\tThời hạn",
      );
      const text = fc
        .array(fc.oneof(fc.string({ unit: "grapheme", maxLength: 30 }), markup), { maxLength: 60 })
        .map((p) => p.join(""));
      fc.assert(
        fc.property(text, (t) => {
          const first = parsePlanText(t, { directory });
          checkResult(first);
          expect(JSON.stringify(parsePlanText(t, { directory }))).toBe(JSON.stringify(first));
        }),
        { numRuns: 3000 },
      );
    },
    LIMIT,
  );

  it(
    "importDocument on random bytes returns or throws NotAPlanError only (3,500)",
    () => {
      const bytes = fc
        .tuple(fc.constantFrom(...SIGNATURES), fc.uint8Array({ maxLength: 3000 }))
        .map(([sig, rest]) => new Uint8Array([...sig, ...rest]));
      fc.assert(fc.property(bytes, importsOrRefuses), { numRuns: 3500 });
    },
    LIMIT,
  );

  it(
    "importDocument on Office packages with random XML returns or throws NotAPlanError only (500)",
    () => {
      fc.assert(
        fc.property(soup(DOCX_TOKENS), (body) => importsOrRefuses(docxWith(body))),
        { numRuns: 250 },
      );
      fc.assert(
        fc.property(soup(XLSX_TOKENS), (sheet) => importsOrRefuses(xlsxWith(sheet))),
        { numRuns: 250 },
      );
    },
    LIMIT,
  );
});
