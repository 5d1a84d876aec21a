import { describe, expect, it } from "vitest";
import { planLabel, taskPlansLabel } from "./plan.format.js";

describe("planLabel", () => {
  it("names a plan by its number, else its title, else its issuer or file", () => {
    expect(planLabel({ number: "596/QĐ-BCT", title: "Kế hoạch năm 2026" })).toBe("596/QĐ-BCT");
    expect(planLabel({ number: null, title: "Danh mục nhiệm vụ liên ngành" })).toBe(
      "Danh mục nhiệm vụ liên ngành",
    );
    expect(
      planLabel({ number: null, title: null, kind: "Quyết định", issuer: "Ban Chỉ đạo" }),
    ).toBe("Quyết định của Ban Chỉ đạo (chưa có số)");
    expect(planLabel({ number: null, title: null, sourceName: "phu-luc-2.txt" })).toBe(
      "phu-luc-2.txt",
    );
  });
});

describe("taskPlansLabel", () => {
  const labels = new Map([
    [1, "596/QĐ-BCT"],
    [2, "Danh mục nhiệm vụ liên ngành"],
  ]);
  it("names the task's plan, then the plans of the tasks restating it", () => {
    expect(taskPlansLabel({ planId: 1, planNumber: "596/QĐ-BCT" }, labels)).toBe("596/QĐ-BCT");
    expect(
      taskPlansLabel(
        { planId: 2, planNumber: null, restatedIn: [{ taskId: 9, number: "12", planId: 1 }] },
        labels,
      ),
    ).toBe("Danh mục nhiệm vụ liên ngành; 596/QĐ-BCT (nhiệm vụ 12)");
  });
});
