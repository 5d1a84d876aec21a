/**
 * Unit scorecards: for each lead unit, how many tasks it leads, by status, and how many of the
 * reports it owed arrived on time. A task with several lead units counts for each of them
 * (once, however often the unit is listed); coordinating units are not scored.
 */
import type { StatusCode } from "./status-labels.js";

export type UnitId = string | number;

export type ScorecardTaskRow<Id extends UnitId = UnitId> = {
  leads: readonly Id[];
  status: StatusCode;
  /** From reportingCompliance(): periods owed and reported on time, when reporting is tracked. */
  reports?: { periodsDue: number; onTime: number } | null;
};

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

function emptyScorecard<Id extends UnitId>(unitId: Id): UnitScorecard<Id> {
  return {
    unitId,
    led: 0,
    doneOnTime: 0,
    doneLate: 0,
    overdue: 0,
    inTime: 0,
    dueSoon: 0,
    noDeadline: 0,
    recurring: 0,
    reportsDue: 0,
    reportsOnTime: 0,
    timeliness: null,
  };
}

/** One scorecard per lead unit, ordered by unit id. */
export function unitScorecards<Id extends UnitId>(
  rows: Iterable<ScorecardTaskRow<Id>>,
): UnitScorecard<Id>[] {
  const cards = new Map<Id, UnitScorecard<Id>>();
  for (const row of rows) {
    for (const unitId of new Set(row.leads)) {
      let card = cards.get(unitId);
      if (!card) cards.set(unitId, (card = emptyScorecard(unitId)));
      card.led++;
      card[FIELD_OF_STATUS[row.status]]++;
      card.reportsDue += row.reports?.periodsDue ?? 0;
      card.reportsOnTime += row.reports?.onTime ?? 0;
    }
  }
  return [...cards.values()]
    .map((card) => ({
      ...card,
      timeliness: card.reportsDue ? card.reportsOnTime / card.reportsDue : null,
    }))
    .sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
}
