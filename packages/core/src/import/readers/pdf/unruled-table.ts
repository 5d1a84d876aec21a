/**
 * A table printed without ruling lines, found from its header: one to four lines whose words,
 * gathered into columns where they overlap, read as a plan's table header (table/header.detect).
 * Each word below goes to the column whose header ends before it starts (data under a centred
 * header starts left of the header's text but right of the previous column's), and a row starts
 * at a line with something in the number column, a bold or capitalised title alone, or a line set
 * further below the one above than a wrapped line would be; the other lines belong to the row
 * above. The table ends at a line that starts left of the table, another table's header, a
 * footnote's body (its raised number first), or a heading such as `PHỤ LỤC` or `Nơi nhận`.
 */
import type { Cell, Row } from "../../blocks.js";
import { detectHeader } from "../../table/header.detect.js";
import type { Word } from "./page-layout.js";

/** Lines `first`–`last` of the page; each row's words per column, the header's first. */
export type UnruledTable = { first: number; last: number; rows: Word[][][]; top: number };

/** A header column: its extent and its words, each with the header line it is on. */
type Span = { x0: number; x1: number; words: Word[]; lines: number[] };

/** A narrow column's header wraps over up to four lines (`Thời / gian / thực / hiện`). */
const HEADER_LINES = 4;

const END = /^(?:ph[uụ] l[uụ]c|n[oơ]i nh[aậ]n)\b/iu;

/** A line's words with the runs of one text joined (a font change splits a run). */
function runs(line: Word[]): Word[] {
  const out: Word[] = [];
  for (const w of line) {
    const last = out[out.length - 1];
    if (last && w.x0 - last.x1 <= w.size * 0.35) {
      const gap = w.x0 - last.x1 > w.size * 0.1 ? " " : "";
      out[out.length - 1] = { ...last, text: last.text + gap + w.text, x1: w.x1 };
    } else out.push(w);
  }
  return out;
}

/** The header lines' runs gathered into columns where they overlap, left to right. */
function headerSpans(lines: Word[][]): Span[] {
  const spans: Span[] = [];
  const placed = lines.flatMap((line, n) => runs(line).map((w) => ({ w, n })));
  for (const { w, n } of placed.sort((a, b) => a.w.x0 - b.w.x0)) {
    const span = spans.find((s) => w.x0 < s.x1 && w.x1 > s.x0);
    if (span) {
      span.x0 = Math.min(span.x0, w.x0);
      span.x1 = Math.max(span.x1, w.x1);
      span.words.push(w);
      span.lines.push(n);
    } else spans.push({ x0: w.x0, x1: w.x1, words: [w], lines: [n] });
  }
  return spans.sort((a, b) => a.x0 - b.x0);
}

/** A header column's text in reading order: line by line, left to right. */
const spanText = (s: Span) =>
  s.words
    .map((w, k) => ({ w, n: s.lines[k]! }))
    .sort((a, b) => a.n - b.n || a.w.x0 - b.w.x0)
    .map(({ w }) => w.text.trim())
    .join(" ");

type Found = { spans: Span[]; number: number; score: number };

/** The lines as a header: its columns, the number column, and how many columns it recognises. */
function header(lines: Word[][]): Found | null {
  const spans = headerSpans(lines);
  if (spans.length < 3) return null;
  const cells: Cell[] = spans.map((s) => ({
    text: spanText(s),
    bold: false,
    italic: false,
    footnotes: [],
  }));
  const row: Row = { cells, line: 0 };
  const found = detectHeader(row);
  const number = found?.columns.find((c) => c.role === "number")?.index;
  if (!found || number === undefined || found.columns.length < 3) return null;
  const extra = found.columns.filter((c) => c.role === "extra").length;
  return { spans, number, score: found.columns.length - 2 * extra };
}

