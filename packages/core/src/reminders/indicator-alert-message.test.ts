import { describe, expect, it } from "vitest";
import { indicatorAlertMessage } from "./indicator-alert-message.js";

const SITE = "https://giamsat.example.gov.vn/";

describe("indicator alert message", () => {
  it.each([
    ["at_risk", "2026-05", "Cảnh báo chỉ tiêu có nguy cơ không đạt: Chỉ tiêu 11:", "Tháng 5/2026"],
    [
      "off_track",
      "2026-Q2",
      "Cảnh báo chỉ tiêu chậm tiến độ, khó đạt: Chỉ tiêu 11:",
      "Quý II/2026",
    ],
  ] as const)("%s for %s", (level, period, subject, periodLabel) => {
    const m = indicatorAlertMessage(
      {
        unitName: "Cục Đổi mới sáng tạo",
        indicator: { id: 9, number: "11", name: "Số sản phẩm <mới>" },
        level,
        period,
        asOf: "2026-06-16",
        warningText: "Đạt 20% kế hoạch.",
      },
      SITE,
    );
    expect(m.kind).toBe("indicator_warning");
    expect(m.subject.startsWith(subject)).toBe(true);
    expect(m.text).toContain(`Đánh giá ngày 16/06/2026 (số liệu đến ${periodLabel})`);
    expect(m.text).toContain("Đạt 20% kế hoạch.");
    expect(m.text).toContain("https://giamsat.example.gov.vn/chi-tieu/9");
    expect(m.html).toContain("Số sản phẩm &lt;mới&gt;");
    expect(m.link).toBe("/chi-tieu/9");
  });
});
