import {
  daysBetween,
  formatDate as formatIsoDate,
  formatVietnamDateTime,
  isIsoDate as isCoreIsoDate,
  vietnamDay,
} from "@giamsat/core";

/** dd/mm/yyyy of an ISO date (or of a timestamp's day in Vietnam); "—" when there is none. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const day = iso.length > 10 && !Number.isNaN(Date.parse(iso)) ? vietnamDay(iso) : iso;
  return isCoreIsoDate(day) ? formatIsoDate(day) : iso;
}

/** dd/mm/yyyy hh:mm in Vietnam's time for timestamps (audit trail, report submission). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  return Number.isNaN(Date.parse(iso)) ? iso : formatVietnamDateTime(iso);
}

export const isIsoDate = (value: string | null | undefined): value is string =>
  !!value && isCoreIsoDate(value);

/** Calendar days from today in Vietnam to an ISO date (0 on the day, negative once past). */
export function daysUntil(iso: string, now: Date = new Date()): number {
  return daysBetween(vietnamDay(now), iso);
}

/** `T6/2026` for a chart axis. */
export const monthLabel = (month: string) => `T${Number(month.slice(5, 7))}/${month.slice(0, 4)}`;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;
}
