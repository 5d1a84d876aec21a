/**
 * A date as Vietnamese users type it — day first, whatever their browser's language: "01/06/2026",
 * "1/6/2026", "1-6-2026", "1.6.2026", "01062026" (eight digits, ddmmyyyy) — or an ISO date pasted
 * from elsewhere ("2026-06-01"). Never month first: "06/01/2026" is 6 January.
 */
import { isIsoDate, isoDate } from "./dates.js";

const DAY_FIRST = /^(\d{1,2})[/.\-\s]+(\d{1,2})[/.\-\s]+(\d{4})$/;
const DIGITS = /^(\d{2})(\d{2})(\d{4})$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** The ISO day (`YYYY-MM-DD`) a typed date names, or null when it is not a real day. */
export function parseTypedDate(text: string): string | null {
  const value = text.trim();
  const iso = ISO.exec(value);
  const dayFirst = DAY_FIRST.exec(value) ?? DIGITS.exec(value);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]]
    : dayFirst
      ? [dayFirst[3], dayFirst[2], dayFirst[1]]
      : [];
  if (year === undefined) return null;
  const result = isoDate(Number(year), Number(month), Number(day));
  return isIsoDate(result) ? result : null;
}
