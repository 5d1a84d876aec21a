/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`) without time zones: a date is a day number
 * (days since 1970-01-01 in the proleptic Gregorian calendar), so "as of 30/6" means the same
 * day on every machine whatever its clock's zone.
 */
import { ValidationError } from "../errors.js";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export type Ymd = { year: number; month: number; day: number };

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Reads `YYYY-MM-DD`; throws a ValidationError naming the text for anything else (incl. 2026-02-30). */
export function parseIsoDate(iso: string): Ymd {
  const m = ISO_DATE.exec(iso);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (!m || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new ValidationError(`Ngày không hợp lệ: "${iso}" (cần dạng YYYY-MM-DD).`, {
      value: iso,
    });
  }
  return { year, month, day };
}

export function isIsoDate(text: string): boolean {
  try {
    parseIsoDate(text);
    return true;
  } catch {
    return false;
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function toDayNumber(iso: string): number {
  const { year, month, day } = parseIsoDate(iso);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function fromDayNumber(dayNumber: number): string {
  const d = new Date(dayNumber * MS_PER_DAY);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(toDayNumber(iso) + days);
}

/** Days from `from` to `to`: positive when `to` is later (2026-06-30 → 2026-07-01 is 1). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function endOfMonth(iso: string): string {
  const { year, month } = parseIsoDate(iso);
  return isoDate(year, month, daysInMonth(year, month));
}

/** 1–4. */
export function quarterOf(iso: string): number {
  return Math.ceil(parseIsoDate(iso).month / 3);
}

export function startOfQuarter(iso: string): string {
  const { year } = parseIsoDate(iso);
  return isoDate(year, (quarterOf(iso) - 1) * 3 + 1, 1);
}

export function endOfQuarter(iso: string): string {
  const { year } = parseIsoDate(iso);
  const lastMonth = quarterOf(iso) * 3;
  return isoDate(year, lastMonth, daysInMonth(year, lastMonth));
}

/** Adds whole months, keeping the day where it exists and clamping it otherwise (31/1 + 1 → 28/2). */
export function addMonths(iso: string, months: number): string {
  const { year, month, day } = parseIsoDate(iso);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return isoDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/** The earlier / later of two ISO dates (ISO strings of the same width sort as dates). */
export const minDate = (a: string, b: string): string => (a <= b ? a : b);
export const maxDate = (a: string, b: string): string => (a >= b ? a : b);
