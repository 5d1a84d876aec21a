/**
 * Ink the OCR left unread. Tesseract's page layout drops a short word standing alone in a table
 * cell as noise — a group's number (`1`, `II`) beside its title, sometimes a whole cell of a few
 * words — so a scanned plan loses its groups. The dark clusters of the cleaned page that no
 * recognised word touches, of a text line's height, are cut out and stacked one under the other
 * into a strip that a second OCR pass reads as one block of text (`--psm 6`, which keeps what the
 * page layout dropped); the words found there go back to their place on the page's TSV. A short
 * word read with little confidence (`LÃ` for a row's `7.`) goes into the strip too, and its
 * reading there replaces the first one when it is surer.
 */
import { readTsv, type GrayImage } from "./scan-page.js";

/** `conf`: a word read already, with this confidence, that the strip may read better. */
export type InkBox = { left: number; top: number; width: number; height: number; conf?: number };

/**
 * The boxes laid out in one image: each `box` cut out as `cut` (a little wider) and put at
 * (`left`, `top`) of the strip; `gap`: the white between them.
 */
export type InkStrip = {
  image: GrayImage;
  slots: { box: InkBox; cut: InkBox; left: number; top: number }[];
  gap: number;
};
const DARK = 128;
/** A page with more unread clusters than this is a picture, not text the layout missed. */
const MAX_BOXES = 200;
/** Past this many unread marks (specks included) the page is a photo or noise: left alone. */
const MAX_MARKS = 20000;
/** A word read with less confidence than this, of a few characters, is read again. */
const DOUBTFUL = 50;

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
  const doubtful = words
    .filter((w) => w.conf >= 0 && w.conf < DOUBTFUL && [...w.text].length <= 4)
    .filter((w) => w.left >= 0 && w.top >= 0 && w.width > 0 && w.height > 0)
    .filter((w) => w.left + w.width <= image.width && w.top + w.height <= image.height)
    .map((w) => ({ left: w.left, top: w.top, width: w.width, height: w.height, conf: w.conf }));
  if (found.length + doubtful.length > MAX_BOXES) return [];
  const unread = found.map((c) => ({
    left: c.x0,
    top: c.y0,
    width: c.x1 - c.x0 + 1,
    height: c.y1 - c.y0 + 1,
  }));
  return [...unread, ...doubtful].sort((a, b) => a.top - b.top || a.left - b.left);
}

/** A strip no wider than this many pixels: a row that would be wider wraps. */
const STRIP_WIDTH = 4000;

/**
 * The boxes cut from the page into a strip: those one line high side by side on rows (their
 * bottoms aligned, three lines' height apart: stacked one under the other, Tesseract reads a lone
 * `7.` as `Lễ`), a taller one (a cell of several lines) on a row of its own.
 */
export function inkStrip(image: GrayImage, boxes: InkBox[]): InkStrip {
  const heights = boxes.map((b) => b.height).sort((a, b) => a - b);
  const line = heights[Math.floor(heights.length / 2)]!;
  const gap = Math.max(48, line * 3);
  // a word's box is tight: the faint edge of a letter (the bar of a `7`) lies just outside it
  const cuts = boxes.map((box) => {
    const left = Math.max(0, box.left - 2);
    const top = Math.max(0, box.top - 2);
    const cut = {
      left,
      top,
      width: Math.min(image.width, box.left + box.width + 2) - left,
      height: Math.min(image.height, box.top + box.height + 2) - top,
    };
    return { box, cut };
  });
  const rows: (typeof cuts)[] = [];
  for (const item of cuts) {
    const row = rows[rows.length - 1];
    const tall = item.box.height > line * 1.6;
    const used = row?.reduce((w, r) => w + r.cut.width + gap, gap) ?? 0;
    const fits = row && !tall && row.every((r) => r.box.height <= line * 1.6);
    if (fits && used + item.cut.width + gap <= STRIP_WIDTH) row.push(item);
    else rows.push([item]);
  }
  const slots: InkStrip["slots"] = [];
  let top = gap;
  for (const row of rows) {
    const bottom = top + Math.max(...row.map((r) => r.cut.height));
    let left = gap;
    for (const { box, cut } of row) {
      slots.push({ box, cut, left, top: bottom - cut.height });
      left += cut.width + gap;
    }
    top = bottom + gap;
  }
  const width = Math.max(...slots.map((s) => s.left + s.cut.width)) + gap;
  const height = top;
  const data = new Uint8Array(width * height).fill(255);
  for (const { cut, left, top: at } of slots) {
    for (let y = 0; y < cut.height; y++) {
      const from = (cut.top + y) * image.width + cut.left;
      data.set(image.data.subarray(from, from + cut.width), (at + y) * width + left);
    }
  }
  return { image: { width, height, data }, slots, gap };
}

/**
 * The page's TSV with the words the strip's OCR found, each moved back to where its cluster is
 * on the page, on lines of their own.
 */
export function withStripWords(tsv: string, stripTsv: string, strip: InkStrip): string {
  const read = new Map<number, { rows: string[]; conf: number }>();
  for (const row of stripTsv.split(/\r?\n/).slice(1)) {
    const f = row.split("\t");
    if (f.length < 12 || f[0] !== "5" || f.slice(11).join("\t").trim() === "") continue;
    const [left, top, width, height] = [f[6], f[7], f[8], f[9]].map(Number) as [
      number,
      number,
      number,
      number,
    ];
    const [cx, cy] = [left + width / 2, top + height / 2];
    const half = strip.gap / 2;
    const slot = strip.slots.findIndex(
      (s) =>
        cx >= s.left - half &&
        cx < s.left + s.cut.width + half &&
        cy >= s.top - half &&
        cy < s.top + s.cut.height + half,
    );
    if (slot < 0) continue;
    const { cut, left: atX, top: atY } = strip.slots[slot]!;
    const x = cut.left + left - atX;
    const y = cut.top + top - atY;
    // a line of its own: block numbers past the page's, one per cluster
    const block = 100000 + slot;
    const line = `${Number(f[2]) * 1000 + Number(f[3])}\t${f[4]}`;
    const found = read.get(slot) ?? { rows: [], conf: 100 };
    found.rows.push(
      ["5", f[1], block, line, f[5], x, y, width, height, f[10], f.slice(11).join("\t")].join("\t"),
    );
    found.conf = Math.min(found.conf, Number(f[10]));
    read.set(slot, found);
  }
  // a word read again replaces the first reading only when the strip is surer of it
  const kept = [...read].filter(([slot, r]) => r.conf > (strip.slots[slot]!.box.conf ?? -1));
  const replaced = new Set(
    kept
      .map(([slot]) => strip.slots[slot]!.box)
      .filter((b) => b.conf !== undefined)
      .map((b) => `${b.left}\t${b.top}\t${b.width}\t${b.height}`),
  );
  const rows = kept.flatMap(([, r]) => r.rows);
  if (rows.length === 0) return tsv;
  const page = tsv
    .replace(/\s+$/, "")
    .split("\n")
    .filter((row) => !replaced.has(row.split("\t").slice(6, 10).join("\t")));
  return `${[...page, ...rows].join("\n")}\n`;
}
