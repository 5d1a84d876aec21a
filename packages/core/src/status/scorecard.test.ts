import { describe, expect, it } from "vitest";
import { unitScorecards, type ScorecardTaskRow } from "./scorecard.js";

describe("unitScorecards", () => {
  const rows: ScorecardTaskRow<string>[] = [
    { leads: ["vu-phap-che"], status: "overdue", reports: { periodsDue: 2, onTime: 1 } },
    { leads: ["vu-phap-che"], status: "done_on_time", reports: { periodsDue: 1, onTime: 1 } },
    {
      leads: ["vu-phap-che", "cuc-tmdt"],
      status: "in_time",
      reports: { periodsDue: 2, onTime: 0 },
    },
    { leads: ["cuc-tmdt", "cuc-tmdt"], status: "recurring", reports: { periodsDue: 2, onTime: 2 } },
    { leads: ["cuc-cn"], status: "no_deadline" },
    { leads: ["cuc-cn"], status: "due_soon", reports: null },
    { leads: ["cuc-cn"], status: "done_late" },
    { leads: [], status: "overdue" },
  ];

  it.each([
    [
      "cuc-cn",
      {
        led: 3,
        doneOnTime: 0,
        doneLate: 1,
        overdue: 0,
        inTime: 0,
        dueSoon: 1,
        noDeadline: 1,
        recurring: 0,
        reportsDue: 0,
        reportsOnTime: 0,
        timeliness: null,
      },
    ],
    [
      "cuc-tmdt",
      {
        led: 2,
        doneOnTime: 0,
        doneLate: 0,
        overdue: 0,
        inTime: 1,
        dueSoon: 0,
        noDeadline: 0,
        recurring: 1,
        reportsDue: 4,
        reportsOnTime: 2,
        timeliness: 0.5,
      },
    ],
    [
      "vu-phap-che",
      {
        led: 3,
        doneOnTime: 1,
        doneLate: 0,
        overdue: 1,
        inTime: 1,
        dueSoon: 0,
        noDeadline: 0,
        recurring: 0,
        reportsDue: 5,
        reportsOnTime: 2,
        timeliness: 0.4,
      },
    ],
  ])("%s", (unitId, expected) => {
    expect(unitScorecards(rows).find((c) => c.unitId === unitId)).toEqual({ unitId, ...expected });
  });

  it("gives one card per lead unit in unit order; a task without a lead is scored nowhere", () => {
    expect(unitScorecards(rows).map((c) => c.unitId)).toEqual([
      "cuc-cn",
      "cuc-tmdt",
      "vu-phap-che",
    ]);
  });

  it("orders numeric ids numerically", () => {
    const cards = unitScorecards([
      { leads: [10], status: "overdue" },
      { leads: [9], status: "overdue" },
    ]);
    expect(cards.map((c) => c.unitId)).toEqual([9, 10]);
  });

  it("is empty without tasks", () => expect(unitScorecards([])).toEqual([]));
});
