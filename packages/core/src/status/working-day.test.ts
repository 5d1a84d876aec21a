import { describe, expect, it } from "vitest";
import { reportingCompliance } from "./recurring-compliance.js";
import { formatVietnamDateTime, vietnamDay } from "./working-day.js";

describe("the working day (Vietnam, UTC+7)", () => {
  it("turns at 17:00 UTC, whatever the machine's time zone", () => {
    expect(vietnamDay("2026-05-20T16:59:59.999Z")).toBe("2026-05-20");
    expect(vietnamDay("2026-05-20T17:00:00.000Z")).toBe("2026-05-21");
    expect(vietnamDay(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(vietnamDay("2026-05-21T06:30:00+07:00")).toBe("2026-05-21");
    expect(formatVietnamDateTime("2026-05-20T23:30:00Z")).toBe("21/05/2026 06:30");
    expect(() => vietnamDay("hôm qua")).toThrow(/không hợp lệ/);
  });

  it("makes a report sent at 23:30 UTC on the due day late (it is already the next day in Vietnam)", () => {
    // "trước ngày 20 hàng tháng": May's report is due on 19/05
    const calendar = { frequency: "monthly" as const, dueDay: 20 };
    const compliance = (submittedAt: string) =>
      reportingCompliance(
        {
          calendar,
          from: "2026-05-01",
          reports: [{ period: "2026-05", receivedOn: vietnamDay(submittedAt) }],
        },
        "2026-05-31",
      ).periods.find((p) => p.key === "2026-05")?.outcome;
    expect(compliance("2026-05-19T16:30:00Z")).toBe("on_time");
    expect(compliance("2026-05-19T23:30:00Z")).toBe("late");
  });
});
