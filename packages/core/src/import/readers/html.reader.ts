/**
 * A web page saved as .html → blocks. Block elements (`p`, `div`, headings, list items, `br`)
 * end paragraphs; `<table>` rows become table rows with `colspan` cells followed by empty cells
 * and `rowspan` continuations resolved as Word's vertical merges are (xml.grid.ts). Cell and
 * paragraph markup (bold, italic, `<sup>` footnote markers, entities) is read by html-cell.ts,
 * so no tag survives. The site around the document is dropped: scripts, styles, `nav`,
 * `header`, `footer`, `aside`, forms, and (site-chrome.ts) menus before the document's first
 * line. A table inside a cell is read as lines of that cell. `line` is the source line.
 */
import type { Block, Row } from "../blocks.js";
import { BREAK_TAGS, parseCellMarkup } from "./html-cell.js";
import { dropSiteChrome } from "./site-chrome.js";
import { emptyCell, resolveVerticalMerges, type GridCell } from "./xml.grid.js";

/** Elements whose content is never part of the document. */
const SKIPPED = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "head",
  "nav",
  "header",
  "footer",
  "aside",
  "form",
  "select",
  "button",
  "svg",
  "iframe",
  "object",
]);
/** Elements whose raw content must not be tokenised (it may hold `<`). */
const RAW_TEXT = new Set(["script", "style", "textarea", "title"]);
const BREAKS = new Set([
  ...BREAK_TAGS,
  "section",
  "article",
  "main",
  "center",
  "dd",
  "dt",
  "dl",
  "hr",
  "body",
  "html",
  "caption",
]);
/** Emphasis and footnote markers, handed to html-cell.ts as they are. */
const INLINE = new Set(["b", "strong", "i", "em", "sup", "sub", "u"]);
const MAX_COLUMNS = 256;
const MAX_ROWSPAN = 1000;

const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<![^>]*>|<\?[^>]*>|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

function attrNumber(attrs: string, name: string): number {
  const m = new RegExp(`\\b${name}\\s*=\\s*["']?\\s*(\\d{1,5})`, "i").exec(attrs);
  return m ? Number(m[1]) : 1;
}

type OpenCell = { html: string; colspan: number; rowspan: number };
type Table = {
  rows: { cells: GridCell[]; line: number }[];
  row: GridCell[] | null;
  rowLine: number;
  cell: OpenCell | null;
  /** Cells spanning down: column → rows still to cover. */
  spans: Map<number, number>;
  /** Depth of tables nested inside the current cell. */
  nested: number;
};

class HtmlBody {
  readonly blocks: Block[] = [];
  private para = "";
  private paraLine = 1;
  private table: Table | null = null;

  constructor(private readonly lineAt: (offset: number) => number) {}

  text(source: string, offset: number): void {
    // Line breaks in the source are white space; `<br>` and block elements make lines.
    const raw = source.replace(/[\t\n\r\f ]+/g, " ");
    const cell = this.table?.cell;
    if (cell) {
      cell.html += raw;
      return;
    }
    if (this.table) return; // text between cells is not part of any
    if (this.para.trim() === "") this.paraLine = this.lineAt(offset);
    this.para += raw;
  }

  inline(tag: string): void {
    if (this.table?.cell) this.table.cell.html += tag;
    else if (!this.table) this.para += tag;
  }

  flush(): void {
    const raw = this.para;
    this.para = "";
    if (raw.trim() === "") return;
    const note = /^\s*<sup\b[^>]*>\s*([\w*†‡]{1,4})\s*<\/sup>([\s\S]*)$/i.exec(raw);
    if (note) {
      const body = parseCellMarkup(note[2] ?? "");
      if (body.text !== "") {
        this.blocks.push({
          type: "footnote",
          marker: note[1] ?? "",
          text: body.text,
          line: this.paraLine,
        });
        return;
      }
    }
    const cell = parseCellMarkup(raw);
    cell.text.split("\n").forEach((text, i) => {
      if (text.trim() === "") return;
      this.blocks.push({ type: "paragraph", text, bold: cell.bold, line: this.paraLine + i });
    });
  }

  open(name: string, attrs: string, offset: number): void {
    const t = this.table;
    if (name === "table") {
      if (t?.cell) {
        t.nested++;
        t.cell.html += "<br>";
      } else if (!t) {
        this.flush();
        this.table = { rows: [], row: null, rowLine: 0, cell: null, spans: new Map(), nested: 0 };
      }
      return;
    }
    if (!t) {
      if (BREAKS.has(name)) this.flush();
      return;
    }
    if (t.nested > 0) {
      if (name === "td" || name === "th" || name === "tr") t.cell!.html += "<br>";
      return;
    }
    if (name === "tr") {
      this.endRow(t);
      t.row = [];
      t.rowLine = this.lineAt(offset);
    } else if (name === "td" || name === "th") {
      this.endCell(t);
      if (!t.row) {
        t.row = [];
        t.rowLine = this.lineAt(offset);
      }
      t.cell = {
        html: "",
        colspan: Math.min(attrNumber(attrs, "colspan"), MAX_COLUMNS),
        rowspan: Math.min(attrNumber(attrs, "rowspan"), MAX_ROWSPAN),
      };
    } else if (t.cell && BREAKS.has(name)) t.cell.html += "<br>";
  }

