import { describe, expect, it } from "vitest";
import type { Target } from "../import/contract.js";
import { indicatorOutlook, projectValue, type Observation } from "./indicator-projection.js";

const at = (date: string, value: number): Observation => ({ date, value });
const atLeast = (value: number): Target => ({
  raw: `≥${value}`,
  parts: [{ op: ">=", value, unit: "%", scope: null }],
});

describe("projectValue", () => {
  it.each<[string, Observation[], string, number | null]>([
    ["a straight line", [at("2026-01-01", 10), at("2026-01-11", 20)], "2026-01-21", 30],
    ["a flat line", [at("2026-01-01", 50), at("2026-03-01", 50)], "2026-12-31", 50],
    ["a falling line", [at("2026-01-01", 30), at("2026-01-31", 20)], "2026-03-02", 10],
    [
      "least squares through noise",
      [at("2026-01-01", 0), at("2026-01-02", 2), at("2026-01-03", 1), at("2026-01-04", 3)],
      "2026-01-05",
      3.5,
    ],
    ["one value says nothing", [at("2026-01-01", 10)], "2026-12-31", null],
    [
      "two values on one day say nothing",
      [at("2026-01-01", 10), at("2026-01-01", 12)],
      "2026-12-31",
      null,
    ],
    ["no values", [], "2026-12-31", null],
  ])("%s", (_name, obs, date, expected) => {
    const value = projectValue(obs, date);
    if (expected === null) expect(value).toBeNull();
    else expect(value).toBeCloseTo(expected, 9);
  });

  it("clamps to bounds", () => {
    expect(
      projectValue([at("2026-01-01", 50), at("2026-02-01", 90)], "2026-12-31", {
        min: 0,
        max: 100,
      }),
    ).toBe(100);
  });
});

describe("indicatorOutlook (a year target of ≥80%, period ending 31/12/2026)", () => {
  it.each<[string, Observation[], string, { current: string; outlook: string; warning: boolean }]>([
    [
      "on course: 20% in March, 40% in June",
      [at("2026-03-31", 20), at("2026-06-30", 40)],
      "2026-07-01",
      { current: "not_met", outlook: "met", warning: false },
    ],
    [
      "falling behind: 10% in March, 20% in June",
      [at("2026-03-31", 10), at("2026-06-30", 20)],
      "2026-07-01",
      { current: "not_met", outlook: "not_met", warning: true },
    ],
    [
      "already met",
      [at("2026-03-31", 70), at("2026-06-30", 85)],
      "2026-07-01",
      { current: "met", outlook: "met", warning: false },
    ],
    [
      "one value only: no projection",
      [at("2026-06-30", 20)],
      "2026-07-01",
      { current: "not_met", outlook: "not_met", warning: false },
    ],
    [
      "values after asOf are not known yet",
      [at("2026-03-31", 10), at("2026-06-30", 20), at("2026-09-30", 90)],
      "2026-07-01",
      { current: "not_met", outlook: "not_met", warning: true },
    ],
    [
      "after the period ends, the last value decides and nothing is projected",
      [at("2026-03-31", 10), at("2026-12-31", 79)],
      "2027-01-05",
      { current: "not_met", outlook: "not_met", warning: false },
    ],
  ])("%s", (_name, observations, asOf, expected) => {
    const o = indicatorOutlook(
      { target: atLeast(80), observations, periodEnd: "2026-12-31", percent: true },
      asOf,
    );
    expect({ current: o.current, outlook: o.outlook, warning: o.warning }).toEqual(expected);
  });

  it("reports the latest value and the projection", () => {
    const o = indicatorOutlook(
      {
        target: atLeast(80),
        observations: [at("2026-06-30", 40), at("2026-03-31", 20)],
        periodEnd: "2026-12-31",
      },
      "2026-07-01",
    );
    expect(o.latest).toEqual(at("2026-06-30", 40));
    expect(o.projected).toBeCloseTo(40 + (20 / 91) * 184, 9);
  });
});
