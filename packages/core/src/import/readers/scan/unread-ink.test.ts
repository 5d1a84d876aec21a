/**
 * Ink the OCR left unread: a lone mark of a text line's height that no recognised word touches
 * is found (specks and words read are not), cut into a strip, and what the strip's OCR reads
 * goes back to the mark's place on the page, on a line of its own; random word boxes over a page
 * with random marks never throw.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { GrayImage } from "./scan-page.js";
import { readTsv } from "./scan-page.js";
import { inkStrip, unreadInk, withStripWords } from "./unread-ink.js";

const HEAD =
  "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext";

/** A white 300×120 page with dark boxes. */
function page(boxes: [number, number, number, number][]): GrayImage {
  const [width, height] = [300, 120];
  const data = new Uint8Array(width * height).fill(255);
  for (const [x, y, w, h] of boxes)
    for (let r = y; r < y + h; r++) data.fill(0, r * width + x, r * width + x + w);
  return { width, height, data };
}

// a word read at (100, 20) 60×20; a lone "1" (a 4×20 stroke) at (20, 60); a 2×2 speck
const image = page([
  [100, 20, 60, 20],
  [20, 60, 4, 20],
  [250, 100, 2, 2],
]);
const TSV = `${HEAD}\n5\t1\t1\t1\t1\t1\t100\t20\t60\t20\t96\tNhiệm\n`;

describe("unread ink", () => {
  it("finds the mark no word covers, not the word read nor a speck", () => {
    expect(unreadInk(image, TSV)).toEqual([{ left: 20, top: 60, width: 4, height: 20 }]);
    expect(unreadInk(image, HEAD)).toEqual([]);
  });

  it("cuts the marks, a little wider, into a strip and puts the strip's words back", () => {
    const strip = inkStrip(image, unreadInk(image, TSV));
    const [{ left, top }] = strip.slots as [{ left: number; top: number }];
    expect(strip.image.width).toBe(left + 4 + 2 * 2 + strip.gap);
    expect(strip.image.data[(top + 2 + 5) * strip.image.width + left + 2]).toBe(0);
    const read = `${HEAD}\n5\t1\t1\t1\t1\t1\t${left + 2}\t${top + 2}\t4\t20\t97\t1\n`;
    const words = readTsv(withStripWords(TSV, read, strip));
    expect(words.map((w) => [w.text, w.left, w.top, w.height])).toEqual([
      ["Nhiệm", 100, 20, 20],
      ["1", 20, 60, 20],
    ]);
    expect(words[1]!.line).not.toBe(words[0]!.line);
    expect(withStripWords(TSV, HEAD, strip)).toBe(TSV);
  });

  it("reads a short doubtful word again, keeping the surer reading", () => {
    const doubtful = TSV.replace("\t96\tNhiệm", "\t11\tLÃ");
    const boxes = unreadInk(image, doubtful);
    expect(boxes).toContainEqual({ left: 100, top: 20, width: 60, height: 20, conf: 11 });
    const strip = inkStrip(image, boxes);
    const { left, top } = strip.slots.find((s) => s.box.conf !== undefined)!;
    const again = (conf: number) =>
      `${HEAD}\n5\t1\t1\t1\t1\t1\t${left + 2}\t${top + 2}\t60\t20\t${conf}\t7.\n`;
    const texts = (conf: number) =>
      readTsv(withStripWords(doubtful, again(conf), strip)).map((w) => [w.text, w.left, w.top]);
    expect(texts(71)).toEqual([["7.", 100, 20]]);
    expect(texts(5)).toEqual([["LÃ", 100, 20]]);
  });

  it("lays one-line marks side by side and a taller one on a row of its own", () => {
    const page2 = page([
      [20, 10, 4, 20],
      [60, 10, 4, 20],
      [200, 50, 30, 50],
    ]);
    const slots = inkStrip(page2, unreadInk(page2, TSV)).slots;
    expect(slots.map((s) => [s.box.left, s.top === slots[0]!.top])).toEqual([
      [20, true],
      [60, true],
      [200, false],
    ]);
  });

  it("reads random TSV over a random page without an exception (300)", () => {
    const row = fc
      .tuple(fc.integer({ min: -50, max: 400 }), fc.integer({ min: -50, max: 200 }))
      .chain(([x, y]) =>
        fc
          .tuple(fc.integer({ min: -5, max: 120 }), fc.integer({ min: -5, max: 60 }))
          .chain(([w, h]) =>
            fc
              .tuple(fc.integer({ min: -1, max: 100 }), fc.string({ maxLength: 6 }))
              .map(([conf, text]) => `5\t1\t1\t1\t1\t1\t${x}\t${y}\t${w}\t${h}\t${conf}\t${text}`),
          ),
      );
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 12 }),
        fc.array(
          fc.tuple(
            fc.integer({ min: -10, max: 310 }),
            fc.integer({ min: -10, max: 130 }),
            fc.integer({ min: 0, max: 60 }),
            fc.integer({ min: 0, max: 60 }),
          ),
          { maxLength: 8 },
        ),
        fc.string({ maxLength: 200 }),
        (rows, marks, noise) => {
          const page = { width: 300, height: 120, data: new Uint8Array(300 * 120).fill(255) };
          for (const [x, y, w, h] of marks)
            for (let r = Math.max(0, y); r < Math.min(120, y + h); r++)
              page.data.fill(0, r * 300 + Math.max(0, x), r * 300 + Math.min(300, x + w));
          const tsv = [HEAD, ...rows].join("\n");
          const boxes = unreadInk(page, tsv);
          if (boxes.length === 0) return;
          const strip = inkStrip(page, boxes);
          withStripWords(tsv, [HEAD, ...rows, noise].join("\n"), strip);
        },
      ),
      { numRuns: 300 },
    );
  });
});
