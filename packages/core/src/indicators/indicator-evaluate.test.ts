import { describe, expect, it } from "vitest";
import type { Target } from "../import/contract.js";
import { evaluateIndicatorAt } from "./indicator-evaluate.js";
import type {
  IndicatorDirection,
  IndicatorKind,
  IndicatorModel,
  IndicatorValue,
  WarningLevel,
} from "./indicator.model.js";

const target = (raw: string, op: ">=" | "<=" | "range", value: number, max?: number): Target => ({
  raw,
  parts: [{ op, value, max: max ?? null, unit: null, scope: null }],
});

const model = (
  kind: IndicatorKind,
  direction: IndicatorDirection,
  targets: [string, Target][],
  unit: string | null = null,
): IndicatorModel => ({
  kind,
  direction,
  unit,
  targets: targets.map(([period, t]) => ({ period, target: t })),
});

const monthly = (year: number, from: number, values: number[]): IndicatorValue[] =>
  values.map((value, i) => ({ period: `${year}-${String(from + i).padStart(2, "0")}`, value }));

const at80 = model("level", "higher", [["2026", target("≥80", ">=", 80)]], "%");
const five = model("cumulative", "higher", [["2026", target("5", ">=", 5)]], "Sản phẩm");
const fewerAccidents = model("level", "lower", [["2026", target("≤ 10", "<=", 10)]], "vụ");
const band = model("level", "range", [["2026", target("2–4", "range", 2, 4)]], "%");
const perYear = model(
  "in_period",
  "higher",
  [
    ["2026", target("100", ">=", 100)],
    ["2027", target("120", ">=", 120)],
  ],
  "doanh nghiệp",
);
const by2030 = model("cumulative", "higher", [["2030", target("10", ">=", 10)]], "mô hình");

type Row = {
  name: string;
  model: IndicatorModel;
  values: IndicatorValue[];
  asOf: string;
  latest: number | null;
  achievement: number | null;
  warning: WarningLevel;
};

const rows: Row[] = [
  {
    name: "level, single value: 60 of ≥80 is 0.75, too little history to project",
    model: at80,
    values: monthly(2026, 5, [60]),
    asOf: "2026-06-01",
    latest: 60,
    achievement: 0.75,
    warning: "at_risk",
  },
  {
    name: "level, rising steadily towards 80",
    model: at80,
    values: monthly(2026, 1, [50, 55, 58, 63, 66]),
    asOf: "2026-06-01",
    latest: 66,
    achievement: 66 / 80,
    warning: "on_track",
  },
  {
    name: "level, flat far below",
    model: at80,
    values: monthly(2026, 1, [40, 41, 40, 41, 40]),
    asOf: "2026-06-01",
    latest: 40,
    achievement: 0.5,
    warning: "off_track",
  },
  {
    name: "level, reached",
    model: at80,
    values: monthly(2026, 1, [70, 81]),
    asOf: "2026-03-01",
    latest: 81,
    achievement: 81 / 80,
    warning: "achieved",
  },
  {
    name: "level, the year over without reaching it",
    model: at80,
    values: monthly(2026, 10, [70, 72, 75]),
    asOf: "2027-01-15",
    latest: 75,
    achievement: 75 / 80,
    warning: "off_track",
  },
  {
    name: "no history",
    model: at80,
    values: [],
    asOf: "2026-06-01",
    latest: null,
    achievement: null,
    warning: "no_data",
  },
  {
    name: "a value for a period not yet begun does not count",
    model: at80,
    values: monthly(2026, 7, [90]),
    asOf: "2026-06-01",
    latest: null,
    achievement: null,
    warning: "no_data",
  },
  {
    name: "cumulative, 1 of 5 by May is not on track",
    model: five,
    values: monthly(2026, 5, [1]),
    asOf: "2026-06-01",
    latest: 1,
    achievement: 0.2,
    warning: "off_track",
  },
  {
    name: "cumulative, 3 of 5 by June (monthly gains) is on track",
    model: five,
    values: monthly(2026, 1, [0, 1, 0, 1, 0, 1]),
    asOf: "2026-07-01",
    latest: 1,
    achievement: 0.6,
    warning: "on_track",
  },
  {
    name: "cumulative, 5 reached",
    model: five,
    values: monthly(2026, 3, [2, 3]),
    asOf: "2026-05-01",
    latest: 3,
    achievement: 1,
    warning: "achieved",
  },
  {
    name: "cumulative, December → January: the year's count closes, 2027 has no target",
    model: five,
    values: [...monthly(2026, 11, [1, 1]), ...monthly(2027, 1, [1])],
    asOf: "2027-01-10",
    latest: 1,
    achievement: 3 / 5,
    warning: "off_track",
  },
  {
    name: "cumulative, a target in a later year: 4 of 10 by mid-2027 towards 2030",
    model: by2030,
    values: [
      { period: "2026-Q2", value: 1 },
      { period: "2026-Q4", value: 1 },
      { period: "2027-Q1", value: 2 },
    ],
    asOf: "2027-06-01",
    latest: 2,
    achievement: 0.4,
    warning: "on_track",
  },
  {
    name: "decreasing indicator: accidents falling to ≤ 10",
    model: fewerAccidents,
    values: monthly(2026, 1, [30, 26, 22, 19, 15]),
    asOf: "2026-06-01",
    latest: 15,
    achievement: 10 / 15,
    warning: "on_track",
  },
  {
    name: "decreasing indicator rising instead",
    model: fewerAccidents,
    values: monthly(2026, 1, [20, 21, 23, 24, 26]),
    asOf: "2026-06-01",
    latest: 26,
    achievement: 10 / 26,
    warning: "off_track",
  },
  {
    name: "decreasing indicator, a single value already below",
    model: fewerAccidents,
    values: monthly(2026, 2, [8]),
    asOf: "2026-03-01",
    latest: 8,
    achievement: 10 / 8,
    warning: "achieved",
  },
  {
    name: "within a range: inside",
    model: band,
    values: monthly(2026, 1, [3]),
    asOf: "2026-02-01",
    latest: 3,
    achievement: 1,
    warning: "achieved",
  },
  {
    name: "within a range: above, drifting up",
    model: band,
    values: monthly(2026, 1, [5, 5.5, 6]),
    asOf: "2026-04-01",
    latest: 6,
    achievement: 4 / 6,
    warning: "off_track",
  },
  {
    name: "in period: December → January compares January with the 2027 target",
    model: perYear,
    values: [
      { period: "2026", value: 110 },
      { period: "2027", value: 60 },
    ],
    asOf: "2027-01-15",
    latest: 60,
    achievement: 0.5,
    warning: "at_risk",
  },
];

