import { describe, expect, it } from "vitest";
import { unitScorecard } from "./scorecard.js";

describe("unitScorecard", () => {
  it("spreads the status counts into fields and counts the tasks led", () => {
    const card = unitScorecard(
      "vu-phap-che",
      { overdue: 3, done_on_time: 2, done_late: 1, in_time: 4, due_soon: 1, no_deadline: 2 },
      { periodsDue: 5, onTime: 2 },
    );
    expect(card).toEqual({
      unitId: "vu-phap-che",
      led: 13,
      doneOnTime: 2,
      doneLate: 1,
      overdue: 3,
      inTime: 4,
      dueSoon: 1,
      noDeadline: 2,
      recurring: 0,
      reportsDue: 5,
      reportsOnTime: 2,
      timeliness: 0.4,
    });
  });

  it.each([
    ["no report owed", null, { reportsDue: 0, reportsOnTime: 0, timeliness: null }],
    ["nothing due yet", { periodsDue: 0, onTime: 0 }, { timeliness: null }],
    ["every report on time", { periodsDue: 6, onTime: 6 }, { timeliness: 1 }],
    ["none on time", { periodsDue: 4, onTime: 0 }, { timeliness: 0 }],
  ])("timeliness with %s", (_name, reports, expected) => {
    const card = unitScorecard(7, { recurring: 2 }, reports);
    expect(card).toMatchObject({ unitId: 7, led: 2, recurring: 2, ...expected });
  });

  it("is empty for a unit without tasks", () => {
    expect(unitScorecard(1, {})).toMatchObject({ led: 0, overdue: 0, timeliness: null });
  });
});
