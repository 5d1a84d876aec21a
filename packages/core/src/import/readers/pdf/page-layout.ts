/**
 * A page as positioned words and ruling lines → blocks: the geometry shared by PDFs with a text
 * layer (glyph runs from pdf.js) and scans (word boxes from OCR). Ruled tables are found from
 * their lines (a grid of horizontal and vertical rules that cross), each cell gets the words whose
 * left edge falls inside it, a cell's lines are joined (a wrap is a space; a line starting with a
 * bullet keeps its break), small raised figures become footnote markers. A table printed without
 * lines is found from its header (unruled-table.ts). Outside tables, words on one baseline make
 * a line, and a line that reaches the right margin continues on the next.
 * Coordinates are PDF points with y growing upwards (baselines).
 */
import type { Block, Cell, Row } from "../../blocks.js";
import { parseCellMarkup } from "../html-cell.js";
import { unruledTables } from "./unruled-table.js";

export type Word = {
  text: string;
  x0: number;
  x1: number;
  /** Baseline. */
  y: number;
  /** Font size (height). */
  size: number;
  bold: boolean;
};
/** A horizontal (`y0 === y1`) or vertical (`x0 === x1`) ruling line. */
export type Rule = { x0: number; x1: number; y0: number; y1: number };
export type PageContent = { width: number; height: number; words: Word[]; rules: Rule[] };

const TOLERANCE = 2;

type Grid = {
  xs: number[];
  /** The vertical rules: a column line missing across a row is a merged cell. */
  vs: Rule[];
  ys: number[];
  top: number;
  bottom: number;
  left: number;
  right: number;
};

/** Values within TOLERANCE of each other → one (their mean), sorted. */
function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1]! <= TOLERANCE) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

const horizontal = (r: Rule) => Math.abs(r.y1 - r.y0) <= TOLERANCE && r.x1 - r.x0 > TOLERANCE * 2;
const vertical = (r: Rule) => Math.abs(r.x1 - r.x0) <= TOLERANCE && r.y1 - r.y0 > TOLERANCE * 2;
const touches = (h: Rule, v: Rule) =>
  v.x0 >= h.x0 - TOLERANCE &&
  v.x0 <= h.x1 + TOLERANCE &&
  h.y0 >= v.y0 - TOLERANCE &&
  h.y0 <= v.y1 + TOLERANCE;

/** Tables: groups of crossing rules with at least two rows and two columns. */
export function findGrids(rules: Rule[]): Grid[] {
  const hs = rules.filter(horizontal);
  const vs = rules.filter(vertical);
  const all = [...hs, ...vs];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  hs.forEach((h, i) =>
    vs.forEach((v, j) => {
      if (touches(h, v)) parent[find(i)] = find(hs.length + j);
    }),
  );
  const groups = new Map<number, Rule[]>();
  all.forEach((r, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), r]));
  const grids: Grid[] = [];
  for (const group of groups.values()) {
    const vs = group.filter(vertical);
    // The ends of the vertical rules close a row cut by the page's end (no rule drawn under it).
    const ends =
      vs.length > 0 ? [Math.min(...vs.map((r) => r.y0)), Math.max(...vs.map((r) => r.y1))] : [];
    const ys = cluster([...group.filter(horizontal).map((r) => r.y0), ...ends]).reverse();
    for (const part of splitTables(ys, vs)) {
      const xs = cluster(part.vs.map((r) => r.x0));
      if (part.ys.length < 2 || xs.length < 2) continue;
      grids.push({
        xs,
        vs: part.vs,
        ys: part.ys,
        top: part.ys[0]!,
        bottom: part.ys[part.ys.length - 1]!,
        left: xs[0]!,
        right: xs[xs.length - 1]!,
      });
    }
  }
  return grids;
}

const near = (a: number, b: number) => Math.abs(a - b) <= TOLERANCE;
const within = (xs: number[], set: number[]) => xs.every((x) => set.some((s) => near(s, x)));

/**
 * Two tables drawn one right under the other share rules: a row whose column lines neither
 * contain nor are contained in those of the rows above starts another table. (A row of merged
 * cells has fewer lines, a two-level header's second row more: both stay.)
 */
