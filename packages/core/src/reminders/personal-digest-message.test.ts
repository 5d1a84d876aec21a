import { describe, expect, it } from "vitest";
import { personalDigestMessage } from "./personal-digest-message.js";

const SITE = "https://giamsat.example.gov.vn";

describe("personal digest message", () => {
  it("lists each gathered notice with its link, escaped in HTML", () => {
    const m = personalDigestMessage(
      {
        day: "2026-06-16",
        items: [
          { subject: "Báo cáo Tháng 5/2026 bị trả lại: <A>", link: "/nhiem-vu/3/bao-cao" },
          { subject: "Sắp đến hạn (30/06/2026): 2. B", link: "/nhiem-vu/4/bao-cao" },
        ],
      },
      SITE,
    );
    expect(m.kind).toBe("personal_digest");
    expect(m.subject).toBe("Tổng hợp 2 thông báo (16/06/2026)");
    expect(m.text).toContain(
      "- Báo cáo Tháng 5/2026 bị trả lại: <A> (https://giamsat.example.gov.vn/nhiem-vu/3/bao-cao)",
    );
    expect(m.html).toContain("bị trả lại: &lt;A&gt;");
    expect(m.link).toBe("/thong-bao");
  });

  it("names how many are left out past 100", () => {
    const items = Array.from({ length: 103 }, (_, i) => ({ subject: `Việc ${i}`, link: "/" }));
    const m = personalDigestMessage({ day: "2026-06-16", items }, SITE);
    expect(m.subject).toBe("Tổng hợp 103 thông báo (16/06/2026)");
    expect(m.text).toContain("- … và 3 thông báo khác");
    expect(m.text).not.toContain("Việc 100");
  });
});
