import { describe, expect, it } from "vitest";
import { waitingLabel } from "./queue.format.js";

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
