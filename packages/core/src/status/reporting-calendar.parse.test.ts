import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { reportingCalendarFromText } from "./reporting-calendar.parse.js";

const seed = (name: string) =>
  readFileSync(new URL(`../../../../../shared/seeds/${name}`, import.meta.url), "utf8");

describe("reportingCalendarFromText", () => {
  it.each([
    ["Định kỳ trước ngày 20 hàng tháng và đột xuất …", { frequency: "monthly", dueDay: 20 }],
    ["Định kỳ hằng tháng, trước ngày 25, gửi báo cáo", { frequency: "monthly", dueDay: 25 }],
    [
      "Định kỳ hàng quý (trước ngày 20 tháng cuối quý) báo cáo Bộ trưởng",
      { frequency: "quarterly", dueDay: 20 },
    ],
    ["Hoàn thành trước ngày 01/3/2026", null],
    ["Báo cáo định kỳ hàng tháng", null],
  ])("%s", (text, cal) => expect(reportingCalendarFromText(text)).toEqual(cal));

  it("finds plan 596's monthly calendar and plan 405's quarterly one in the seeds", () => {
    expect(reportingCalendarFromText(seed("qd596-bct-2026-nq57-plan.txt"))).toEqual({
      frequency: "monthly",
      dueDay: 20,
    });
    expect(
      reportingCalendarFromText(seed("qd405-bct-2026-2030-digital-transformation.txt")),
    ).toEqual({
      frequency: "quarterly",
      dueDay: 20,
    });
  });
});
