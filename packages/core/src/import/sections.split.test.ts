import { describe, expect, it } from "vitest";
import { appendixHeading, isCaption } from "./sections.split.js";

describe("appendix headings", () => {
  it.each([
    ["PHỤ LỤC I", "PHỤ LỤC I", ""],
    ["Phụ lục II", "Phụ lục II", ""],
    ["PHỤ LỤC:", "PHỤ LỤC", ""],
    ["PHỤ LỤC III. CHỈ TIÊU CỤ THỂ", "PHỤ LỤC III", "CHỈ TIÊU CỤ THỂ"],
    ["Phụ lục 1: Danh mục nhiệm vụ năm 2026", "Phụ lục 1", "Danh mục nhiệm vụ năm 2026"],
  ])("%s", (text, heading, rest) => {
    expect(appendixHeading(text)).toEqual({ heading, rest });
  });

  it("does not take prose for a heading", () => {
    expect(appendixHeading("Phụ lục kèm theo Quyết định này gồm các nhiệm vụ")).toBeNull();
    expect(appendixHeading("Chi tiết tại Phụ lục I")).toBeNull();
    expect(
      appendixHeading("Phụ lục I được cập nhật hằng năm theo đề nghị của các đơn vị"),
    ).toBeNull();
  });

  it("recognises captions", () => {
    expect(isCaption("(Kèm theo Quyết định số 596/QĐ-BCT ngày 31 tháng 3 năm 2026)")).toBe(true);
    expect(isCaption("(Ban hành kèm theo Kế hoạch số 12/KH-UBND)")).toBe(true);
    expect(isCaption("Ban hành Kế hoạch")).toBe(false);
  });
});
