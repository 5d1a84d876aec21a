import { describe, expect, it } from "vitest";
import { addDays } from "../status/dates.js";
import { reportRemindersOn } from "./report-reminders.js";

const HOLIDAYS = new Set(["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"]);
const MONTHLY = { frequency: "monthly", dueDay: 20 } as const;
const QUARTERLY = { frequency: "quarterly", dueDay: 20 } as const;

/** Every reminder of a year, as "date period step". */
function year(cal: typeof MONTHLY | typeof QUARTERLY): string[] {
  const out: string[] = [];
  for (let d = "2026-01-01"; d <= "2026-12-31"; d = addDays(d, 1)) {
    for (const r of reportRemindersOn(d, cal, [5, 1], HOLIDAYS)) {
      out.push(`${d} ${r.period.key} ${r.reportDay} ${r.daysBefore}`);
    }
  }
  return out;
}

describe("report-day reminders", () => {
  it("plan 596 (monthly, before the 20th): June 15 is five working days before 20/06/2026", () => {
    expect(reportRemindersOn("2026-06-15", MONTHLY, [5, 1], HOLIDAYS)).toEqual([
      expect.objectContaining({ reportDay: "2026-06-20", daysBefore: 5 }),
    ]);
    expect(reportRemindersOn("2026-06-16", MONTHLY, [5, 1], HOLIDAYS)).toEqual([]);
    expect(reportRemindersOn("2026-06-19", MONTHLY, [5, 1], HOLIDAYS)[0]?.daysBefore).toBe(1);
  });

  it("a monthly calendar gives two reminders a month, counted around Tết", () => {
    const all = year(MONTHLY);
    expect(all).toHaveLength(24);
    expect(all.slice(2, 4)).toEqual([
      "2026-02-09 2026-02 2026-02-20 5",
      "2026-02-13 2026-02 2026-02-20 1",
    ]);
  });

  it("plan 405 (quarterly, before the 20th of the quarter's last month): eight a year", () => {
    expect(year(QUARTERLY)).toEqual([
      "2026-03-13 2026-Q1 2026-03-20 5",
      "2026-03-19 2026-Q1 2026-03-20 1",
      "2026-06-15 2026-Q2 2026-06-20 5",
      "2026-06-19 2026-Q2 2026-06-20 1",
      "2026-09-14 2026-Q3 2026-09-20 5",
      "2026-09-18 2026-Q3 2026-09-20 1",
      "2026-12-14 2026-Q4 2026-12-20 5",
      "2026-12-18 2026-Q4 2026-12-20 1",
    ]);
  });

  it("other offsets are the administrator's", () => {
    expect(reportRemindersOn("2026-06-08", MONTHLY, [10], HOLIDAYS)[0]?.daysBefore).toBe(10);
  });
});
