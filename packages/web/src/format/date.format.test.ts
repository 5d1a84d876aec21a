import { describe, expect, it } from "vitest";
import { daysUntil, formatDate, formatDateTime } from "./date.format.js";

describe("dates shown in the web app", () => {
  it("shows timestamps in Vietnam's time, whatever the browser's time zone", () => {
    // 23:30 UTC is already 06:30 the next morning in Vietnam
    expect(formatDateTime("2026-05-19T23:30:00.000Z")).toBe("20/05/2026 06:30");
    expect(formatDateTime("2026-05-19T16:59:00.000Z")).toBe("19/05/2026 23:59");
    expect(formatDateTime("không phải ngày")).toBe("không phải ngày");
    expect(formatDateTime(null)).toBe("—");
    expect(formatDate("2026-05-19T23:30:00.000Z")).toBe("20/05/2026");
    expect(formatDate("2026-05-19")).toBe("19/05/2026");
  });

  it("counts the days left from today in Vietnam, not from the UTC day", () => {
    // 23:30 UTC on 19/05 is 20/05 in Vietnam: a deadline of 20/05 is today, not tomorrow
    expect(daysUntil("2026-05-20", new Date("2026-05-19T23:30:00.000Z"))).toBe(0);
    expect(daysUntil("2026-05-20", new Date("2026-05-19T16:30:00.000Z"))).toBe(1);
    expect(daysUntil("2026-05-18", new Date("2026-05-19T23:30:00.000Z"))).toBe(-2);
  });
});
