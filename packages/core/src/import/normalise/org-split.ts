/**
 * Cutting an organisation cell into pieces, before any name is looked up. Hard cuts: `;`,
 * bullets and enumerations at line starts. Soft cuts (a name may span them): `,`, ` và `, a
 * line break before a unit head, and a bracket glued to the next name (`(KHCN,ĐMST)Cục …`).
 * Other line breaks are page-break joins inside one name (`doanh` / `nghiệp`).
 */
import { isBareHead, startsGroup, startsUnit, UNIT_HEADS } from "../../directory/index.js";

/** A piece of a segment: its text and where it lies in the segment. */
export type OrgPiece = { text: string; start: number; end: number };

const BULLET = /^(?:[-+•*–]\s+|\(?(?:\d{1,2}|[a-zđ]|[ivx]{1,4})[.)]\s+)/iu;
const GLUED_HEAD = new RegExp(
  `(\\p{Ll})(?=(?:${UNIT_HEADS.filter((head) => head !== "Cơ quan").join("|")})\\s)`,
  "gu",
);

/** Markup, odd spaces and words glued to a unit name removed; line breaks kept. */
export function tidyCell(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(/<br\s*\/?>|<\/p>/gi, "\n")
    .replace(/<[^>]*>|\*\*/g, " ")
    .replace(/[\u00a0\u202f\t]+/g, " ")
    .replace(GLUED_HEAD, "$1, ");
}

/** Segments cut at `;` and at bulleted lines; a line break is kept only before a unit head. */
export function splitHard(cell: string): string[] {
  const chunks: string[] = [];
  for (const line of cell.split(/\r?\n/)) {
    const text = line.replace(/\s+/g, " ").trim();
    if (!text) continue;
    const last = chunks.length - 1;
    const previous = chunks[last];
    if (BULLET.test(text) || previous === undefined) {
      chunks.push(text.replace(BULLET, ""));
    } else {
      // `Cục` / `Cục Thương mại…`: a head doubled at a page break is one name.
      const opens = (startsUnit(text) || startsGroup(text)) && !isBareHead(lastWord(previous));
      chunks[last] = `${previous}${opens ? "\n" : " "}${text}`;
    }
  }
  const segments: string[] = [];
  for (const chunk of chunks) {
    for (const part of splitOutsideBrackets(chunk, ";")) {
      const text = part.trim().replace(BULLET, "");
      if (!/[\p{L}\p{N}]/u.test(text)) continue;
      const last = segments.length - 1;
      // `…khai thác; sử dụng trên thực tế`: a `;` typed inside one phrase.
      if (last >= 0 && /^\p{Ll}/u.test(text) && !startsGroup(text) && !startsUnit(text)) {
        segments[last] = `${segments[last]}; ${text}`;
      } else {
        segments.push(text);
      }
    }
  }
  return segments;
}

/** Pieces of one segment; brackets are never cut. */
export function splitSoft(segment: string): OrgPiece[] {
  const pieces: OrgPiece[] = [];
  let depth = 0;
  let start = 0;
  const cut = (end: number, next: number) => {
    const slice = segment.slice(start, end);
    const text = slice.trim();
    const from = start + slice.indexOf(text);
    if (/[\p{L}\p{N}]/u.test(text)) pieces.push({ text, start: from, end: from + text.length });
    start = next;
  };
  for (let i = 0; i < segment.length; i++) {
    const char = segment[i];
    if (char === "(" || char === "[") depth++;
    else if ((char === ")" || char === "]") && depth > 0) {
      depth--;
      if (depth === 0 && /\p{L}/u.test(segment[i + 1] ?? "")) cut(i + 1, i + 1);
    } else if (depth === 0 && (char === "," || char === "\n")) cut(i, i + 1);
    else if (depth === 0 && /^\svà\s/u.test(segment.slice(i, i + 5))) {
      cut(i, i + 4);
      i += 3;
    }
  }
  cut(segment.length, segment.length);
  return pieces;
}

function lastWord(text: string): string {
  return text.slice(text.lastIndexOf(" ") + 1);
}

function splitOutsideBrackets(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "(" || char === "[") depth++;
    else if ((char === ")" || char === "]") && depth > 0) depth--;
    else if (char === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** The segment's text from piece `from` to piece `to`, as written. */
export function joinPieces(
  segment: string,
  pieces: readonly OrgPiece[],
  from: number,
  to: number,
): string {
  return segment.slice(pieces[from]?.start ?? 0, pieces[to]?.end ?? 0);
}
