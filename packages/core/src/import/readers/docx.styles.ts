/**
 * Bold, italic and superscript that a Word run gets from its formatting: direct run properties
 * first, then its character style, then its paragraph style (styles follow `w:basedOn`).
 */
import { attr, childElements, firstChild, type XmlElement } from "./xml.js";

export type RunFormat = { bold: boolean; italic: boolean; superscript: boolean };

type Partial3 = { bold?: boolean; italic?: boolean; superscript?: boolean };

/** `<w:b/>`, `<w:b w:val="1"/>` → true; `<w:b w:val="0"/>` → false; absent → undefined. */
function toggle(rPr: XmlElement | undefined, local: string): boolean | undefined {
  const el = firstChild(rPr, local);
  if (!el) return undefined;
  const val = attr(el, "val");
  return val === undefined || !/^(0|false|off|none)$/i.test(val);
}

function superscript(rPr: XmlElement | undefined): boolean | undefined {
  const va = attr(firstChild(rPr, "vertAlign"), "val");
  if (va !== undefined) return va === "superscript";
  const style = attr(firstChild(rPr, "rStyle"), "val");
  return style !== undefined && /footnote.*ref|endnote.*ref/i.test(style) ? true : undefined;
}

function direct(rPr: XmlElement | undefined): Partial3 {
  return { bold: toggle(rPr, "b"), italic: toggle(rPr, "i"), superscript: superscript(rPr) };
}

export class Styles {
  private readonly raw = new Map<string, { basedOn?: string; format: Partial3 }>();
  private readonly cache = new Map<string, Partial3>();

  constructor(stylesXml: XmlElement | null) {
    if (!stylesXml) return;
    for (const style of childElements(stylesXml, "styles").flatMap((s) =>
      childElements(s, "style"),
    )) {
      const id = attr(style, "styleId");
      if (!id) continue;
      this.raw.set(id, {
        basedOn: attr(firstChild(style, "basedOn"), "val"),
        format: direct(firstChild(style, "rPr")),
      });
    }
  }

  private style(id: string | undefined, depth = 0): Partial3 {
    if (!id || depth > 10) return {};
    const cached = this.cache.get(id);
    if (cached) return cached;
    const entry = this.raw.get(id);
    if (!entry) return {};
    const base = this.style(entry.basedOn, depth + 1);
    const merged: Partial3 = {
      bold: entry.format.bold ?? base.bold,
      italic: entry.format.italic ?? base.italic,
      superscript: entry.format.superscript ?? base.superscript,
    };
    this.cache.set(id, merged);
    return merged;
  }

  /** The effective format of a run with properties `rPr` in a paragraph of style `pStyle`. */
  run(rPr: XmlElement | undefined, pStyle: string | undefined): RunFormat {
    const own = direct(rPr);
    const character = this.style(attr(firstChild(rPr, "rStyle"), "val"));
    const paragraph = this.style(pStyle);
    return {
      bold: own.bold ?? character.bold ?? paragraph.bold ?? false,
      italic: own.italic ?? character.italic ?? paragraph.italic ?? false,
      superscript: own.superscript ?? character.superscript ?? false,
    };
  }
}
