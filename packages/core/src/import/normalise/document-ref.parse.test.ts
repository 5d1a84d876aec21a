import { describe, expect, it } from "vitest";
import { seedColumn } from "../../match/test-support/seed-cells.js";
import { parseDocumentDate, parseDocumentNumber } from "./document-ref.header.js";
import { parseDocumentRefs, refersTo, sameDocument } from "./document-ref.parse.js";

const one = (raw: string) => {
  const refs = parseDocumentRefs(raw);
  expect(refs).toHaveLength(1);
  return refs[0]!;
};

describe("parseDocumentRefs", () => {
  it("reads type, number and date", () => {
    expect(one("Thông báo số 17-TB/CQTTBCĐ ngày 29/12/2025")).toEqual({
      raw: "Thông báo số 17-TB/CQTTBCĐ ngày 29/12/2025",
      kind: "Thông báo",
      number: "17-TB/CQTTBCĐ",
      date: "2025-12-29",
      key: "tb:17:2025-12-29",
    });
    expect(one("Quyết định số 11/QĐ-BCĐCP ngày 27/02/2026")).toMatchObject({
      kind: "Quyết định",
      number: "11/QĐ-BCĐCP",
      date: "2026-02-27",
    });
    expect(one("Nghị quyết 66.7/2025/NQ-CP ngày 15 tháng 11 năm 2025;")).toMatchObject({
      kind: "Nghị quyết",
      number: "66.7/2025/NQ-CP",
      date: "2025-11-15",
    });
    expect(one("Thông báo số 20- TB/CQTTBCĐ, 16/3/2026")).toMatchObject({
      number: "20-TB/CQTTBCĐ",
      date: "2026-03-16",
    });
    expect(one("Thông báo số 17-\nTB/CQTTBCĐ ngày 29/12/2025")).toMatchObject({
      number: "17-TB/CQTTBCĐ",
    });
    expect(
      one("Văn bản số 300/VPCP-KGVX ngày 10/01/2026 về việc thực hiện ý kiến chỉ đạo"),
    ).toMatchObject({
      kind: "Văn bản",
      number: "300/VPCP-KGVX",
    });
    expect(one("Công văn số 59-CV/BCĐ ngày 12/9/2025 của Ban Chỉ đạo Trung ương")).toMatchObject({
      kind: "Công văn",
    });
    expect(one("Chỉ thị số 9/CT-TTg ngày 23/2/2024 của Thủ tướng")).toMatchObject({
      kind: "Chỉ thị",
      date: "2024-02-23",
    });
    expect(one("Nghị định số 40/2025/NĐ-CP ngày 26 tháng 2 năm 2025")).toMatchObject({
      kind: "Nghị định",
    });
    expect(one("Thông tư số 12/2025/TT-BCT")).toMatchObject({
      kind: "Thông tư",
      key: "tt:12:2025:bct",
    });
    expect(one("Kế hoạch số 02-KH/BCĐTW của Ban Chỉ đạo Trung ương")).toMatchObject({
      kind: "Kế hoạch",
      number: "02-KH/BCĐTW",
    });
    expect(one("Chương trình số 02-CTr/BCĐTW ngày 02/02/2026")).toMatchObject({
      kind: "Chương trình",
    });
  });

  it("reads a number cited without a kind word from its type code", () => {
    expect(one("Theo 71/NQ-CP ngày 01/4/2025")).toMatchObject({
      kind: "Nghị quyết",
      number: "71/NQ-CP",
      key: "nq:71:2025-04-01",
    });
    expect(one("Nhiệm vụ tại 02-CTr/BCĐTW")).toMatchObject({
      kind: "Chương trình",
      number: "02-CTr/BCĐTW",
    });
    expect(one("Văn bản 43/BGDĐT-KHCNTT")).toMatchObject({
      kind: "Văn bản",
      number: "43/BGDĐT-KHCNTT",
    });
  });

  it("keeps only the assigning document of an item, not the ones it describes", () => {
    const ref = one(
      "Nghị quyết số 281/NQ-CP ngày 15/9/2025 ban hành Chương trình hành động của Chính phủ thực hiện Nghị quyết số 71-NQ/TW",
    );
    expect(ref.number).toBe("281/NQ-CP");
  });

  it("splits lists", () => {
    const refs = parseDocumentRefs(
      "(1) Quyết định 1131/QĐ-TTg ngày 12/6/2025 của Thủ tướng Chính phủ; (2) Văn bản số 4649/VPCP-KGVX ngày 14/10/2025",
    );
    expect(refs.map((r) => r.number)).toEqual(["1131/QĐ-TTg", "4649/VPCP-KGVX"]);
    const tgv = parseDocumentRefs(
      "Các Thông báo của Tổ Giúp việc Ban Chỉ đạo Trung ương: số 30-TB/TGV, số 53-TB/TGV",
    );
    expect(tgv.map((r) => [r.kind, r.number])).toEqual([
      ["Thông báo", "30-TB/TGV"],
      ["Thông báo", "53-TB/TGV"],
    ]);
    const mixed = parseDocumentRefs(
      "Quyết định số 125/QĐ-TTg ngày 16/01/2026; Quyết định 2835/QĐ-TTg ngày 31/12/2025, Nghị quyết số 71/NQ-CP, Nghị quyết số 11/NQ-CP ngày 14/01/2026",
    );
    expect(mixed.map((r) => r.number)).toEqual([
      "125/QĐ-TTg",
      "2835/QĐ-TTg",
      "71/NQ-CP",
      "11/NQ-CP",
    ]);
    const both = parseDocumentRefs(
      "Chỉ thị số 07/CT-TTg ngày 14/3/2025 và Chỉ thị số 24/CT-TTg ngày 13/9/2025",
    );
    expect(both.map((r) => r.date)).toEqual(["2025-03-14", "2025-09-13"]);
  });

  it("reads laws by name, articles kept in raw", () => {
    const law = one("Luật Ngân sách nhà nước (Điều 25, Điều 27)");
    expect(law).toMatchObject({ kind: "Luật", number: null, key: "luat:ngan sach nha nuoc" });
    expect(law.raw).toContain("Điều 27");
    const refs = parseDocumentRefs("Luật Dữ liệu, Thông báo 43/TB-VPCP");
    expect(refs.map((r) => r.key)).toEqual(["luat:du lieu", "tb:43:vpcp"]);
    expect(one("Nhiệm vụ được giao tại Luật Chuyển đổi số 2025").key).toBe("luat:chuyen doi so");
    expect(one("Luật Chuyển đổi số (hiệu lực thi hành ngày 01/7/2026)").key).toBe(
      "luat:chuyen doi so",
    );
  });

  it("marks proposals and keeps text that names no document", () => {
    expect(one("Đề xuất mới của Bộ Nội vụ")).toMatchObject({
      kind: "Đề xuất",
      number: null,
      key: null,
    });
    expect(one("Bộ Công an đề xuất mới nhằm bảo đảm an ninh an toàn")).toMatchObject({
      kind: "Đề xuất",
    });
    expect(
      one("Bộ Công an đề xuất nhiệm vụ theo Chỉ thị số 18/CT-TTg ngày 30/5/2023"),
    ).toMatchObject({
      kind: "Chỉ thị",
      number: "18/CT-TTg",
    });
    expect(one("Ý kiến chỉ đạo của Lãnh đạo Bộ")).toMatchObject({ kind: null, key: null });
    expect(parseDocumentRefs("")).toEqual([]);
  });

  it("gives one key to all spellings of a document and different keys to different documents", () => {
    const keys = (raw: string) => one(raw).key;
    const k17 = keys("Thông báo số 17-TB/CQTTBCĐ ngày 29/12/2025");
    for (const variant of [
      "Thông báo số 17- TB/CQTTBCĐ ngày 29/12/2025",
      "Thông báo số 17-TB/CQTĐBCĐ ngày 29/12/2025",
      "Thông báo số 17-TB/CQTTBCD ngày 29/12/2025",
      "Thông báo số 17-TB/CQT/BCĐ ngày 29/12/2025",
      "Thông báo kết luận số 17-TB/CQTTCĐ ngày 29 tháng 12 năm 2025",
    ]) {
      expect(keys(variant)).toBe(k17);
    }
    expect(keys("Thông báo số 06 - TB/CQTTBCD ngày 27/9/2025")).toBe(
      keys("Thông báo số 06-TB/CQTTBCĐ ngày 27/9/2025"),
    );
    expect(keys("Thông báo số 20-TB/CQTTBCĐ, 16/3/2026")).not.toBe(k17);
    expect(keys("Nghị quyết số 11/NQ-CP ngày 14/01/2026")).not.toBe(
      keys("Quyết định số 11/QĐ-BCĐCP ngày 27/02/2026"),
    );
    expect(keys("Thông báo số 07-TB/TGV")).not.toBe(keys("Thông báo số 07-TB/CQTTBCĐ"));
    expect(keys("Thông báo số 07-TB/CQTTBCD")).toBe(keys("Thông báo số 07-TB/CQTĐBCĐ"));
  });

  it("relates dated and undated spellings with sameDocument", () => {
    const [a, b, c] = [
      one("Nghị quyết số 71/NQ-CP"),
      one("Nghị quyết số 71/NQ-CP ngày 01/4/2025"),
      one("Nghị quyết số 71-NQ/TW"),
    ];
    expect(sameDocument(a, b)).toBe(true);
    expect(sameDocument(a, c)).toBe(false);
    expect(sameDocument(b, one("Nghị quyết số 71/NQ-CP ngày 01/4/2026"))).toBe(false);
  });
});