function splitTables(ys: number[], vs: Rule[]): { ys: number[]; vs: Rule[] }[] {
  const parts: { ys: number[]; vs: Rule[]; xs: number[] }[] = [];
  for (let r = 0; r + 1 < ys.length; r++) {
    const mid = (ys[r]! + ys[r + 1]!) / 2;
    const crossing = vs.filter((v) => v.y0 <= mid && v.y1 >= mid);
    const xs = cluster(crossing.map((v) => v.x0));
    const part = parts[parts.length - 1];
    if (part && (within(xs, part.xs) || within(part.xs, xs))) {
      part.ys.push(ys[r + 1]!);
      part.vs.push(...crossing);
      part.xs = cluster([...part.xs, ...xs]);
    } else parts.push({ ys: [ys[r]!, ys[r + 1]!], vs: crossing, xs });
  }
  return parts;
}

const escapeMarkup = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/**
 * Words on one baseline, left to right. A small raised word (a footnote marker set above the
 * line) belongs to the line just below it.
 */
function lines(words: Word[]): Word[][] {
  const sizes = words.map((w) => w.size).sort((a, b) => a - b);
  const body = sizes[Math.floor(sizes.length / 2)] ?? 0;
  const small = (w: Word) => w.size < body * 0.85;
  const sorted = [...words].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const out: Word[][] = [];
  for (const w of sorted.filter((x) => !small(x))) {
    const line = out.find((l) => Math.abs(l[0]!.y - w.y) <= Math.max(TOLERANCE, w.size * 0.25));
    if (line) line.push(w);
    else out.push([w]);
  }
  for (const w of sorted.filter(small)) {
    const line = out.find((l) => w.y >= l[0]!.y - TOLERANCE && w.y - l[0]!.y <= l[0]!.size * 0.6);
    if (line) line.push(w);
    else out.push([w]);
  }
  for (const l of out) l.sort((a, b) => a.x0 - b.x0);
  return out.sort((a, b) => b[0]!.y - a[0]!.y);
}

/**
 * A line's largest word: its baseline and size are the line's own, not those of a small raised
 * footnote marker that may open it (a footnote's first line).
 */
const bodyWord = (line: Word[]) => line.reduce((a, b) => (b.size > a.size ? b : a));

/** A line's text, with small raised figures as `<sup>` footnote markers. */
function lineMarkup(line: Word[]): string {
  const body = Math.max(...line.map((w) => w.size));
  let out = "";
  let end = -Infinity;
  for (const w of line) {
    const raised = w.size < body * 0.85 && /^\d{1,3}$/.test(w.text.trim());
    const gap = w.x0 - end;
    if (out !== "" && (gap > body * 0.15 || raised)) out += " ";
    out += raised ? `<sup>${w.text.trim()}</sup>` : escapeMarkup(w.text);
    end = w.x1;
  }
  return out.replace(/\s+/g, " ").trim();
}

/** A cell's lines joined: a wrapped line continues with a space, a bullet starts a new line. */
function cellOf(words: Word[]): Cell {
  const parts = lines(words)
    .map(lineMarkup)
    .filter((t) => t !== "");
  let raw = "";
  parts.forEach((t, i) => {
    const bullet = /^[-+•–*]\s/.test(t) || /^[a-zđ]\)\s/.test(t);
    if (i > 0) raw += bullet || /[;:]$/.test(parts[i - 1]!) ? "<br>" : " ";
    raw += t;
  });
  const cell = parseCellMarkup(raw);
  cell.bold = words.length > 0 && words.every((w) => w.bold || w.text.trim() === "");
  return cell;
}

/**
 * The column lines (indexes into `grid.xs`) that no rule crosses at height `y` in a row whose
 * other lines are drawn: the cells either side are one merged cell (a group's title written
 * across the columns). Its words, one box each in a scan, then stay in the cell they start.
 */
function mergedLines(grid: Grid, y: number): Set<number> {
  const crossing = grid.vs.filter((v) => v.y0 <= y && v.y1 >= y);
  const open = new Set<number>();
  if (crossing.length === 0) return open;
  for (let c = 1; c + 1 < grid.xs.length; c++)
    if (!crossing.some((v) => near(v.x0, grid.xs[c]!))) open.add(c);
  return open;
}

