/**
 * One Word paragraph (`w:p`) read into lines of formatted text: runs with their bold / italic,
 * `w:br` as a line break, tracked deletions and field instructions left out, automatic list
 * numbers put back in front, footnote references and superscript footnote markers taken out of
 * the text and returned as markers.
 */
import type { Numbering } from "./docx.numbering.js";
import type { Styles } from "./docx.styles.js";
import { attr, firstChild, isElement, textContent, type XmlElement } from "./xml.js";
import { footnoteMarker } from "./xml.text.js";

export type Segment = { text: string; bold: boolean; italic: boolean };

export type ParagraphText = {
  /** The automatic list label (`1.`, `II.`, `-`), "" when none. */
  label: string;
  lines: Segment[][];
  footnotes: string[];
  /** A superscript marker typed before any text: the paragraph is a footnote body. */
  leadingMarker: string | null;
};

export type DocxContext = {
  styles: Styles;
  numbering: Numbering;
  /** The marker shown for a footnote reference: Word numbers them in order of appearance. */
  noteMarker(id: string, customMark?: string): string;
};

/** Containers whose content is read as if it stood in the paragraph itself. */
const TRANSPARENT = new Set([
  "hyperlink",
  "smartTag",
  "ins",
  "moveTo",
  "fldSimple",
  "sdt",
  "sdtContent",
  "customXml",
  "bdo",
  "dir",
]);

export function readParagraph(p: XmlElement, ctx: DocxContext): ParagraphText {
  const pPr = firstChild(p, "pPr");
  const pStyle = attr(firstChild(pPr, "pStyle"), "val");
  const out: ParagraphText = {
    label: ctx.numbering.next(firstChild(pPr, "numPr")),
    lines: [[]],
    footnotes: [],
    leadingMarker: null,
  };
  let seenText = false;
  const addMarker = (marker: string) => {
    if (marker && !out.footnotes.includes(marker)) out.footnotes.push(marker);
  };
  const append = (text: string, bold: boolean, italic: boolean) => {
    const line = out.lines[out.lines.length - 1] ?? [];
    const last = line[line.length - 1];
    if (last && last.bold === bold && last.italic === italic) last.text += text;
    else line.push({ text, bold, italic });
  };
  const previousChar = () => {
    const line = out.lines[out.lines.length - 1] ?? [];
    return line[line.length - 1]?.text.slice(-1) ?? "";
  };

  const readRun = (r: XmlElement) => {
    const fmt = ctx.styles.run(firstChild(r, "rPr"), pStyle);
    let customNote: string | null = null;
    for (const child of r.children) {
      if (!isElement(child)) continue;
      switch (child.local) {
        case "t": {
          const text = textContent(child);
          if (customNote !== null) {
            addMarker(ctx.noteMarker(customNote, text.trim()));
            customNote = null;
          } else if (fmt.superscript && footnoteMarker(text) !== null) {
            const marker = footnoteMarker(text) ?? "";
            // m² and m³ are units, not footnote 2 or 3.
            if (/^[23]$/.test(marker) && previousChar() === "m")
              append(marker === "2" ? "²" : "³", fmt.bold, fmt.italic);
            else {
              if (!seenText && out.leadingMarker === null) out.leadingMarker = marker;
              addMarker(marker);
            }
          } else {
            append(text, fmt.bold, fmt.italic);
            seenText ||= text.trim().length > 0;
          }
          break;
        }
        case "tab":
        case "ptab":
          append(" ", fmt.bold, fmt.italic);
          break;
        case "br":
        case "cr":
          out.lines.push([]);
          break;
        case "noBreakHyphen":
          append("-", fmt.bold, fmt.italic);
          break;
        case "footnoteReference": {
          const id = attr(child, "id") ?? "";
          if (/^(1|true|on)$/i.test(attr(child, "customMarkFollows") ?? "")) customNote = id;
          else addMarker(ctx.noteMarker(id));
          break;
        }
        default:
          break;
      }
    }
  };

  const walk = (el: XmlElement) => {
    for (const child of el.children) {
      if (!isElement(child)) continue;
      if (child.local === "r") readRun(child);
      else if (TRANSPARENT.has(child.local)) walk(child);
    }
  };
  walk(p);
  return out;
}

/** True when every segment with visible text satisfies `test` (and there is one). */
export function allSegments(segments: Segment[], test: (s: Segment) => boolean): boolean {
  const visible = segments.filter((s) => s.text.trim().length > 0);
  return visible.length > 0 && visible.every(test);
}

export function segmentsText(segments: Segment[]): string {
  return segments.map((s) => s.text).join("");
}
