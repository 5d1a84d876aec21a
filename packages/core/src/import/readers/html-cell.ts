/**
 * One cell (or paragraph) of converted text → plain text with its emphasis and footnote markers.
 * Handles HTML fragments (`<p>`, `<i>`, `<b>`, `<u>`, `<br>`, `<sup>`, `<sub>`, lists), Markdown
 * emphasis, entities and LaTeX. The result never contains a tag.
 */
import type { Cell } from "../blocks.js";
import { decodeEntities, flattenLatex, markdownToTags } from "./inline-markup.js";

/** Elements that end a line of text. */
export const BREAK_TAGS = new Set([
  "p",
  "div",
  "br",
  "tr",
  "li",
  "ul",
  "ol",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
]);
const BOLD_TAGS = new Set(["b", "strong"]);
const ITALIC_TAGS = new Set(["i", "em"]);
const SUPERSCRIPT_DIGITS: Record<string, string> = { "2": "²", "3": "³" };

/** Footnote markers: `<sup>3</sup>` (not an exponent such as `m<sup>2</sup>`) and `[^3]`. */
function takeFootnotes(text: string, footnotes: string[]): string {
  return text
    .replace(/(\S?)<sup\b[^>]*>\s*([^<]{1,6}?)\s*<\/sup>/gi, (_m, before: string, body: string) => {
      const exponent = /[\p{L}\d]/u.test(before) && SUPERSCRIPT_DIGITS[body];
      if (exponent) return before + exponent;
      if (/^(\d{1,3}|[*†‡]{1,3}|[a-z])$/i.test(body)) {
        footnotes.push(body);
        return before + " ";
      }
      return `${before}${body}`;
    })
    .replace(/\[\^([\w*]{1,6})\](?!:)/g, (_m, body: string) => {
      footnotes.push(body);
      return " ";
    });
}

/** Collapses white space inside lines, drops empty lines, NFC. */
export function tidyLines(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\u200b-\u200d\ufeff\u00ad]/g, "")
    .replace(/[^\S\r\n]+/g, " ") // any white space but a line break (incl. no-break spaces)
    .replace(/ ?[\r\n][\r\n ]*/g, "\n") // a break with the blanks and empty lines around it
    .trim();
}

export type Markup = Cell;

/** Parses the markup of one cell or paragraph. */
export function parseCellMarkup(raw: string): Cell {
  if (!/[<>&*_$\\[]/.test(raw))
    return { text: tidyLines(raw), bold: false, italic: false, footnotes: [] };
  const footnotes: string[] = [];
  let text = markdownToTags(flattenLatex(decodeEntities(raw.replace(/<!--[\s\S]*?-->/g, ""))));
  text = takeFootnotes(text, footnotes);

  let out = "";
  let bold = 0;
  let italic = 0;
  let total = 0;
  let boldChars = 0;
  let italicChars = 0;
  const tag = /<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>/g;
  let last = 0;
  const addText = (segment: string) => {
    out += segment;
    const chars = segment.length - (segment.match(/\s/g)?.length ?? 0);
    total += chars;
    if (bold > 0) boldChars += chars;
    if (italic > 0) italicChars += chars;
  };
  for (let m = tag.exec(text); m !== null; m = tag.exec(text)) {
    addText(text.slice(last, m.index));
    last = m.index + m[0].length;
    const name = (m[1] ?? "").toLowerCase();
    const closing = m[0][1] === "/";
    if (BOLD_TAGS.has(name)) bold = Math.max(0, bold + (closing ? -1 : 1));
    else if (ITALIC_TAGS.has(name)) italic = Math.max(0, italic + (closing ? -1 : 1));
    else if (name === "li" && !closing) out += "\n- ";
    else if (BREAK_TAGS.has(name)) out += "\n";
  }
  addText(text.slice(last));

  return {
    text: tidyLines(out),
    bold: total > 0 && boldChars === total,
    italic: total > 0 && italicChars === total,
    footnotes,
  };
}
