/**
 * Word (.docx) → blocks. Body paragraphs become paragraph blocks (one per line: `w:br` splits),
 * real tables become table blocks with one row per `w:tr`: `gridSpan` cells are followed by empty
 * cells so that every row lines up with the header's columns, `vMerge` continuations are resolved
 * as xml.grid.ts explains, several paragraphs in a cell are joined with "\n". Footnote references
 * and superscript markers become `Cell.footnotes`; the footnote bodies (word/footnotes.xml) are
 * emitted as footnote blocks right after the block that first refers to them, and a paragraph
 * that starts with a superscript marker (a footnote typed by hand) is a footnote block itself.
 * `line` counts paragraphs and table rows from 1.
 */
import type { Block, Cell, Row } from "../blocks.js";
import { countText, DocumentTooLargeError } from "../document-too-large.error.js";
import { NotAPlanError } from "../not-a-plan.error.js";
import { Numbering } from "./docx.numbering.js";
import {
  allSegments,
  readParagraph,
  segmentsText,
  type DocxContext,
  type Segment,
} from "./docx.paragraph.js";
import { Styles } from "./docx.styles.js";
import { READ_LIMITS } from "./read-limits.js";
import { emptyCell, resolveVerticalMerges, type GridCell } from "./xml.grid.js";
import {
  attr,
  childElements,
  emptyElement,
  firstChild,
  isElement,
  parseXml,
  type XmlElement,
} from "./xml.js";
import { officeText } from "./xml.text.js";
import { partText, relatedPart, unzipParts, type ZipParts } from "./zip.js";

/** Elements that only wrap block content (content controls, custom XML). */
const WRAPPERS = new Set(["sdt", "sdtContent", "customXml"]);
/** A table wider than this is not a plan table; it also bounds the work on hostile input. */
const MAX_COLUMNS = 256;

export function readDocxBlocks(bytes: Uint8Array): Block[] {
  const parts = unzipParts(bytes, (name) => name.endsWith(".xml") || name.endsWith(".rels"));
  if (!parts) throw new NotAPlanError("Tệp Word (.docx) bị hỏng, không giải nén được.");
  return readDocxParts(parts);
}

/** The main document part named by the package relationships, else the usual name. */
function mainDocumentPart(parts: ZipParts): string {
  return relatedPart(parts, "", "officeDocument") ?? "word/document.xml";
}

export function readDocxParts(parts: ZipParts): Block[] {
  const main = mainDocumentPart(parts);
  const documentXml = partText(parts, main);
  if (documentXml === null) throw new NotAPlanError("Tệp .docx không có phần nội dung văn bản.");
  const part = (kind: string, fallback: string) => {
    const text = partText(parts, relatedPart(parts, main, kind) ?? fallback);
    return text === null ? null : parseXml(text);
  };
  const reader = new DocxBody(
    new Styles(part("styles", "word/styles.xml")),
    new Numbering(part("numbering", "word/numbering.xml")),
    part("footnotes", "word/footnotes.xml"),
  );
  const body = firstChild(firstChild(parseXml(documentXml), "document"), "body");
  if (body) reader.walk(body);
  return reader.blocks;
}

class DocxBody {
  readonly blocks: Block[] = [];
  private line = 0;
  private readonly notes = new Map<string, XmlElement>();
  private readonly markers = new Map<string, string>();
  private pending: string[] = [];
  private numbered = 0;
  private readonly ctx: DocxContext;

  constructor(styles: Styles, numbering: Numbering, footnotesXml: XmlElement | null) {
    for (const note of childElements(
      firstChild(footnotesXml ?? undefined, "footnotes") ?? emptyElement(),
      "footnote",
    )) {
      const type = attr(note, "type");
      if (!type || type === "normal") this.notes.set(attr(note, "id") ?? "", note);
    }
    this.ctx = { styles, numbering, noteMarker: (id, custom) => this.noteMarker(id, custom) };
  }

  private noteMarker(id: string, custom?: string): string {
    const known = this.markers.get(id);
    if (known !== undefined) return known;
    const marker = custom || String(++this.numbered);
    this.markers.set(id, marker);
    if (this.notes.has(id)) this.pending.push(id);
    return marker;
  }

  walk(container: XmlElement): void {
    for (const child of container.children) {
      if (!isElement(child)) continue;
      if (child.local === "p") this.paragraph(child);
      else if (child.local === "tbl") this.table(child);
      else if (WRAPPERS.has(child.local)) this.walk(child);
      else continue;
      this.flushNotes();
    }
  }