/** Unruled tables among a page's text lines (top to bottom), with the lines each takes. */
export function unruledTables(lines: Word[][]): UnruledTable[] {
  const tables: UnruledTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    // The header's words may wrap over several lines; a data line taken in adds unknown columns.
    let found: (Found & { height: number }) | null = null;
    for (let k = 1; k <= HEADER_LINES && i + k <= lines.length; k++) {
      const h = header(lines.slice(i, i + k));
      // A line holding only the ends of a few headers' words (no number, no new column), at the
      // line spacing (a row below the header is set further down, by the cells' padding).
      const added = lines[i + k - 1]!;
      const close = k > 1 && lines[i + k - 2]![0]!.y - added[0]!.y <= added[0]!.size * 1.25;
      const numberSpan = found?.spans[found.number];
      const wraps =
        close &&
        found !== null &&
        h !== null &&
        h.score === found.score &&
        h.spans.length === found.spans.length &&
        added.length * 2 < found.spans.length &&
        !added.some((w) => numberSpan && w.x0 < numberSpan.x1 && w.x1 > numberSpan.x0);
      if (h && (!found || h.score > found.score || wraps)) found = { ...h, height: k };
    }
    if (!found) continue;
    const { spans, number } = found;
    const left = spans[0]!.x0;
    const columnOf = (w: Word) => {
      let c = 0;
      while (c + 1 < spans.length && w.x0 > spans[c]!.x1) c++;
      return c;
    };
    const rows: Word[][][] = [spans.map((s) => s.words)];
    /** Where each word went (row, column); raised marks wait for the word they follow. */
    const at = new Map<Word, [number, number]>();
    const raisedMarks: { word: Word; row: number; column: number }[] = [];
    let j = i + found.height;
    for (; j < lines.length; j++) {
      const line = runs(lines[j]!);
      const text = line
        .map((w) => w.text)
        .join(" ")
        .trim();
      if (line[0]!.x0 < left - line[0]!.size * 2 || END.test(text)) break;
      // A footnote's body (its raised number first) is below the table.
      const first = lines[j]![0]!;
      const lineSize = Math.max(...lines[j]!.map((w) => w.size));
      const small = first.size < lineSize * 0.85 && /^\d{1,3}$/.test(first.text.trim());
      if (small && first.x0 < spans[number]!.x1) break;
      const size = Math.max(...line.map((w) => w.size));
      // A wrapped line follows at the line spacing (more when it holds a raised footnote mark);
      // the next row further down, by its cells' padding.
      const y = line[0]!.y;
      const mark = [...lines[j - 1]!, ...lines[j]!].some(
        (w) => w.size < size * 0.85 && w.y > y && w.y < y + size,
      );
      const spaced = lines[j - 1]![0]!.y - y > size * (mark ? 1.75 : 1.35);
      // Another table's header (set apart, no row number — a header's `STT` is no number — in
      // the number column): that table starts here.
      const numbered = line.some((w) => columnOf(w) === number && /\d/u.test(w.text));
      if (spaced && !numbered && [1, 2, 3].some((k) => header(lines.slice(j, j + k)) !== null))
        break;
      const cells: Word[][] = spans.map(() => []);
      const marks: { word: Word; column: number }[] = [];
      let column = 0;
      lines[j]!.forEach((w, k) => {
        // A word right after the one before (a font change, a raised footnote mark) stays with it.
        const previous = lines[j]![k - 1];
        const adjacent = previous !== undefined && w.x0 - previous.x1 <= previous.size * 0.35;
        if (!adjacent) column = columnOf(w);
        if (w.size < size * 0.85 && !adjacent) marks.push({ word: w, column });
        else cells[column]!.push(w);
      });
      const filled = cells.filter((c) => c.length > 0);
      const title =
        filled.length === 1 &&
        (line.every((w) => w.bold) || (/\p{Lu}/u.test(text) && text === text.toUpperCase()));
      const current = rows[rows.length - 1];
      if (current && cells[number]!.length === 0 && !title && !spaced)
        cells.forEach((c, k) => current[k]!.push(...c));
      else rows.push(cells);
      const row = rows.length - 1;
      cells.forEach((c, k) => c.forEach((w) => at.set(w, [row, k])));
      raisedMarks.push(...marks.map((m) => ({ ...m, row })));
    }
    // A raised mark set above its line was read with the line above; it follows the word that
    // ends where it starts.
    for (const mark of raisedMarks) {
      const w = mark.word;
      let best: [number, number] = [mark.row, mark.column];
      let distance = w.size * 0.5;
      for (const [word, place] of at) {
        const gap = Math.abs(w.x0 - word.x1);
        if (gap < distance && w.y > word.y - 2 && w.y - word.y <= word.size * 0.6) {
          best = place;
          distance = gap;
        }
      }
      rows[best[0]]![best[1]]!.push(w);
    }
    if (rows.length > 1) {
      tables.push({ first: i, last: j - 1, rows, top: lines[i]![0]!.y });
      i = j - 1;
    }
  }
  return tables;
}
