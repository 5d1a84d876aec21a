/**
 * Calendar arithmetic and small text helpers shared by the value normalisers (deadlines,
 * document references, periods). Dates are ISO strings `YYYY-MM-DD`; months are 1-based.
 */

import { fold } from "../../text/fold.js";
import { addDays, daysInMonth, endOfMonth as endOfMonthOf, isoDate } from "../../status/dates.js";

export { isoDate };

/** A plausible year for a plan document (rejects OCR garbage such as 20025 or 0202). */
export function isPlausibleYear(year: number): boolean {
  return year >= 1945 && year <= 2100;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    isPlausibleYear(year) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function endOfMonth(year: number, month: number): string {
  return endOfMonthOf(isoDate(year, month, 1));
}

/** The ISO date one day before `iso` ("2026-03-01" → "2026-02-28"). */
export function dayBefore(iso: string): string {
  return addDays(iso, -1);
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** Quarter number from `I`…`IV` or `1`…`4` (any case); null otherwise. */
export function quarterNumber(text: string): number | null {
  const t = text.toLowerCase();
  if (/^[1-4]$/.test(t)) return Number(t);
  return ROMAN[t] ?? null;
}

/**
 * Folds Vietnamese text character by character (lower case, diacritics removed, đ → d) while
 * keeping the string length, so that a regex match on the folded text gives positions in the
 * original. Input should be NFC.
 */
const alignedChars = new Map<string, string>();

/** One character folded to the same number of UTF-16 units (cached: texts repeat few letters). */
function foldAlignedChar(ch: string): string {
  let out = alignedChars.get(ch);
  if (out === undefined) {
    const folded = fold(ch);
    out = folded.length === ch.length ? folded : ch; // one output unit per input unit
    alignedChars.set(ch, out);
  }
  return out;
}

export function foldAligned(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out += code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 0x20) : ch;
    else out += foldAlignedChar(ch);
  }
  return out;
}

/**
 * Reads a Vietnamese or numeric calendar date anywhere in `text`: `ngày 31 tháng 3 năm 2026`,
 * `ngày **31** tháng **3** năm 2026`, `29/12/2025`, `29-12-2025`, `29.12.2025`.
 * Returns the first valid date as ISO, or null.
 */
export function findDate(text: string): string | null {
  const f = foldAligned(text.normalize("NFC")).replace(/\*+/g, " ");
  const long = /ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})/g;
  const short = /(?<![\d/.-])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)/g;
  const found: { index: number; iso: string }[] = [];
  for (const re of [long, short]) {
    for (const m of f.matchAll(re)) {
      const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (isValidDate(y, mo, d)) found.push({ index: m.index, iso: isoDate(y, mo, d) });
    }
  }
  found.sort((a, b) => a.index - b.index);
  return found[0]?.iso ?? null;
}
