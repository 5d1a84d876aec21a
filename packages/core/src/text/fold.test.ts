import { describe, expect, it } from "vitest";
import { clean, fold, stripDiacritics } from "./fold.js";

describe("fold", () => {
  it("removes diacritics and maps đ to d", () => {
    expect(fold("Chuyển đổi số")).toBe("chuyen doi so");
    expect(fold("ĐỔI MỚI  SÁNG\u00a0TẠO")).toBe("doi moi sang tao");
  });
  it("treats composed and decomposed input alike", () => {
    expect(fold("Khuyến công".normalize("NFD"))).toBe(fold("Khuyến công"));
  });
});

describe("stripDiacritics", () => {
  it("keeps case and spacing, maps Đ to D and đ to d", () => {
    expect(stripDiacritics("Dự thảo Đợt  1.pdf")).toBe("Du thao Dot  1.pdf");
    expect(stripDiacritics("Quản lý".normalize("NFD"))).toBe("Quan ly");
  });
});

describe("clean", () => {
  it("normalises to NFC and collapses spaces", () => {
    expect(clean("  Cục\u00a0Công   nghiệp \n")).toBe("Cục Công nghiệp");
    expect(clean("Khuyến".normalize("NFD"))).toBe("Khuyến".normalize("NFC"));
  });
});