  private paragraph(p: XmlElement): void {
    const read = readParagraph(p, this.ctx);
    read.lines.forEach((segments, i) => {
      const text = officeText(
        i === 0 && read.label ? `${read.label} ${segmentsText(segments)}` : segmentsText(segments),
      );
      if (!text) return;
      this.line++;
      if (i === 0 && read.leadingMarker !== null) {
        this.blocks.push({ type: "footnote", marker: read.leadingMarker, text, line: this.line });
      } else {
        this.blocks.push({
          type: "paragraph",
          text,
          bold: allSegments(segments, (s) => s.bold),
          line: this.line,
        });
      }
    });
  }

  private table(tbl: XmlElement): void {
    const grid = collect(tbl, "tr").map((tr) => this.gridRow(tr));
    const width = Math.min(
      MAX_COLUMNS,
      grid.reduce((w, r) => Math.max(w, r.length), 0),
    );
    if (grid.length * width > READ_LIMITS.cells) {
      throw new DocumentTooLargeError(
        `một bảng có ${countText(grid.length)} dòng × ${width} cột = ` +
          `${countText(grid.length * width)} ô (tối đa ${countText(READ_LIMITS.cells)})`,
      );
    }
    const cells = resolveVerticalMerges(grid.map((r) => pad(r.slice(0, width), width)));
    const rows: Row[] = [];
    for (const rowCells of cells) {
      this.line++;
      if (rowCells.some((c) => c.text !== "" || c.footnotes.length > 0))
        rows.push({ cells: rowCells, line: this.line });
    }
    if (rows.length > 0) this.blocks.push({ type: "table", rows });
  }

  private gridRow(tr: XmlElement): GridCell[] {
    const trPr = firstChild(tr, "trPr");
    const row: GridCell[] = [];
    const before = Number(attr(firstChild(trPr, "gridBefore"), "val") ?? 0) || 0;
    for (let k = 0; k < Math.min(before, MAX_COLUMNS); k++)
      row.push({ cell: emptyCell(), merge: "none" });
    for (const tc of collect(tr, "tc")) {
      if (row.length >= MAX_COLUMNS) break;
      const tcPr = firstChild(tc, "tcPr");
      const vMerge = firstChild(tcPr, "vMerge");
      const merge = !vMerge ? "none" : attr(vMerge, "val") === "restart" ? "start" : "continue";
      row.push({ cell: this.cell(tc), merge });
      const span = Number(attr(firstChild(tcPr, "gridSpan"), "val") ?? 1) || 1;
      for (let k = 1; k < Math.min(span, MAX_COLUMNS); k++)
        row.push({ cell: emptyCell(), merge: "none" });
    }
    return row;
  }

  private cell(tc: XmlElement): Cell {
    const texts: string[] = [];
    const segments: Segment[] = [];
    const footnotes: string[] = [];
    const visit = (container: XmlElement) => {
      for (const child of container.children) {
        if (!isElement(child)) continue;
        if (child.local === "tbl")
          collect(child, "tr").forEach((tr) => collect(tr, "tc").forEach(visit));
        else if (WRAPPERS.has(child.local)) visit(child);
        else if (child.local === "p") {
          const read = readParagraph(child, this.ctx);
          read.lines.forEach((line, i) => {
            texts.push(
              i === 0 && read.label ? `${read.label} ${segmentsText(line)}` : segmentsText(line),
            );
            segments.push(...line);
          });
          for (const m of read.footnotes) if (!footnotes.includes(m)) footnotes.push(m);
        }
      }
    };
    visit(tc);
    return {
      text: officeText(texts.join("\n")),
      bold: allSegments(segments, (s) => s.bold),
      italic: allSegments(segments, (s) => s.italic),
      footnotes,
    };
  }

  private flushNotes(): void {
    const ids = this.pending;
    this.pending = [];
    for (const id of ids) {
      const note = this.notes.get(id);
      if (!note) continue;
      const plain: DocxContext = {
        ...this.ctx,
        numbering: new Numbering(null),
        noteMarker: () => "",
      };
      const text = officeText(
        childElements(note, "p")
          .flatMap((p) => readParagraph(p, plain).lines.map(segmentsText))
          .join("\n"),
      );
      this.line++;
      this.blocks.push({
        type: "footnote",
        marker: this.markers.get(id) ?? "",
        text,
        line: this.line,
      });
    }
  }
}

/** Children with the given local name, looking through content-control wrappers. */
function collect(el: XmlElement, local: string, out: XmlElement[] = []): XmlElement[] {
  for (const child of el.children) {
    if (!isElement(child)) continue;
    if (child.local === local) out.push(child);
    else if (WRAPPERS.has(child.local)) collect(child, local, out);
  }
  return out;
}

function pad(row: GridCell[], width: number): GridCell[] {
  while (row.length < width) row.push({ cell: emptyCell(), merge: "none" });
  return row;
}
