import { describe, expect, it } from "vitest";
import { periodFromKey } from "../status/reporting-calendar.js";
import {
  reportDueMessage,
  reportReviewedMessage,
  reviewDigestMessage,
} from "./reminder-messages.js";

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

  it("gathers the reports and indicator values waiting for review in one digest", () => {
    const m = reviewDigestMessage(
      {
        day: "2026-06-15",
        total: 2,
        waiting: [
          { id: 4, number: "1", name: "Nhiệm vụ A", unitName: "Cục A" },
          { id: 5, number: null, name: "Nhiệm vụ B", unitName: "Cục B" },
        ],
        values: {
          total: 1,
          waiting: [{ id: 9, number: "11", name: "Tỷ lệ X", unitName: "Cục A", period: "2026-Q2" }],
        },
      },
      SITE,
    );
    expect(m.subject).toBe("2 báo cáo, 1 số liệu chỉ tiêu đang chờ duyệt (15/06/2026)");
    expect(m.text).toContain("- Cục A: 1. Nhiệm vụ A (https://giamsat.example.gov.vn/nhiem-vu/4)");
    expect(m.text).toContain(
      "- Cục A: Chỉ tiêu 11. Tỷ lệ X — Quý II/2026 (https://giamsat.example.gov.vn/chi-tieu/9)",
    );
    const only = reviewDigestMessage(
      { day: "2026-06-15", total: 1, waiting: [], values: { total: 0, waiting: [] } },
      SITE,
    );
    expect(only.subject).toBe("1 báo cáo đang chờ duyệt (15/06/2026)");
  });
});