describe("refersTo", () => {
  const ref = parseDocumentRefs("Quyết định số 11/QĐ-BCĐCP ngày 27/02/2026")[0]!;
  it("knows a reference to a plan by its number", () => {
    const plan = { kind: "Quyết định", number: "11/QĐ-BCĐCP", date: "2026-02-27", issuer: null };
    expect(refersTo(ref, plan)).toBe(true);
    expect(refersTo(ref, { ...plan, date: "2026-03-01" })).toBe(false);
    expect(refersTo(ref, { ...plan, number: "12/QĐ-BCĐCP" })).toBe(false);
  });
  it("knows it when the plan's number is blank, by kind and the issuer's initials", () => {
    const draft = {
      kind: "Quyết định",
      number: null,
      date: null,
      issuer: "Ban Chỉ đạo của Chính phủ",
    };
    expect(refersTo(ref, draft)).toBe(true);
    expect(refersTo(ref, { ...draft, issuer: "Bộ Công Thương" })).toBe(false);
    expect(refersTo(ref, { ...draft, kind: "Kế hoạch" })).toBe(false);
  });
});

describe("parseDocumentRefs on every basis cell of plan 596", () => {
  const cells = seedColumn("qd596-bct-2026-nq57-plan.txt", /^Văn bản giao$/);
  const refs = cells.flatMap((c) => parseDocumentRefs(c));

  it("finds the cells (28 + 63 tasks)", () => {
    expect(cells).toHaveLength(91);
  });

  it("gives every spelling of Thông báo 17-TB/CQTTBCĐ one key, apart from 20-TB and 22-TB", () => {
    const spelt17 = refs.filter((r) => /^17-TB\//.test(r.number ?? ""));
    expect(spelt17.length).toBeGreaterThanOrEqual(19);
    expect(new Set(spelt17.map((r) => r.key)).size).toBe(1);
    const k20 = refs.find((r) => r.number?.startsWith("20-TB"))?.key;
    const k22 = refs.find((r) => r.number?.startsWith("22-TB"))?.key;
    expect(new Set([spelt17[0]!.key, k20, k22]).size).toBe(3);
    expect(new Set(refs.filter((r) => r.number?.startsWith("20-TB")).map((r) => r.key)).size).toBe(
      1,
    );
  });

  it("dates every numbered reference that writes a date", () => {
    for (const r of refs) {
      if (/\d{1,2}\/\d{1,2}\/\d{4}/.test(r.raw) && r.number) expect(r.date, r.raw).not.toBeNull();
    }
  });
});

describe("document header helpers", () => {
  it("reads the document number", () => {
    expect(parseDocumentNumber("Số: **596** /QĐ-BCT")).toBe("596/QĐ-BCT");
    expect(parseDocumentNumber("Số: 4 0 5 /QĐ-BCT")).toBe("405/QĐ-BCT");
    expect(
      parseDocumentNumber("(Kèm theo Quyết định số /QĐ-BCĐCP ngày tháng 02 năm 2026)"),
    ).toBeNull();
    expect(parseDocumentNumber("Số: 12/2026/QĐ-UBND")).toBe("12/2026/QĐ-UBND");
    expect(parseDocumentNumber("QUYẾT ĐỊNH")).toBeNull();
  });
  it("reads the document date", () => {
    expect(parseDocumentDate("Hà Nội, ngày **31** tháng **3** năm 2026")).toBe("2026-03-31");
    expect(parseDocumentDate("Hà Nội, ngày 09 tháng 3 năm 2026")).toBe("2026-03-09");
    expect(parseDocumentDate("ngày tháng 02 năm 2026")).toBeNull();
  });
});
