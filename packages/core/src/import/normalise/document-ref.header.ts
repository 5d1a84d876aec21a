/**
 * Front-matter helpers: the document's own number and date as printed in its header.
 */
import { findDate, foldAligned } from "./deadline.calendar.js";

/**
 * The number after `Số:` / `số`, spaces and Markdown bold removed: `Số: **596** /QĐ-BCT` →
 * `596/QĐ-BCT`, `4 0 5 /QĐ-BCT` → `405/QĐ-BCT`. A blank number in a draft (`số /QĐ-BCĐCP`) → null.
 * Returns null when the text has no `số` followed by a number slot.
 */
export function parseDocumentNumber(text: string): string | null {
  const t = text
    .normalize("NFC")
    .replace(/\*+/g, " ")
    .replace(/[\u00a0\u202f]/g, " ");
  const f = foldAligned(t);
  const m = /(?<![a-z])so\s*:?\s*([\d\s.]*?)\s*(\/\s*[\p{L}\d&-]+(?:\s*\/\s*[\p{L}\d&-]+)*)/u.exec(
    f,
  );
  if (!m) return null;
  const digits = m[1]!.replace(/\s+/g, "");
  if (!/^\d/.test(digits)) return null;
  const codeStart = m.index + m[0].length - m[2]!.length;
  const code = t.slice(codeStart, m.index + m[0].length).replace(/\s+/g, "");
  return `${digits}${code}`;
}

/** The first date in the text: `Hà Nội, ngày 31 tháng 3 năm 2026` → `2026-03-31`. */
export function parseDocumentDate(text: string): string | null {
  return findDate(text);
}
