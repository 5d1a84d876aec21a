import { describe, expect, it } from "vitest";
import { indicatorValueFlags } from "./value-flags.js";

const rate = { name: "Tỷ lệ thủ tục trực tuyến toàn trình", unit: "%" };
const count = { name: "Số sản phẩm", unit: "Sản phẩm" };
const months = (values: number[]) =>
  values.map((value, i) => ({ period: `2026-0${i + 1}`, value }));
const codes = (
  indicator: { name: string; unit: string | null },
  value: number,
  history: number[],
  period = "2026-09",
) => indicatorValueFlags(indicator, { period, value }, months(history)).map((f) => f.code);

describe("indicatorValueFlags", () => {
  it.each([
    ["a rate over 100%", rate, 500, [], ["rate_over_100"]],
    ["a rate of exactly 100%", rate, 100, [], []],
    ["a negative rate", rate, -5, [], ["negative_rate"]],
    [
      "a rate named Tỷ lệ without unit",
      { name: "Tỷ lệ hộ", unit: null },
      120,
      [],
      ["rate_over_100"],
    ],
    ["a count over 100 is no rate", count, 500, [], []],
    ["a value on the trend", rate, 62, [40, 45, 50, 55, 60], []],
    ["a value far above the history", rate, 95, [40, 42, 41, 43], ["far_from_history"]],
    ["a value far below the history", count, 1, [20, 22, 21, 23], ["far_from_history"]],
    ["a constant history and a close value", count, 11, [10, 10, 10], []],
    ["a constant history and a far value", count, 30, [10, 10, 10], ["far_from_history"]],
    ["one earlier value, tripled and more", count, 31, [10], ["far_from_history"]],
    ["one earlier value, doubled", count, 20, [10], []],
    ["no history", count, 1000, [], []],
  ] as const)("%s", (_, indicator, value, history, expected) => {
    expect(codes(indicator, value, [...history])).toEqual(expected);
  });

  it("leaves out the value's own period and says what it compares with", () => {
    const flags = indicatorValueFlags(rate, { period: "2026-02", value: 95 }, months([30, 31]));
    expect(flags).toEqual([
      { code: "far_from_history", text: "Khác xa giá trị Tháng 1/2026 (30%)." },
    ]);
    const many = indicatorValueFlags(
      rate,
      { period: "2026-09", value: 95 },
      months([40, 42, 41, 43]),
    );
    expect(many[0]?.text).toBe("Khác xa các giá trị đã chấp nhận: trung vị 4 kỳ là 41,5%.");
    expect(indicatorValueFlags(rate, { period: "2026-09", value: 150 }, [])[0]?.text).toBe(
      "Tỷ lệ 150% vượt quá 100%.",
    );
  });
});
