/**
 * How reminders work, per unit: for every report that arrived after the unit's first reminder
 * for that plan and period, the days between the two; the unit's median of those days and how
 * many reports it rests on. Reports sent before any reminder are not counted (they needed none).
 */
export type ReminderResponseRow = {
  unitId: number;
  /** the first report-day reminder of the plan and period to the unit (ISO instant) */
  remindedAt: string;
  /** the first report of one of the unit's tasks for that period (ISO instant) */
  reportedAt: string;
};

export type ReminderResponse = { medianDays: number | null; reports: number };

const DAY_MS = 86_400_000;

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Days to one decimal, per unit; units without a report after a reminder are absent. */
export function reminderResponseByUnit(
  rows: readonly ReminderResponseRow[],
): Map<number, ReminderResponse> {
  const days = new Map<number, number[]>();
  for (const r of rows) {
    const elapsed = Date.parse(r.reportedAt) - Date.parse(r.remindedAt);
    if (!(elapsed >= 0)) continue;
    const list = days.get(r.unitId) ?? [];
    list.push(elapsed / DAY_MS);
    days.set(r.unitId, list);
  }
  const out = new Map<number, ReminderResponse>();
  for (const [unitId, list] of days) {
    const m = median(list);
    out.set(unitId, {
      medianDays: m === null ? null : Math.round(m * 10) / 10,
      reports: list.length,
    });
  }
  return out;
}
