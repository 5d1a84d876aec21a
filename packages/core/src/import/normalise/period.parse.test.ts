import { describe, expect, it } from "vitest";
import { parseFrequency, parsePeriod } from "./period.parse.js";

describe("parsePeriod", () => {
  it("reads years, quarters, months and half years", () => {
    expect(parsePeriod("Năm 2026")).toEqual({ period: "2026", label: "Năm 2026" });
    expect(parsePeriod("<i>Năm 2027</i>")).toEqual({ period: "2027", label: "Năm 2027" });
    expect(parsePeriod("Quý IV/2028")).toEqual({ period: "2028-Q4", label: "Quý IV/2028" });
    expect(parsePeriod("Quý 1 năm 2027")?.period).toBe("2027-Q1");
    expect(parsePeriod("Tháng 3/2026")).toEqual({ period: "2026-03", label: "Tháng 3/2026" });
    expect(parsePeriod("6 tháng đầu năm 2026")?.period).toBe("2026-H1");
    expect(parsePeriod("6 tháng cuối năm 2026")?.period).toBe("2026-H2");
  });

  it("reads spans of years, with words around them", () => {
    expect(parsePeriod("Số DN giai đoạn 2025 - 2026")).toEqual({
      period: "2025..2026",
      label: "Số DN giai đoạn 2025 - 2026",
    });
    expect(parsePeriod("Giai đoạn 2026-2030")?.period).toBe("2026..2030");
    expect(parsePeriod("Đến năm 2030")?.period).toBe("2030");
    expect(parsePeriod("Quý I - Quý II/2027")?.period).toBe("2027-H1");
    expect(parsePeriod("5-6/2026")?.period).toBe("2026-05..2026-06");
  });

  it("is null for activities and frequencies", () => {
    expect(parsePeriod("Theo dõi số liệu trên hệ thống")).toBeNull();
    expect(parsePeriod("Hàng tháng")).toBeNull();
    expect(
      parsePeriod("Tổ chức đánh giá, tổng hợp số liệu và báo cáo kết quả năm 2026"),
    ).toBeNull();
    expect(parsePeriod("")).toBeNull();
  });
});

describe("parseFrequency", () => {
  it("reads the frequencies", () => {
    expect(parseFrequency("Hàng tháng")).toBe("monthly");
    expect(parseFrequency("Hàng Quý")).toBe("quarterly");
    expect(parseFrequency("HÀNG QUÝ")).toBe("quarterly");
    expect(parseFrequency("Hàng năm")).toBe("yearly");
    expect(parseFrequency("Thường niên")).toBe("yearly");
    expect(parseFrequency("Báo cáo 6 tháng")).toBe("quarterly");
    expect(parseFrequency("Định kỳ hằng tháng")).toBe("monthly");
    expect(parseFrequency("Hằng năm")).toBe("yearly");
    expect(parseFrequency("Báo cáo")).toBeNull();
    expect(parseFrequency("")).toBeNull();
  });
});
