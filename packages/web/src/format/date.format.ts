import { formatDate as formatIsoDate, isIsoDate as isCoreIsoDate } from "@giamsat/core";

/** dd/mm/yyyy of an ISO date (or the start of a timestamp); "—" when there is none. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const day = iso.slice(0, 10);
  return isCoreIsoDate(day) ? formatIsoDate(day) : iso;
}

/** dd/mm/yyyy hh:mm for timestamps (audit trail, report submission). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Today in the user's time zone as yyyy-mm-dd. */
export function todayIso(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export const isIsoDate = (value: string | null | undefined): value is string =>
  !!value && isCoreIsoDate(value);

/** `T6/2026` for a chart axis. */
export const monthLabel = (month: string) => `T${Number(month.slice(5, 7))}/${month.slice(0, 4)}`;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;
}