function tableRows(grid: Grid, words: Word[]): { rows: Cell[][]; tops: number[] } {
  const rows: Cell[][] = [];
  const tops: number[] = [];
  for (let r = 0; r + 1 < grid.ys.length; r++) {
    const top = grid.ys[r]!;
    const bottom = grid.ys[r + 1]!;
    const band = words.filter((w) => w.y < top && w.y > bottom);
    if (band.length === 0) continue;
    const cells: Cell[] = [];
    const open = mergedLines(grid, (top + bottom) / 2);
    for (let c = 0; c + 1 < grid.xs.length; c++) {
      if (open.has(c)) {
        cells.push(cellOf([]));
        continue;
      }
      const left = grid.xs[c]!;
      let end = c + 1;
      while (open.has(end)) end++;
      const right = grid.xs[end]!;
      cells.push(cellOf(band.filter((w) => w.x0 + 1 >= left && w.x0 + 1 < right)));
    }
    rows.push(cells);
    tops.push(top);
  }
  return { rows, tops };
}

type Placed = { top: number; block: Block };

/**
 * One page → blocks in reading order. `line` numbers continue from `firstLine` (one per text
 * line or table row); returns the blocks and the next line number.
 */
export function layoutPage(
  page: PageContent,
  firstLine: number,
): { blocks: Block[]; next: number } {
  const grids = findGrids(page.rules);
  const inGrid = (w: Word, g: Grid) =>
    w.y < g.top && w.y > g.bottom && w.x0 + 1 >= g.left && w.x0 + 1 < g.right;
  const placed: Placed[] = [];
  const free = page.words.filter((w) => !grids.some((g) => inGrid(w, g)));
  for (const grid of grids) {
    const { rows, tops } = tableRows(
      grid,
      page.words.filter((w) => inGrid(w, grid)),
    );
    if (rows.length === 0) continue;
    placed.push({
      top: grid.top,
      block: { type: "table", rows: rows.map((cells, i) => ({ cells, line: tops[i]! })) },
    });
  }
  const freeLines = lines(free);
  const taken = new Set<number>();
  for (const table of unruledTables(freeLines)) {
    for (let k = table.first; k <= table.last; k++) taken.add(k);
    const rows = table.rows.map((cells) => ({ cells: cells.map(cellOf), line: 0 }));
    placed.push({ top: table.top, block: { type: "table", rows } });
  }
  const margin = Math.max(...free.map((w) => w.x1), 0);
  let previous: { line: Word[]; placed: Placed } | null = null;
  for (const [index, line] of freeLines.entries()) {
    if (taken.has(index)) continue;
    const y = line[0]!.y;
    const text = lineMarkup(line);
    // A page number alone at the top or bottom of the page.
    if (/^-?\s*\d{1,4}\s*-?$/.test(text) && (y < page.height * 0.08 || y > page.height * 0.92))
      continue;
    const last = previous?.line;
    const wraps =
      last !== undefined &&
      last[last.length - 1]!.x1 > margin - page.width * 0.08 &&
      bodyWord(last).y - bodyWord(line).y <= bodyWord(last).size * 1.8 &&
      Math.abs(last[0]!.x0 - line[0]!.x0) <= page.width * 0.05 &&
      last.every((w) => w.bold) === line.every((w) => w.bold);
    if (wraps && previous && previous.placed.block.type === "paragraph") {
      previous.placed.block.text += ` ${text}`;
      previous.line = line;
      continue;
    }
    const block: Block = { type: "paragraph", text, bold: line.every((w) => w.bold), line: 0 };
    const entry = { top: y, block };
    placed.push(entry);
    previous = { line, placed: entry };
  }
  placed.sort((a, b) => b.top - a.top);
  let next = firstLine;
  const blocks: Block[] = [];
  for (const { block } of placed) {
    if (block.type === "paragraph") {
      const note = /^<sup>(\d{1,3})<\/sup>\s*(.*)$/s.exec(block.text);
      const cell = parseCellMarkup(note ? (note[2] ?? "") : block.text);
      if (cell.text === "") continue;
      if (note) blocks.push({ type: "footnote", marker: note[1]!, text: cell.text, line: next++ });
      else blocks.push({ ...block, text: cell.text, line: next++ });
    } else if (block.type === "table") {
      const rows: Row[] = block.rows.map((r) => ({ cells: r.cells, line: next++ }));
      blocks.push({ type: "table", rows });
    }
  }
  return { blocks, next };
}
