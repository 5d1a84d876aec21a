import { describe, expect, it } from "vitest";
import { planTargetYear } from "./plan-target-year.js";

describe("planTargetYear", () => {
  it.each([
    [
      "Về việc ban hành Kế hoạch năm 2026 của Bộ Công Thương thực hiện Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024",
      2026,
    ],
    ["Kế hoạch chuyển đổi số giai đoạn 2026 – 2030", 2030],
    ["Chương trình hành động thực hiện Nghị quyết 57", 2028],
    [null, 2028],
  ])("%s → %i", (title, year) => {
    expect(planTargetYear(title, { from: 2026, to: 2028 })).toBe(year);
  });
});
