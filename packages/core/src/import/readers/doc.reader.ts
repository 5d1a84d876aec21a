/**
 * Legacy Word (.doc, Word 97–2003) → blocks, from the DocBook XML that antiword writes for it
 * (`antiword -x db`; the conversion runs outside core, in the server's import-doc runner). Each
 * `para` is a paragraph (bold when all its text is `emphasis role='bold'`), each
 * `informaltable` a table of `row`s of `entry` cells — a cell's paragraphs on lines of their own —
 * and a `superscript` figure in a cell a footnote marker; `footnote` bodies become footnotes.
 * Pure: text in, blocks out; never throws on malformed markup.
 */
import type { Block, Cell, Row } from "../blocks.js";
import { isElement, parseXml, textContent, type XmlElement, type XmlNode } from "./xml.js";
import { footnoteMarker, officeText } from "./xml.text.js";

/** An OLE compound file (the container of .doc, .xls) holding a Word document stream. */
export function isLegacyWord(bytes: Uint8Array): boolean {
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (!ole) return false;
  // The stream's name in the file's directory, in UTF-16.
  const name = [..."WordDocument"].flatMap((c) => [c.charCodeAt(0), 0]);
  search: for (let i = 512; i + name.length <= bytes.length; i++) {
    for (let k = 0; k < name.length; k++) if (bytes[i + k] !== name[k]) continue search;
    return true;
  }
  return false;
}

type Inline = { text: string; bold: boolean; markers: string[] };

class DocBookReader {
  readonly blocks: Block[] = [];
  private line = 1;
  private notes = 0;

  /** A paragraph's inline content; tables met on the way are emitted where they stand. */
  private inline(nodes: XmlNode[], bold: boolean, out: Inline[]): void {
    for (const node of nodes) {
      if (!isElement(node)) out.push({ text: node, bold, markers: [] });
      else if (node.local === "informaltable" || node.local === "table") {
        this.flush(out);
        this.table(node);
      } else if (node.local === "footnote") {
        const marker = String(++this.notes);
        const text = officeText(textContent(node));
        if (text !== "") this.blocks.push({ type: "footnote", marker, text, line: this.line++ });
        out.push({ text: "", bold, markers: [marker] });
      } else if (node.local === "superscript") {
        const marker = footnoteMarker(textContent(node));
        out.push(
          marker
            ? { text: "", bold, markers: [marker] }
            : { text: textContent(node), bold, markers: [] },
        );
      } else {
        const strong = node.local === "emphasis" && /bold|strong/.test(node.attrs.role ?? "");
        this.inline(node.children, bold || strong, out);
      }
    }
  }

  /** The paragraph gathered so far (text between tables), if any. */
  private flush(out: Inline[]): void {
    const text = officeText(out.map((p) => p.text).join(""));
    if (text !== "") {
      const bold = out.filter((p) => p.text.trim() !== "").every((p) => p.bold);
      this.blocks.push({
        type: "paragraph",
        text: text.replace(/\n/g, " "),
        bold,
        line: this.line++,
      });
    }
    out.length = 0;
  }

  private cell(entry: XmlElement): Cell {
    const parts: Inline[] = [];
    this.inline(entry.children, false, parts);
    const filled = parts.filter((p) => p.text.trim() !== "");
    return {
      text: officeText(parts.map((p) => p.text).join("")),
      bold: filled.length > 0 && filled.every((p) => p.bold),
      italic: false,
      footnotes: parts.flatMap((p) => p.markers),
    };
  }

  private table(el: XmlElement): void {
    const rows: Row[] = [];
    const walk = (node: XmlElement) => {
      for (const child of node.children) {
        if (!isElement(child)) continue;
        if (child.local === "row") {
          const cells = child.children
            .filter(isElement)
            .filter((c) => c.local === "entry")
            .map((c) => this.cell(c));
          rows.push({ cells, line: this.line++ });
        } else walk(child);
      }
    };
    walk(el);
    if (rows.length > 0) this.blocks.push({ type: "table", rows });
  }

  read(node: XmlElement): void {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (child.local === "para" || child.local === "title") {
        const parts: Inline[] = [];
        this.inline(child.children, false, parts);
        this.flush(parts);
      } else if (child.local === "informaltable" || child.local === "table") this.table(child);
      else this.read(child);
    }
  }
}

export function readDocBookBlocks(xml: string): Block[] {
  const reader = new DocBookReader();
  reader.read(parseXml(xml));
  return reader.blocks;
}
