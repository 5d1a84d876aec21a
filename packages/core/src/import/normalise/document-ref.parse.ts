/**
 * Assigning-document cells (`Văn bản giao`, `Căn cứ giao`, footnotes) → `DocumentRef[]`.
 *
 * A cell is cut into items at `;`, enumerators `(1)`, bullets, and `,` / `và` before another
 * document (line breaks are spaces: a continuation row may cut `ngày` from its date); each item
 * yields its first numbered document (later ones in the same item describe it: `… ban hành
 * Chương trình hành động … thực hiện Nghị quyết số 57-NQ/TW`). `số 53-TB/TGV` after `Các Thông
 * báo …: số 30-TB/TGV,` inherits the kind; a number cited alone (`theo 71/NQ-CP`) takes the kind
 * of its type code. An item naming no document but a proposal (`Đề xuất mới của Bộ Nội vụ`) gives
 * kind "Đề xuất"; a cell naming nothing at all gives one reference of kind null.
 *
 * Key rule (one key per document, all spellings alike): `code:number:date` when the date is
 * written (issuer codes are often misspelt: CQTTBCĐ, CQTĐBCĐ, CQTTBCD, CQT/BCĐ), otherwise
 * `code:number:issuer` with the issuer code folded (plus the year when the number holds one);
 * laws: `luat:<folded name>`. Use `sameDocument` to compare a dated and an undated spelling.
 */
import type { DocumentRef } from "../contract.js";
import { foldAligned, isoDate, isValidDate } from "./deadline.calendar.js";
import {
  KIND_RE,
  NUMBER_CODES,
  kindOf,
  kindOfCode,
  type DocumentKind,
} from "./document-ref.kinds.js";

const NUMBER_RE = /\d+(?:\.\d+)*(?:\s*[-/]\s*[\p{L}\d&]+)*(?:\s*-(?!\s*\p{L}))?/uy;
const DATE_AFTER =
  /\s*,?\s*(?:ngay\s*)?(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4}))/y;
const SPLIT =
  /\s*(?:;|\(\s*(?:\d{1,2}|[ivx]{1,4}|[a-z])\s*\)|(?:,|\s+va)\s+(?=(?:cac\s+)?(?:so\s*\d|thong bao|nghi quyet|nghi dinh|quyet dinh|quy dinh|chuong trinh|ke hoach|cong van|van ban|chi thi|thong tu|luat\s)))\s*/g;

type Mention = {
  kind: DocumentKind | null;
  number: string | null;
  date: string | null;
  end: number;
  start: number;
};

function tidy(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(/<[^>]*>/g, " ")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\u00a0\u202f\t ]+/g, " ")
    .replace(/-\s*\n\s*/g, "-")
    .replace(/\s*\n\s*[-+•]\s+/g, "; ")
    .replace(/\s+/g, " ")
    .trim();
}

function readDate(f: string, pos: number): { iso: string | null; end: number } {
  DATE_AFTER.lastIndex = pos;
  const m = DATE_AFTER.exec(f);
  if (!m) return { iso: null, end: pos };
  const [d, mo, y] = m[1] ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]];
  const ok = isValidDate(Number(y), Number(mo), Number(d));
  return {
    iso: ok ? isoDate(Number(y), Number(mo), Number(d)) : null,
    end: ok ? DATE_AFTER.lastIndex : pos,
  };
}

/** The number written at `pos` (after optional `số`), spaces removed: `17- TB/CQTTBCĐ` → `17-TB/CQTTBCĐ`. */
function readNumber(text: string, f: string, pos: number): { number: string | null; end: number } {
  const so = /\s*(?:so\s*:?\s*)?/y;
  so.lastIndex = pos;
  so.exec(f);
  NUMBER_RE.lastIndex = so.lastIndex;
  const m = NUMBER_RE.exec(text);
  if (!m) return { number: null, end: pos };
  return { number: m[0].replace(/\s+/g, "").replace(/-$/, ""), end: NUMBER_RE.lastIndex };
}

