/** Vietnamese display forms of dates and periods: `30/06/2026`, `Tháng 6/2026`, `Quý II/2026`. */
import { parseIsoDate, quarterOf } from "./dates.js";

const ROMAN_QUARTERS = ["I", "II", "III", "IV"] as const;

/** `2026-06-30` → `30/06/2026`. */
export function formatDate(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
}

/** 2 → `II`. */
export function romanQuarter(quarter: number): string {
  const roman = ROMAN_QUARTERS[quarter - 1];
  if (!roman) throw new RangeError(`Quý phải từ 1 đến 4, nhận ${quarter}.`);
  return roman;
}

/** The quarter a date falls in, or an explicit (year, quarter): `Quý II/2026`. */
export function formatQuarter(isoOrYear: string | number, quarter?: number): string {
  if (typeof isoOrYear === "number") return `Quý ${romanQuarter(quarter ?? 0)}/${isoOrYear}`;
  return `Quý ${romanQuarter(quarterOf(isoOrYear))}/${parseIsoDate(isoOrYear).year}`;
}

/** `2026-05-19` → `Tháng 5/2026`. */
export function formatMonth(iso: string): string {
  const { year, month } = parseIsoDate(iso);
  return `Tháng ${month}/${year}`;
}

/** A report's period key in words: `2026-05` → `Tháng 5/2026`, `2026-Q2` → `Quý II/2026`. */
export function formatPeriodKey(key: string): string {
  const m = /^(\d{4})(?:-(\d{2})|-Q([1-4]))?$/.exec(key);
  if (!m) return key;
  if (m[2]) return `Tháng ${Number(m[2])}/${m[1]}`;
  if (m[3]) return formatQuarter(Number(m[1]), Number(m[3]));
  return `Năm ${m[1]}`;
}
