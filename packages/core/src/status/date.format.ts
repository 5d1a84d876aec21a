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

const PERIOD_KEY_FORM = /^(\d{4})(?:-(\d{2})|-Q([1-4]))?$/;

/**
 * A reporting period's key as people write it: `2026-12` → `Tháng 12/2026`, `2026-Q4` →
 * `Quý IV/2026`, `2026` → `Năm 2026`. The one period formatter, used by the server and the web
 * app alike; an unrecognised key is returned as it is.
 */
export function formatPeriodKey(key: string): string {
  const m = PERIOD_KEY_FORM.exec(key);
  if (!m) return key;
  if (m[2]) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? `Tháng ${month}/${m[1]}` : key;
  }
  if (m[3]) return formatQuarter(Number(m[1]), Number(m[3]));
  return `Năm ${m[1]}`;
}