/** The documents mentioned in one item, in order. */
function mentions(text: string, f: string): Mention[] {
  const found: Mention[] = [];
  for (const m of f.matchAll(KIND_RE)) {
    const kind = kindOf(m[1]!);
    const at = m.index + m[0].length;
    if (kind?.code === "luat") {
      if (/phap\s*$/.test(f.slice(0, m.index)) || !/^\s+\p{Lu}/u.test(text.slice(at))) continue;
      found.push({ kind, number: null, date: null, start: m.index, end: at });
      continue;
    }
    const num = readNumber(text, f, at);
    const date = readDate(f, num.end);
    found.push({ kind, number: num.number, date: date.iso, start: m.index, end: date.end });
  }
  for (const m of f.matchAll(/(?<![a-z])so\s*(?=\d+[-/]\s*[a-z])/g)) {
    if (found.some((x) => m.index >= x.start && m.index < x.end)) continue;
    const num = readNumber(text, f, m.index);
    const date = readDate(f, num.end);
    found.push({ kind: null, number: num.number, date: date.iso, start: m.index, end: date.end });
  }
  for (const m of f.matchAll(/(?<![\p{L}\d/.-])\d+(?:\.\d+)*\s*[-/]\s*(?=[a-z])/gu)) {
    if (found.some((x) => m.index >= x.start && m.index < x.end)) continue;
    const num = readNumber(text, f, m.index);
    const kind = num.number
      ? (numberParts(num.number)
          .codes.map(kindOfCode)
          .find((k) => k) ?? null)
      : null;
    if (!kind) continue;
    const date = readDate(f, num.end);
    found.push({ kind, number: num.number, date: date.iso, start: m.index, end: date.end });
  }
  return found.sort((a, b) => a.start - b.start);
}

