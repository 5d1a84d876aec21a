import { describe, expect, it } from "vitest";
import { reportCount, waitingLabel } from "./queue.format.js";

describe("waitingLabel", () => {
  it("names the queue's count, 'Hơn' past the cap, and how many are shown when not all", () => {
    expect(waitingLabel({ total: 3, totalCapped: false }, 3)).toBe(
      "3 báo cáo chờ duyệt, cũ nhất trước",
    );
    expect(waitingLabel({ total: 640, totalCapped: false }, 200)).toBe(
      "640 báo cáo chờ duyệt, cũ nhất trước (hiện 200 báo cáo đầu)",
    );
    expect(waitingLabel({ total: 1000, totalCapped: true }, 200)).toBe(
      "Hơn 1.000 báo cáo chờ duyệt, cũ nhất trước (hiện 200 báo cáo đầu)",
    );
  });
});

describe("reportCount", () => {
  it("writes the count the Vietnamese way, 'Hơn' past the cap (the unit head's sign-off list too)", () => {
    expect(reportCount({ total: 1234, totalCapped: false })).toBe("1.234");
    expect(reportCount({ total: 1000, totalCapped: true })).toBe("Hơn 1.000");
  });
});
