/**
 * A scanned page → the positioned words and ruling lines page-layout.ts reads, so that scans get
 * the same table reconstruction as PDFs with a text layer. Input: Tesseract's TSV (word boxes
 * with confidence) and the page as a grayscale PGM image (from pdftoppm), both made outside core.
 * Ruling lines are long straight runs of dark pixels; a word's size is its line's height (OCR
 * boxes vary with the letters' shapes). Words recognised with low confidence are listed.
 */
import type { PageContent, Rule, Word } from "../pdf/page-layout.js";
import { withoutRaisedMarker } from "./raised-tail.js";
import { romanByStrokes } from "./roman-strokes.js";
import { ruleLength } from "./rule-length.js";

export type GrayImage = { width: number; height: number; data: Uint8Array };

/** Binary PGM (`P5`, 8-bit) → pixels; null when it is not one. */
export function readPgm(bytes: Uint8Array): GrayImage | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 100));
  const m = /^P5\s+(?:#[^\n]*\n\s*)*(\d+)\s+(\d+)\s+(\d+)\s/.exec(head);
  if (!m || Number(m[3]) > 255) return null;
  const width = Number(m[1]);
  const height = Number(m[2]);
  const data = bytes.subarray(m[0].length, m[0].length + width * height);
  return data.length === width * height ? { width, height, data } : null;
}

const DARK = 128;

/** Straight dark runs at least `min` pixels long, horizontal and vertical, in pixel units. */
export function imageRules(img: GrayImage, min: number): Rule[] {
  const rules: Rule[] = [];
  const { width, height, data } = img;
  for (let y = 0; y < height; y++) {
    let start = -1;
    for (let x = 0; x <= width; x++) {
      const dark = x < width && data[y * width + x]! < DARK;
      if (dark && start < 0) start = x;
      else if (!dark && start >= 0) {
        if (x - start >= min) rules.push({ x0: start, x1: x - 1, y0: y, y1: y });
        start = -1;
      }
    }
  }
  for (let x = 0; x < width; x++) {
    let start = -1;
    for (let y = 0; y <= height; y++) {
      const dark = y < height && data[y * width + x]! < DARK;
      if (dark && start < 0) start = y;
      else if (!dark && start >= 0) {
        if (y - start >= min) rules.push({ x0: x, x1: x, y0: start, y1: y - 1 });
        start = -1;
      }
    }
  }
  return rules;
}

export type OcrWord = {
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
  conf: number;
  line: string;
};

/**
 * Tesseract TSV → words (level 5) with the key of their line; the Icelandic eth it reads now and
 * then for a Vietnamese đ (`Ðo lường`) is a đ.
 */
export function readTsv(tsv: string): OcrWord[] {
  const words: OcrWord[] = [];
  for (const row of tsv.split(/\r?\n/).slice(1)) {
    const f = row.split("\t");
    if (f.length < 12 || f[0] !== "5") continue;
    const text = (f.slice(11).join("\t") ?? "").trim();
    if (text === "") continue;
    words.push({
      text: text.normalize("NFC").replace(/Ð/g, "Đ").replace(/ð/g, "đ"),
      left: Number(f[6]),
      top: Number(f[7]),
      width: Number(f[8]),
      height: Number(f[9]),
      conf: Number(f[10]),
      line: f.slice(1, 5).join("."),
    });
  }
  return words;
}

/**
 * `b` follows `a` on its line (within two line heights to its right) or starts the line under it
 * (a narrow cell wraps `Quý` and `II/2026`; Tesseract may read the cell's lines into others').
 */
function besideOrUnder(a: OcrWord, b: OcrWord): boolean {
  const gap = b.left - (a.left + a.width);
  if (Math.abs(b.top + b.height - (a.top + a.height)) < a.height / 2)
    return gap >= 0 && gap <= a.height * 2;
  const below = b.top - (a.top + a.height);
  return below >= 0 && below <= a.height && Math.abs(b.left - a.left) <= a.height;
}

/** Below this confidence (0–100) a recognised word is reported. */
export const LOW_CONFIDENCE = 60;

export type ScanPage = { content: PageContent; doubtful: string[] };

/** One page: TSV words and the page image at `dpi` → page content in points (y upwards). */
export function scanPage(tsv: string, image: GrayImage, dpi: number): ScanPage {
  const pt = 72 / dpi;
  const words = readTsv(tsv);
  const lineBox = new Map<string, { top: number; bottom: number }>();
  for (const w of words) {
    const box = lineBox.get(w.line) ?? { top: w.top, bottom: w.top + w.height };
    box.top = Math.min(box.top, w.top);
    box.bottom = Math.max(box.bottom, w.top + w.height);
    lineBox.set(w.line, box);
  }
  const quarters = words.filter((w) => /^quý$/iu.test(w.text));
  const placed: Word[] = words.map((w) => {
    const box = lineBox.get(w.line)!;
    return {
      text: romanByStrokes(
        { ...w, text: withoutRaisedMarker(w, image) },
        image,
        quarters.some((q) => besideOrUnder(q, w)),
      ),
      x0: w.left * pt,
      x1: (w.left + w.width) * pt,
      y: (image.height - box.bottom) * pt,
      size: (box.bottom - box.top) * pt,
      bold: false,
    };
  });
  const rules = imageRules(image, ruleLength(dpi)).map((r) => ({
    x0: r.x0 * pt,
    x1: r.x1 * pt,
    y0: (image.height - r.y1) * pt,
    y1: (image.height - r.y0) * pt,
  }));
  return {
    content: { width: image.width * pt, height: image.height * pt, words: placed, rules },
    doubtful: words.filter((w) => w.conf >= 0 && w.conf < LOW_CONFIDENCE).map((w) => w.text),
  };
}
