/**
 * Ink the OCR left unread. Tesseract's page layout drops a short word standing alone in a table
 * cell as noise — a group's number (`1`, `II`) beside its title, sometimes a whole cell of a few
 * words — so a scanned plan loses its groups. The dark clusters of the cleaned page that no
 * recognised word touches, of a text line's height, are cut out and stacked one under the other
 * into a strip that a second OCR pass reads as one block of text (`--psm 6`, which keeps what the
 * page layout dropped); the words found there go back to their place on the page's TSV.
 */
import { readTsv, type GrayImage } from "./scan-page.js";

export type InkBox = { left: number; top: number; width: number; height: number };

/** The unread clusters stacked into one image; `top` of each cluster's slot in it. */
export type InkStrip = { image: GrayImage; slots: { box: InkBox; top: number }[]; pad: number };

const DARK = 128;
/** A page with more unread clusters than this is a picture, not text the layout missed. */
const MAX_BOXES = 200;
/** Past this many unread marks (specks included) the page is a photo or noise: left alone. */
const MAX_MARKS = 20000;

type Mark = { x0: number; y0: number; x1: number; y1: number; n: number };

/** Connected dark marks (8-neighbours) that no word box touches. */
function untouchedMarks(image: GrayImage, words: InkBox[]): Mark[] | null {
  const { width, height, data } = image;
  const read = new Uint8Array(width * height);
  for (const w of words) {
    const [x0, x1] = [Math.max(0, w.left - 2), Math.min(width - 1, w.left + w.width + 1)];
    const [y0, y1] = [Math.max(0, w.top - 2), Math.min(height - 1, w.top + w.height + 1)];
    for (let y = y0; y <= y1; y++) read.fill(1, y * width + x0, y * width + x1 + 1);
  }
  const seen = new Uint8Array(width * height);
  const stack = new Int32Array(width * height);
  const marks: Mark[] = [];
  for (let start = 0; start < data.length; start++) {
    if (seen[start] || data[start]! >= DARK) continue;
    const mark: Mark = { x0: width, y0: height, x1: 0, y1: 0, n: 0 };
    let touched = false;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    while (top > 0) {
      const p = stack[--top]!;
      const x = p % width;
      const y = (p - x) / width;
      mark.n++;
      touched ||= read[p] === 1;
      mark.x0 = Math.min(mark.x0, x);
      mark.x1 = Math.max(mark.x1, x);
      mark.y0 = Math.min(mark.y0, y);
      mark.y1 = Math.max(mark.y1, y);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const q = ny * width + nx;
          if (!seen[q] && data[q]! < DARK) {
            seen[q] = 1;
            stack[top++] = q;
          }
        }
      }
    }
    if (touched || mark.n < 4) continue;
    marks.push(mark);
    if (marks.length > MAX_MARKS) return null;
  }
  return marks;
}

/** Marks a letter's or a word's gap apart on one line (accents above included) → clusters. */
function clusters(marks: Mark[], lineHeight: number): Mark[] {
  const parent = marks.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const byX = marks.map((_, i) => i).sort((a, b) => marks[a]!.x0 - marks[b]!.x0);
  for (let k = 0; k < byX.length; k++) {
    const a = marks[byX[k]!]!;
    for (let m = k + 1; m < byX.length; m++) {
      const b = marks[byX[m]!]!;
      if (b.x0 - a.x1 > lineHeight * 0.5) break;
      const gapY = Math.max(a.y0, b.y0) - Math.min(a.y1, b.y1);
      if (gapY <= lineHeight * 0.3) parent[find(byX[k]!)] = find(byX[m]!);
    }
  }
  const merged = new Map<number, Mark>();
  marks.forEach((m, i) => {
    const g = merged.get(find(i));
    if (!g) merged.set(find(i), { ...m });
    else {
      g.x0 = Math.min(g.x0, m.x0);
      g.y0 = Math.min(g.y0, m.y0);
      g.x1 = Math.max(g.x1, m.x1);
      g.y1 = Math.max(g.y1, m.y1);
      g.n += m.n;
    }
  });
  return [...merged.values()];
}

/**
 * The clusters of ink on the cleaned page (ruling lines erased) that none of the TSV's words
 * touches and that are as tall as a line of text (not a speck, not a picture), top to bottom.
 */
export function unreadInk(image: GrayImage, tsv: string): InkBox[] {
  const words = readTsv(tsv);
  if (words.length === 0) return [];
  const heights = words.map((w) => w.height).sort((a, b) => a - b);
  const line = heights[Math.floor(heights.length / 2)]!;
  const marks = untouchedMarks(image, words);
  if (!marks) return [];
  const found = clusters(marks, line)
    .filter((c) => {
      const h = c.y1 - c.y0 + 1;
      return h >= line * 0.5 && h <= line * 3 && c.n >= line * line * 0.08;
    })
    .sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  if (found.length > MAX_BOXES) return [];
  return found.map((c) => ({
    left: c.x0,
    top: c.y0,
    width: c.x1 - c.x0 + 1,
    height: c.y1 - c.y0 + 1,
  }));
}

/** The boxes cut from the page and stacked, a line's height of white around each. */
export function inkStrip(image: GrayImage, boxes: InkBox[]): InkStrip {
  const pad = Math.max(8, Math.round(Math.max(...boxes.map((b) => b.height)) * 0.6));
  const width = Math.max(...boxes.map((b) => b.width)) + 2 * pad;
  const slots: InkStrip["slots"] = [];
  let top = pad;
  for (const box of boxes) {
    slots.push({ box, top });
    top += box.height + 2 * pad;
  }
  const height = top - pad;
  const data = new Uint8Array(width * height).fill(255);
  for (const { box, top: at } of slots) {
    for (let y = 0; y < box.height; y++) {
      const from = (box.top + y) * image.width + box.left;
      data.set(image.data.subarray(from, from + box.width), (at + y) * width + pad);
    }
  }
  return { image: { width, height, data }, slots, pad };
}

/**
 * The page's TSV with the words the strip's OCR found, each moved back to where its cluster is
 * on the page, on lines of their own.
 */
export function withStripWords(tsv: string, stripTsv: string, strip: InkStrip): string {
  const rows: string[] = [];
  for (const row of stripTsv.split(/\r?\n/).slice(1)) {
    const f = row.split("\t");
    if (f.length < 12 || f[0] !== "5" || f.slice(11).join("\t").trim() === "") continue;
    const [left, top, width, height] = [f[6], f[7], f[8], f[9]].map(Number) as [
      number,
      number,
      number,
      number,
    ];
    const middle = top + height / 2;
    const slot = strip.slots.findIndex(
      (s) => middle >= s.top - strip.pad && middle < s.top + s.box.height + strip.pad,
    );
    if (slot < 0) continue;
    const { box, top: at } = strip.slots[slot]!;
    const x = box.left + left - strip.pad;
    const y = box.top + top - at;
    // a line of its own: block numbers past the page's, one per cluster
    const block = 100000 + slot;
    const line = `${Number(f[2]) * 1000 + Number(f[3])}\t${f[4]}`;
    rows.push(
      ["5", f[1], block, line, f[5], x, y, width, height, f[10], f.slice(11).join("\t")].join("\t"),
    );
  }
  if (rows.length === 0) return tsv;
  return `${tsv.replace(/\s+$/, "")}\n${rows.join("\n")}\n`;
}
