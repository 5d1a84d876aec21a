import { describe, expect, it } from "vitest";
import { planLabel } from "./plan.format.js";

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
