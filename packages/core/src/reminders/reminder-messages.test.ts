import { describe, expect, it } from "vitest";
import { periodFromKey } from "../status/reporting-calendar.js";
import { reportDueMessage, reportReviewedMessage } from "./reminder-messages.js";

const SITE = "https://giamsat.example.gov.vn";

describe("reminder messages", () => {
  it("names the report day, the period and each task, with links to the report form", () => {
    const m = reportDueMessage(
      {
        planLabel: "Kế hoạch 596/QĐ-BCT",
        unitName: "Cục Thương mại điện tử và Kinh tế số",
        period: periodFromKey("2026-06", { frequency: "monthly", dueDay: 20 }),
        reportDay: "2026-06-20",
        daysBefore: 5,
        tasks: [{ id: 7, number: "3", name: "Xây dựng <Nền tảng> & dữ liệu" }],
      },
      SITE,
    );
    expect(m.subject).toBe(
      "Nhắc báo cáo Tháng 6/2026: hạn trước ngày 20/06/2026 (còn 5 ngày làm việc)",
    );
    expect(m.text).toContain(
      "- 3. Xây dựng <Nền tảng> & dữ liệu (https://giamsat.example.gov.vn/nhiem-vu/7/bao-cao?ky=2026-06)",
    );
    expect(m.html).toContain("3. Xây dựng &lt;Nền tảng&gt; &amp; dữ liệu");
    expect(m.html).toContain('href="https://giamsat.example.gov.vn/nhiem-vu/7/bao-cao?ky=2026-06"');
    expect(m.html).not.toContain("<Nền tảng>");
    expect(m.link).toBe("/don-vi");
  });

  it("carries the reviewer's comment when a report is returned", () => {
    const m = reportReviewedMessage(
      {
        task: { id: 3, number: null, name: "Nhiệm vụ A" },
        periodLabel: "Tháng 5/2026",
        decision: "return",
        comment: "Thiếu minh chứng",
      },
      SITE,
    );
    expect(m.kind).toBe("report_returned");
    expect(m.text).toContain("Ý kiến: Thiếu minh chứng");
    expect(m.link).toBe("/nhiem-vu/3/bao-cao");
  });
});
