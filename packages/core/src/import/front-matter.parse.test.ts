import { describe, expect, it } from "vitest";
import { documentDate, documentNumber, parseFrontMatter } from "./front-matter.parse.js";

const paras = (...texts: string[]) => texts.map((text) => ({ text }));

describe("document number and date", () => {
  it.each([
    ["Số: 596 /QĐ-BCT", "596/QĐ-BCT", "Quyết định"],
    ["Số: 4 0 5 /QĐ-BCT", "405/QĐ-BCT", "Quyết định"],
    ["Số: 12/KH-UBND", "12/KH-UBND", "Kế hoạch"],
    ["Quyết định số /QĐ-BCĐCP ngày tháng 02 năm 2026", null, "Quyết định"],
  ])("%s", (text, number, kind) => {
    expect(documentNumber(text)).toEqual({ number, kind });
  });

  it("reads full dates only", () => {
    expect(documentDate("Hà Nội, ngày 09 tháng 3 năm 2026")).toBe("2026-03-09");
    expect(documentDate("ngày 31/3/2026")).toBe("2026-03-31");
    expect(documentDate("ngày tháng 02 năm 2026")).toBeNull();
    expect(documentDate("ngày 31 tháng 2 năm 2026")).toBeNull();
  });
});

describe("parseFrontMatter", () => {
  it("reads a provincial draft plan", () => {
    const fm = parseFrontMatter(
      paras(
        "ỦY BAN NHÂN DÂN TỈNH LÀO CAI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "DỰ THẢO",
        "Số: /KH-UBND",
        "Lào Cai, ngày 15 tháng 01 năm 2026",
        "KẾ HOẠCH",
        "Chuyển đổi số tỉnh Lào Cai năm 2026",
        "Căn cứ Luật Chuyển đổi số ngày 11/12/2025;",
      ),
      [],
    );
    expect(fm).toMatchObject({
      kind: "Kế hoạch",
      number: null,
      date: "2026-01-15",
      title: "Chuyển đổi số tỉnh Lào Cai năm 2026",
      draft: true,
      numberBlank: true,
      issuerText: "ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
    });
  });

  it.each([
    ["a numbered section", "1. Cụ thể hóa các nhiệm vụ chuyển đổi số năm 2026 của tỉnh"],
    ["a sentence", "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau."],
    ["a long paragraph", `Kế hoạch này nhằm ${"triển khai đồng bộ các nhiệm vụ, ".repeat(8)}`],
  ])("ends the title before %s", (_what, prose) => {
    const fm = parseFrontMatter(
      paras("KẾ HOẠCH", "Chuyển đổi số tỉnh Lào Cai", "năm 2026", prose, "1. Mục đích"),
      [],
    );
    expect(fm.title).toBe("Chuyển đổi số tỉnh Lào Cai năm 2026");
  });

  it("keeps a long first title line and an ellipsis", () => {
    const long =
      `Về việc ban hành Kế hoạch ${"thực hiện các nhiệm vụ được giao ".repeat(6)}`.trim();
    expect(parseFrontMatter(paras("QUYẾT ĐỊNH", long), []).title).toBe(long);
    expect(parseFrontMatter(paras("KẾ HOẠCH", "Chuyển đổi số...", "năm 2026"), []).title).toBe(
      "Chuyển đổi số... năm 2026",
    );
  });

  it("does not take a number or a date from the `Căn cứ` lines", () => {
    const fm = parseFrontMatter(
      paras("QUYẾT ĐỊNH", "Căn cứ Nghị định số 40/2025/NĐ-CP ngày 26 tháng 2 năm 2025;"),
      [],
    );
    expect(fm.number).toBeNull();
    expect(fm.date).toBeNull();
  });

  it("describes a document that is only an appendix by its caption", () => {
    const fm = parseFrontMatter(
      [],
      [
        "(Kèm theo Quyết định số 4 0 5 /QĐ-BCT ngày 09 tháng 3 năm 2026 của Bộ trưởng Bộ Công Thương)",
      ],
    );
    expect(fm).toMatchObject({
      kind: "Quyết định",
      number: "405/QĐ-BCT",
      date: "2026-03-09",
      issuerText: "Bộ Công Thương",
    });
  });
});