function lawName(text: string, from: number): string {
  const rest = text.slice(from).trim();
  const cut = rest.search(/[(:“"”;]|\s+năm\s+\d{4}|\s+\d{4}\b/u);
  return (cut < 0 ? rest : rest.slice(0, cut)).replace(/[\s,.]+$/, "");
}

function numberParts(number: string): { num: string; year: string | null; codes: string[] } {
  const [head = "", ...rest] = number.split(/[-/]/);
  const num = head
    .split(".")
    .map((p) => String(Number(p)))
    .join(".");
  const year = rest.find((p) => /^(19|20)\d\d$/.test(p)) ?? null;
  const codes = rest
    .filter((p) => p !== year && p !== "")
    .map((p) => foldAligned(p).replace(/[^a-z]/g, ""));
  return { num, year, codes };
}

/** Issuer code folded so OCR variants meet: letters only, d≈t (Đ read as T), runs collapsed. */
function issuerSkeleton(codes: string[], typeCode: string): string {
  return codes
    .filter((c) => NUMBER_CODES[c] !== typeCode)
    .join("")
    .replace(/d/g, "t")
    .replace(/(.)\1+/g, "$1");
}

function typeCodeOf(kind: DocumentKind | null, codes: string[]): string | null {
  if (kind) return kind.code;
  const written = codes.map((c) => NUMBER_CODES[c]).find((c) => c !== undefined);
  return written ?? null;
}

function keyOf(
  kind: DocumentKind | null,
  number: string | null,
  date: string | null,
  name: string,
): string | null {
  if (kind?.code === "luat") return name ? `luat:${foldAligned(name).replace(/\s+/g, " ")}` : null;
  if (!number) return null;
  const { num, year, codes } = numberParts(number);
  const code = typeCodeOf(kind, codes);
  if (!code) return null;
  if (date) return `${code}:${num}:${date}`;
  return [code, num, year, issuerSkeleton(codes, code)].filter((p) => p).join(":");
}

/**
 * Quoted passages (`“100% văn bản …”`) describe content: blank them, keeping positions. They are
 * filled with "_", not spaces: long runs of white space make the SPLIT pattern backtrack badly.
 */
function blankQuotes(f: string): string {
  return f.replace(/[“"][^”"]*[”"]/g, (q) => "_".repeat(q.length));
}

function refOf(
  item: string,
  inherited: DocumentKind | null,
): { ref: DocumentRef; kind: DocumentKind | null } {
  const f = blankQuotes(foldAligned(item));
  const found = mentions(item, f);
  const at = found.findIndex((m) => m.number !== null || m.kind?.code === "luat");
  const first = at >= 0 ? found[at] : found.find((m) => m.kind !== null);
  if (!first || /^de\s*xuat/.test(f)) {
    const kind = /(?<![a-z])de\s*xuat/.test(f) ? "Đề xuất" : null;
    return { ref: { raw: item, kind, number: null, date: null, key: null }, kind: inherited };
  }
  const before = found
    .slice(0, Math.max(at, 0))
    .reverse()
    .find((m) => m.kind !== null)?.kind;
  const kind = first.kind ?? before ?? inherited;
  const name = kind?.code === "luat" ? lawName(item, first.end) : "";
  const ref: DocumentRef = {
    raw: item,
    kind: kind?.kind ?? null,
    number: first.number,
    date: first.date,
    key: keyOf(kind, first.number, first.date, name),
  };
  return { ref, kind };
}

export function parseDocumentRefs(raw: string): DocumentRef[] {
  const text = tidy(raw);
  if (text === "") return [];
  const f = blankQuotes(foldAligned(text));
  const items: string[] = [];
  let start = 0;
  for (const m of f.matchAll(SPLIT)) {
    items.push(text.slice(start, m.index));
    start = m.index + m[0].length;
  }
  items.push(text.slice(start));
  const refs: DocumentRef[] = [];
  let inherited: DocumentKind | null = null;
  for (const piece of items) {
    const item = piece.replace(/^[\s,.:;]+|[\s,;]+$/g, "");
    if (item === "") continue;
    const { ref, kind } = refOf(item, inherited);
    inherited = kind;
    if (ref.kind !== null) refs.push(ref);
  }
  // Text naming no document at all is kept whole, so that nothing read is lost.
  return refs.length > 0 ? refs : [{ raw: text, kind: null, number: null, date: null, key: null }];
}

/** Whether two references name the same document, also when only one of them has the date. */
export function sameDocument(a: DocumentRef, b: DocumentRef): boolean {
  if (a.key !== null && a.key === b.key) return true;
  if (!a.number || !b.number || (a.date && b.date)) return false;
  const pa = numberParts(a.number);
  const pb = numberParts(b.number);
  const kindA = a.kind ? kindOf(foldAligned(a.kind)) : null;
  const kindB = b.kind ? kindOf(foldAligned(b.kind)) : null;
  const ca = typeCodeOf(kindA, pa.codes);
  const cb = typeCodeOf(kindB, pb.codes);
  return (
    ca !== null &&
    ca === cb &&
    pa.num === pb.num &&
    issuerSkeleton(pa.codes, ca) === issuerSkeleton(pb.codes, cb)
  );
}

/** What a plan says of itself (`ImportResult.document`): enough to know a reference to it. */
export type DocumentIdentity = {
  kind: string | null;
  number: string | null;
  date: string | null;
  issuer: string | null;
};

/** Initials of an issuer's name, the way number codes abbreviate it: `Ban Chỉ đạo của Chính phủ` → `bcdcp`. */
function initials(name: string): string {
  return foldAligned(name)
    .split(/[^a-z]+/)
    .filter((w) => w !== "" && w !== "cua" && w !== "va")
    .map((w) => w[0])
    .join("");
}

/**
 * Whether `ref` names the plan `doc`: same number (issuer spelling tolerated) and no
 * conflicting date; for a plan whose number is blank (a draft's caption `số /QĐ-BCĐCP`), the
 * same kind, an issuer code made of the issuer's initials, and no conflicting date.
 */
export function refersTo(ref: DocumentRef, doc: DocumentIdentity): boolean {
  if (!ref.number) return false;
  if (ref.date && doc.date && ref.date !== doc.date) return false;
  const r = numberParts(ref.number);
  const refKind = ref.kind ? kindOf(foldAligned(ref.kind)) : null;
  const code = typeCodeOf(refKind, r.codes);
  if (code === null) return false;
  if (doc.number) {
    const d = numberParts(doc.number);
    return d.num === r.num && issuerSkeleton(d.codes, code) === issuerSkeleton(r.codes, code);
  }
  const docKind = doc.kind ? kindOf(foldAligned(doc.kind)) : null;
  if (!doc.issuer || (docKind && docKind.code !== code)) return false;
  return issuerSkeleton([initials(doc.issuer)], code) === issuerSkeleton(r.codes, code);
}
