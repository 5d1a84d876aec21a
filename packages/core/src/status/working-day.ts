/**
 * The working day: the one definition of "today" and of the day a timestamp falls on, used by
 * the server (default asOf, the period a report is for, the day a report was received) and by
 * the web app (the report form's period, the default date of a view). Vietnam has one time zone,
 * UTC+7, without daylight saving time, so the day is the same for every user whatever the time
 * zone of their browser or of the server's machine.
 */

const VIETNAM_OFFSET_MS = 7 * 3600_000;

function inVietnam(at: Date | string): Date {
  const time = typeof at === "string" ? Date.parse(at) : at.getTime();
  if (Number.isNaN(time)) throw new RangeError(`Thời điểm không hợp lệ: "${String(at)}".`);
  return new Date(time + VIETNAM_OFFSET_MS);
}

/** The day in Vietnam (`YYYY-MM-DD`) of an instant (a Date or an ISO timestamp); default now. */
export function vietnamDay(at: Date | string = new Date()): string {
  return inVietnam(at).toISOString().slice(0, 10);
}

/** `dd/mm/yyyy hh:mm`, Vietnam's time, of an instant (audit trail, report submission). */
export function formatVietnamDateTime(at: Date | string): string {
  const iso = inVietnam(at).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
}