describe("evaluateIndicatorAt", () => {
  it.each(rows)("$name", (row) => {
    const result = evaluateIndicatorAt(row.model, row.values, row.asOf, { start: "2026-01-01" });
    expect(result.latest?.value ?? null).toBe(row.latest);
    if (row.achievement === null) expect(result.achievement).toBeNull();
    else expect(result.achievement).toBeCloseTo(row.achievement, 6);
    expect(result.warning).toBe(row.warning);
    expect(result.warningText).toMatch(/\.$/);
    expect(result.warningText).not.toMatch(/NaN|undefined|Infinity/);
  });

  it("explains a cumulative shortfall with the rate still needed", () => {
    const result = evaluateIndicatorAt(five, monthly(2026, 5, [1]), "2026-06-01", {
      start: "2026-01-01",
    });
    expect(result.expected).toBeCloseTo((5 * 151) / 364, 1);
    expect(result.projection?.value).toBeLessThan(5);
    expect(result.projection?.high).toBeLessThan(5);
    expect(result.needed?.remaining).toBe(4);
    expect(result.needed?.ratio).toBeGreaterThan(2);
    expect(result.warningText).toContain("cần thêm 4 sản phẩm");
    expect(result.warningText).toContain("lần tốc độ hiện nay");
    expect(result.warningText).toContain("31/12/2026");
  });

  it("projects a level with a range around the fitted line, a share kept within 0–100", () => {
    const result = evaluateIndicatorAt(at80, monthly(2026, 1, [60, 70, 78, 88, 95]), "2026-06-01");
    expect(result.projection).not.toBeNull();
    const p = result.projection!;
    expect(p.low).toBeLessThanOrEqual(p.value);
    expect(p.value).toBeLessThanOrEqual(p.high);
    expect(p.high).toBeLessThanOrEqual(100);
  });

  it("uses the period's own target beside the year's", () => {
    const quarterly = model(
      "level",
      "higher",
      [
        ["2026-Q2", target("≥50", ">=", 50)],
        ["2026", target("≥80", ">=", 80)],
      ],
      "%",
    );
    const result = evaluateIndicatorAt(quarterly, monthly(2026, 4, [40]), "2026-05-10");
    expect(result.periodTarget?.period).toBe("2026-Q2");
    expect(result.periodAchievement).toBeCloseTo(0.8, 6);
    expect(result.target?.period).toBe("2026");
    expect(result.achievement).toBeCloseTo(0.5, 6);
  });

  it("has no target to compare with", () => {
    const result = evaluateIndicatorAt(
      model("level", "higher", []),
      monthly(2026, 1, [5]),
      "2026-02-01",
    );
    expect(result.warning).toBe("no_data");
    expect(result.warningText).toContain("chưa có mục tiêu");
  });
});
