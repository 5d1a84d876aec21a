/**
 * Unit scorecards: for each lead unit, how many tasks it leads, by status, and how many of the
 * reports it owed arrived on time (see report-timeliness.ts).
 */
import type { StatusCode } from "./status-labels.js";

export type UnitId = string | number;

export type UnitScorecard<Id extends UnitId = UnitId> = {
  unitId: Id;
  led: number;
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  inTime: number;
  dueSoon: number;
  noDeadline: number;
  recurring: number;
  reportsDue: number;
  reportsOnTime: number;
  /** reportsOnTime / reportsDue, null when no report was due. */
  timeliness: number | null;
};

const FIELD_OF_STATUS = {
  done_on_time: "doneOnTime",
  done_late: "doneLate",
  overdue: "overdue",
  in_time: "inTime",
  due_soon: "dueSoon",
  no_deadline: "noDeadline",
  recurring: "recurring",
} as const satisfies Record<StatusCode, keyof UnitScorecard>;

/** A unit's scorecard from its tasks' status counts and the reports it owed. */
export function unitScorecard<Id extends UnitId>(
  unitId: Id,
  counts: Partial<Record<StatusCode, number>>,
  reports?: { periodsDue: number; onTime: number } | null,
): UnitScorecard<Id> {
  const card: UnitScorecard<Id> = {
    unitId,
    led: 0,
    doneOnTime: 0,
    doneLate: 0,
    overdue: 0,
    inTime: 0,
    dueSoon: 0,
    noDeadline: 0,
    recurring: 0,
    reportsDue: reports?.periodsDue ?? 0,
    reportsOnTime: reports?.onTime ?? 0,
    timeliness: null,
  };
  for (const [status, n] of Object.entries(counts) as [StatusCode, number][]) {
    card[FIELD_OF_STATUS[status]] += n;
    card.led += n;
  }
  card.timeliness = card.reportsDue ? card.reportsOnTime / card.reportsDue : null;
  return card;
}
