/**
 * Period rows of an indicator (`Năm 2026`, `Quý IV/2028`, `Tháng 3/2026`, `6 tháng đầu năm
 * 2026`, `Số DN giai đoạn 2025 - 2026`) and reporting frequencies (`Hàng tháng`, `Hàng Quý`,
 * `Hàng năm`, `Thường niên`, `6 tháng`).
 *
 * Period codes: `2026` (year), `2026-Q4` (quarter), `2026-H1` (half year), `2026-03` (month),
 * `2025..2026` (several years); other spans `from..to` of the codes of their ends.
 */
import type { Frequency } from "../contract.js";
import { endOfMonth, foldAligned, isoDate } from "./deadline.calendar.js";
import { readSpan } from "./deadline.period.js";

export type PeriodLabel = { period: string; label: string };

/** A label is a period only if few words are left once the period is taken out. */
const MAX_OTHER_WORDS = 4;

function code(from: string, to: string): string {
  const [fy, fm] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  const wholeYears = fm === 1 && tm === 12 && to === isoDate(ty, 12, 31);
  if (wholeYears) return fy === ty ? String(fy) : `${fy}..${ty}`;
  const month = (y: number, m: number) => `${y}-${String(m).padStart(2, "0")}`;
  if (fy === ty && to === endOfMonth(ty, tm)) {
    if (fm === tm) return month(fy, fm);
    if (tm - fm === 2 && fm % 3 === 1) return `${fy}-Q${(fm + 2) / 3}`;
    if (tm - fm === 5 && (fm === 1 || fm === 7)) return `${fy}-H${fm === 1 ? 1 : 2}`;
  }
  return `${month(fy, fm)}..${month(ty, tm)}`;
}

function halfYear(f: string): { period: string; start: number; end: number } | null {
  const m = /6 thang (dau|cuoi) nam\s*(\d{4})/.exec(f);
  if (!m) return null;
  return {
    period: `${m[2]}-H${m[1] === "dau" ? 1 : 2}`,
    start: m.index,
    end: m.index + m[0].length,
  };
}

export function parsePeriod(label: string): PeriodLabel | null {
  const text = label
    .normalize("NFC")
    .replace(/<[^>]*>/g, " ")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .replace(/\s*\/\s*/g, "/")
    .trim();
  const f = foldAligned(text);
  let found = halfYear(f);
  if (!found) {
    for (const m of f.matchAll(/(?<![\p{L}\d])(?=nam\s*\d|thang\s*\d|quy\s|\d)/gu)) {
      const span = readSpan(f, m.index, null);
      if (span && !("invalid" in span)) {
        found = { period: code(span.from, span.to), start: m.index, end: m.index + span.length };
        break;
      }
    }
  }
  if (!found) return null;
  const others = `${f.slice(0, found.start)} ${f.slice(found.end)}`
    .split(/[^a-z\d]+/)
    .filter((w) => w !== "");
  if (others.length > MAX_OTHER_WORDS) return null;
  return { period: found.period, label: text };
}

/**
 * Reporting frequency. Half-yearly (`6 tháng`, `nửa năm`) maps to "quarterly": the contract has
 * no half-year value and reporting more often than asked is safer than missing a report.
 */
export function parseFrequency(text: string): Frequency | null {
  const f = foldAligned(text.normalize("NFC")).replace(/\s+/g, " ");
  if (/6 thang|sau thang|nua nam|ban nien/.test(f)) return "quarterly";
  if (/hang thang|moi thang|thang mot lan|^thang$/.test(f)) return "monthly";
  if (/hang quy|moi quy|quy mot lan|^quy$/.test(f)) return "quarterly";
  if (/hang nam|moi nam|thuong nien|nam mot lan|^nam$/.test(f)) return "yearly";
  return null;
}