  close(name: string): void {
    const t = this.table;
    if (!t) {
      if (BREAKS.has(name)) this.flush();
      return;
    }
    if (name === "table") {
      if (t.nested > 0) {
        t.nested--;
        return;
      }
      this.endRow(t);
      this.table = null;
      const rows = resolveVerticalMerges(t.rows.map((r) => r.cells));
      const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
      const out: Row[] = rows.map((cells, i) => ({
        cells: [...cells, ...Array.from({ length: width - cells.length }, emptyCell)],
        line: t.rows[i]!.line,
      }));
      if (out.length > 0) this.blocks.push({ type: "table", rows: out });
      return;
    }
    if (t.nested > 0) return;
    if (name === "td" || name === "th") this.endCell(t);
    else if (name === "tr") this.endRow(t);
    else if (t.cell && BREAKS.has(name) && name !== "br") t.cell.html += "<br>";
  }

  /** A table left open at the end of the file is closed. */
  end(): void {
    while (this.table) {
      this.table.nested = 0;
      this.close("table");
    }
    this.flush();
  }

  private fillSpans(t: Table, row: GridCell[]): void {
    while (row.length < MAX_COLUMNS && (t.spans.get(row.length) ?? 0) > 0) {
      const col = row.length;
      t.spans.set(col, t.spans.get(col)! - 1);
      row.push({ cell: emptyCell(), merge: "continue" });
    }
  }

  private endCell(t: Table): void {
    const cell = t.cell;
    if (!cell || !t.row) return;
    t.cell = null;
    this.fillSpans(t, t.row);
    if (t.row.length >= MAX_COLUMNS) return;
    const start = t.row.length;
    t.row.push({ cell: parseCellMarkup(cell.html), merge: cell.rowspan > 1 ? "start" : "none" });
    for (let k = 1; k < cell.colspan && t.row.length < MAX_COLUMNS; k++)
      t.row.push({ cell: emptyCell(), merge: cell.rowspan > 1 ? "start" : "none" });
    if (cell.rowspan > 1)
      for (let c = start; c < t.row.length; c++) t.spans.set(c, cell.rowspan - 1);
  }

  private endRow(t: Table): void {
    this.endCell(t);
    if (!t.row) return;
    // Cells spanning down into this row after its last own cell.
    const last = Math.max(-1, ...[...t.spans].filter(([, n]) => n > 0).map(([c]) => c));
    while (t.row.length <= last) {
      const before = t.row.length;
      this.fillSpans(t, t.row);
      if (t.row.length === before) t.row.push({ cell: emptyCell(), merge: "none" });
    }
    t.rows.push({ cells: t.row, line: t.rowLine });
    t.row = null;
  }
}

/** Byte offset → 1-based line. */
function lineIndex(html: string): (offset: number) => number {
  const starts = [0];
  for (let i = html.indexOf("\n"); i >= 0; i = html.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** Does this text look like an HTML page (not converted text with a few tags in it)? */
export function isHtml(text: string): boolean {
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|table)\b/i.test(
    text.slice(0, 2000),
  );
}

export function readHtmlBlocks(html: string): Block[] {
  const body = new HtmlBody(lineIndex(html));
  let skip: string | null = null;
  let skipDepth = 0;
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m !== null; m = TOKEN.exec(html)) {
    if (skip === null && m.index > last) body.text(html.slice(last, m.index), last);
    last = m.index + m[0].length;
    const name = (m[2] ?? "").toLowerCase();
    if (name === "") continue; // comment, doctype
    const closing = m[1] === "/";
    const selfClosing = /\/\s*$/.test(m[3] ?? "");
    if (!closing && RAW_TEXT.has(name)) {
      const end = html.toLowerCase().indexOf(`</${name}`, last);
      last = end < 0 ? html.length : end;
      TOKEN.lastIndex = last;
      continue;
    }
    if (skip !== null) {
      if (name === skip) skipDepth += closing ? -1 : selfClosing ? 0 : 1;
      if (skipDepth === 0) skip = null;
      continue;
    }
    if (!closing && SKIPPED.has(name) && !selfClosing) {
      skip = name;
      skipDepth = 1;
      continue;
    }
    if (INLINE.has(name)) body.inline(closing ? `</${name}>` : `<${name}>`);
    else if (closing) body.close(name);
    else body.open(name, m[3] ?? "", m.index);
  }
  if (skip === null && last < html.length) body.text(html.slice(last), last);
  body.end();
  return dropSiteChrome(body.blocks);
}
