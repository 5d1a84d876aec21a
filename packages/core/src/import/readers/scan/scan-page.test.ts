/**
 * The scan reader's pure part: a drawn table found in a page image, word boxes placed on it,
 * a warning naming each page with doubtful words, and random TSV and image bytes read without
 * an exception.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importDocumentFile } from "../../import-document.js";
import { layoutPage } from "../pdf/page-layout.js";
import { imageRules, readPgm, readTsv, scanPage } from "./scan-page.js";

/** A 400×200 white page with a 2×2 grid of 2-pixel lines at 100 dpi. */
function gridPage(): Uint8Array {
  const [w, h] = [400, 200];
  const px = new Uint8Array(w * h).fill(255);
  const hline = (y: number) => px.fill(0, y * w + 20, y * w + 380);
  const vline = (x: number) => {
    for (let y = 20; y <= 180; y++) px[y * w + x] = 0;
  };
  for (const y of [20, 21, 100, 101, 179, 180]) hline(y);
  for (const x of [20, 21, 120, 121, 378, 379]) vline(x);
  return new Uint8Array([...new TextEncoder().encode(`P5\n${w} ${h}\n255\n`), ...px]);
}

const TSV = [
  "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
  "5\t1\t1\t1\t1\t1\t30\t40\t40\t20\t95\tSTT",
  "5\t1\t1\t1\t1\t2\t130\t40\t60\t20\t91\tNhiệm",
  "5\t1\t1\t1\t1\t3\t195\t40\t30\t20\t90\tvụ",
  "5\t1\t2\t1\t1\t1\t30\t120\t20\t20\t96\t1.",
  "5\t1\t2\t1\t1\t2\t130\t120\t90\t20\t41\tXâydựng",
].join("\n");

describe("scanned page", () => {
  it("finds the drawn grid and puts each word in its cell", () => {
    const image = readPgm(gridPage())!;
    expect(imageRules(image, 25).length).toBeGreaterThan(6);
    const scan = scanPage(TSV, image, 100);
    expect(scan.doubtful).toEqual(["Xâydựng"]);
    const { blocks } = layoutPage(scan.content, 1);
    const table = blocks.find((b) => b.type === "table");
    expect(table?.type === "table" && table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ["STT", "Nhiệm vụ"],
      ["1.", "Xâydựng"],
    ]);
  });

  it("reads a row whose column line is not drawn as one merged cell (a group's title)", () => {
    const [w, h] = [400, 200];
    const px = new Uint8Array(w * h).fill(255);
    for (const y of [20, 70, 120, 180]) px.fill(0, y * w + 20, y * w + 380);
    const vline = (x: number, from: number, to: number) => {
      for (let y = from; y <= to; y++) px[y * w + x] = 0;
    };
    for (const x of [20, 80, 379]) vline(x, 20, 180);
    vline(200, 20, 70); // no line between the 2nd and 3rd column in the 2nd row
    vline(200, 120, 180);
    const image = readPgm(
      new Uint8Array([...new TextEncoder().encode(`P5\n${w} ${h}\n255\n`), ...px]),
    )!;
    const word = (text: string, x: number, y: number) =>
      `5\t1\t${y}\t1\t1\t${x}\t${x}\t${y}\t30\t20\t95\t${text}`;
    const tsv = [
      TSV.split("\n")[0],
      word("TT", 30, 35),
      word("Tên", 90, 35),
      word("Đơn", 210, 35),
      word("1", 30, 85),
      word("Về", 90, 85),
      word("thể", 150, 85),
      word("chế", 210, 85),
      word("1.1", 30, 140),
      word("Rà", 90, 140),
      word("Vụ", 210, 140),
    ].join("\n");
    const table = layoutPage(scanPage(tsv, image, 100).content, 1).blocks.find(
      (b) => b.type === "table",
    );
    expect(table?.type === "table" && table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ["TT", "Tên", "Đơn"],
      ["1", "Về thể chế", ""],
      ["1.1", "Rà", "Vụ"],
    ]);
  });

  it("counts the quarter's strokes of a word beside or under `Quý`, not elsewhere", () => {
    const [w, h] = [300, 100];
    const px = new Uint8Array(w * h).fill(255);
    const box = (x0: number, y0: number, x1: number, y1: number) => {
      for (let y = y0; y < y1; y++) px.fill(0, y * w + x0, y * w + x1);
    };
    for (const left of [10, 200]) {
      box(left + 2, 36, left + 5, 56); // I
      box(left + 12, 36, left + 15, 56); // I
      for (let y = 36; y < 56; y++)
        box(left + 20 + ((56 - y) >> 1), y, left + 23 + ((56 - y) >> 1), y + 1);
    }
    const image = readPgm(
      new Uint8Array([...new TextEncoder().encode(`P5\n${w} ${h}\n255\n`), ...px]),
    )!;
    const word = (text: string, x: number, y: number, width: number) =>
      `5\t1\t1\t1\t${y}\t1\t${x}\t${y}\t${width}\t20\t80\t${text}`;
    const tsv = [
      TSV.split("\n")[0],
      word("Quý", 10, 10, 40),
      word("112026", 10, 36, 80),
      word("11/2026", 200, 36, 80),
    ].join("\n");
    expect(scanPage(tsv, image, 200).content.words.map((x) => x.text)).toEqual([
      "Quý",
      "II/2026",
      "11/2026",
    ]);
  });

  it("warns once for each page with words read below 60% confidence, naming the page", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const sure = TSV.replace("\t41\tXâydựng", "\t93\tXây");
    const page = (tsv: string) => ({ tsv, image: gridPage(), dpi: 100 });
    const r = await importDocumentFile(png, { ocr: async () => [page(sure), page(TSV)] });
    expect(r.warnings.filter((w) => w.code === "ocr_low_confidence")).toEqual([
      {
        line: null,
        code: "ocr_low_confidence",
        message:
          "Trang 2: 1 chữ nhận dạng không chắc chắn (“Xâydựng”); cần đối chiếu với bản giấy.",
      },
    ]);
  });

  it("reads random TSV and image bytes without an exception (300)", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 400 }),
        fc.uint8Array({ maxLength: 600 }),
        (tsv, bytes) => {
          readTsv(tsv);
          const image = readPgm(
            new Uint8Array([...new TextEncoder().encode("P5\n20 10\n255\n"), ...bytes]),
          );
          if (image) layoutPage(scanPage(tsv, image, 72).content, 1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
