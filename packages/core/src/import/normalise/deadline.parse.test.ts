import { describe, expect, it } from "vitest";
import { seedColumn } from "../../match/test-support/seed-cells.js";
import { parseDeadline } from "./deadline.parse.js";

const ctx = { year: 2026 };
const parse = (raw: string, year: number | null = 2026) => parseDeadline(raw, { year });
type Row = [raw: string, kind: string, due: string | null, start?: string | null];

function check(rows: Row[]) {
  for (const [raw, kind, due, start = null] of rows) {
    const { deadline } = parse(raw);
    expect({ raw, kind: deadline.kind, due: deadline.due, start: deadline.start }).toEqual({
      raw,
      kind,
      due,
      start,
    });
  }
}

describe("parseDeadline: cells of the seed documents", () => {
  it("reads months, quarters, years and dates", () => {
    check([
      ["30/4/2026", "date", "2026-04-30"],
      ["Quý I/2026", "date", "2026-03-31"],
      ["Quý II/2026", "date", "2026-06-30"],
      ["Quý III/2026", "date", "2026-09-30"],
      ["Quý IV/2030", "date", "2030-12-31"],
      ["10/6/2026", "date", "2026-06-10"],
      ["31/12/2026", "date", "2026-12-31"],
      ["Năm 2026", "date", "2026-12-31"],
      ["Trong năm 2026", "date", "2026-12-31"],
      ["2026", "date", "2026-12-31"],
      ["Trong Quý I/2026", "date", "2026-03-31"],
      ["Trong Quý III/2026", "date", "2026-09-30"],
      ["Tháng 12/2026", "date", "2026-12-31"],
      ["Trong tháng 02/2026", "date", "2026-02-28"],
      ["<p>Trong tháng 5/2026</p>", "date", "2026-05-31"],
      ["Trước ngày 31/3/2026", "date", "2026-03-30"],
      ["Hoàn thành trước ngày 01/3/2026", "date", "2026-02-28"],
      ["2026 - 2030", "range", "2030-12-31", "2026-01-01"],
    ]);
  });

  it("reads recurring forms", () => {
    expect(parse("Thường xuyên").deadline).toMatchObject({
      kind: "recurring",
      recurrence: "continuous",
      due: null,
    });
    expect(parse("<p>Thường xuyên</p>").deadline.recurrence).toBe("continuous");
    expect(parse("Thường\nxuyên").deadline.recurrence).toBe("continuous");
    expect(parse("Thường niên").deadline.recurrence).toBe("yearly");
    expect(parse("Thường niên và Thường xuyên").deadline.recurrence).toBe("yearly");
  });

  it("keeps text without a date as unresolved, with a warning", () => {
    for (const raw of [
      "Theo kế hoạch năm hoặc đột xuất",
      "Theo mức độ hoàn thiện CSDL",
      "Theo tiến độ hoàn thành các cơ sở dữ liệu",
      "Thời hạn trình theo văn bản giao nhiệm vụ, các chỉ đạo của Chính phủ, Lãnh đạo Chính phủ; thời hạn ban hành, có hiệu lực đồng bộ với Luật",
      "Thời hạn",
    ]) {
      const { deadline, warnings } = parse(raw);
      expect(deadline).toMatchObject({ raw, kind: "unresolved", due: null, start: null });
      expect(warnings.map((w) => w.code)).toEqual(["deadline_unresolved"]);
    }
  });

  it("gives kind none for an empty cell", () => {
    expect(parse("").deadline).toEqual({
      raw: "",
      kind: "none",
      due: null,
      start: null,
      recurrence: null,
      note: null,
    });
    expect(parse("  \n ").deadline.kind).toBe("none");
  });
});

describe("parseDeadline: other forms of the family", () => {
  it("reads month forms and month ranges", () => {
    check([
      ["4/2025", "date", "2025-04-30"],
      ["04/2025", "date", "2025-04-30"],
      ["Tháng 2/2028", "date", "2028-02-29"],
      ["Tháng 3 năm 2027", "date", "2027-03-31"],
      ["5-6/2025", "range", "2025-06-30", "2025-05-01"],
      ["04-6/2025", "range", "2025-06-30", "2025-04-01"],
      ["8/2025-9/2026", "range", "2026-09-30", "2025-08-01"],
      ["2027 – 6/2028", "range", "2028-06-30", "2027-01-01"],
      ["Giai đoạn 2026-2030", "range", "2030-12-31", "2026-01-01"],
      ["Quý I - Quý II/2027", "range", "2027-06-30", "2027-01-01"],
      ["Từ tháng 3/2026 đến tháng 9/2026", "range", "2026-09-30", "2026-03-01"],
      ["quý I/2026", "date", "2026-03-31"],
      ["Quý IV/2026 - Quý I/2027", "range", "2027-03-31", "2026-10-01"],
      ["30/6/2026 - 31/12/2026", "range", "2026-12-31", "2026-06-30"],
      ["Tháng 3/2026 đến tháng 6/2026", "range", "2026-06-30", "2026-03-01"],
      ["Quý 4 năm 2026", "date", "2026-12-31"],
      ["Chậm nhất ngày 15/11/2026", "date", "2026-11-15"],
      ["ngày 15 tháng 7 năm 2026", "date", "2026-07-15"],
      ["Trước tháng 6/2026", "date", "2026-05-31"],
      ["Trước năm 2027", "date", "2026-12-31"],
      ["Trước ngày 01/01/2027", "date", "2026-12-31"],
    ]);
  });

  it("reads a month without year beside a year as that year's, never the plan's", () => {
    const { deadline, warnings } = parse("Tháng 6 và tháng 12/2026", 2025);
    expect(deadline).toMatchObject({ kind: "date", due: "2026-12-31" });
    expect(warnings).toEqual([]);
  });

  it("reads early and mid year as the end of its first quarter and half, with a warning", () => {
    const early = parse("Đầu năm 2027");
    expect(early.deadline).toMatchObject({ kind: "date", due: "2027-03-31" });
    expect(early.warnings.map((w) => w.code)).toEqual(["deadline_approximate"]);
    expect(parse("Giữa năm 2027").deadline.due).toBe("2027-06-30");
    expect(parse("Đến hết năm 2026").deadline).toMatchObject({ due: "2026-12-31", note: null });
    expect(parse("6 tháng/lần").deadline).toMatchObject({ kind: "recurring", recurrence: null });
  });

  it("handles leap years", () => {
    check([
      ["29/2/2028", "date", "2028-02-29"],
      ["Trước ngày 01/3/2028", "date", "2028-02-29"],
    ]);
  });

  it("rejects dates that do not exist, with a warning", () => {
    for (const raw of ["31/2/2026", "29/2/2026", "13/2026", "31/4/2026"]) {
      const { deadline, warnings } = parse(raw);
      expect(deadline).toMatchObject({ raw, kind: "unresolved", due: null });
      expect(warnings.map((w) => w.code)).toEqual(["deadline_invalid_date"]);
    }
  });

  it("reads recurring forms with a frequency or a year", () => {
    expect(parse("Hàng năm").deadline.recurrence).toBe("yearly");
    expect(parse("Hàng quý").deadline.recurrence).toBe("quarterly");
    expect(parse("Hàng tháng").deadline.recurrence).toBe("monthly");
    expect(parse("Nhiệm vụ thường xuyên cả năm 2025").deadline).toMatchObject({
      kind: "recurring",
      recurrence: "continuous",
      start: "2025-01-01",
      due: "2025-12-31",
    });
  });

  it("reads a date repeated every year as recurring, first due in the plan's year", () => {
    const { deadline, warnings } = parse("Trước 15/12 hằng năm");
    expect(deadline).toMatchObject({ kind: "recurring", recurrence: "yearly", due: "2026-12-14" });
    expect(warnings).toEqual([]);
    expect(parse("Tháng 6 hàng năm").deadline).toMatchObject({
      recurrence: "yearly",
      due: "2026-06-30",
    });
  });

  it("keeps a note written after a date", () => {
    const { deadline } = parse("6/2025 (thường xuyên khi có văn bản mới)");
    expect(deadline).toMatchObject({
      kind: "date",
      due: "2025-06-30",
      note: "thường xuyên khi có văn bản mới",
    });
    expect(parse("Quý IV/2026; báo cáo kết quả").deadline).toMatchObject({
      due: "2026-12-31",
      note: "báo cáo kết quả",
    });
  });

  it("takes the plan's year for a month without year, and warns", () => {
    const { deadline, warnings } = parse("Tháng 9");
    expect(deadline).toMatchObject({ kind: "date", due: "2026-09-30" });
    expect(warnings.map((w) => w.code)).toEqual(["deadline_year_assumed"]);
    expect(warnings[0]?.message).toContain("2026");
    const none = parse("Tháng 9", null);
    expect(none.deadline).toMatchObject({ kind: "unresolved", due: null });
    expect(none.warnings.map((w) => w.code)).toEqual(["deadline_unresolved"]);
  });

  it("repairs OCR damage that leaves the date readable", () => {
    for (const raw of ["4/20025", "4//2025", "4 / 2025"]) {
      const { deadline, warnings } = parse(raw);
      expect(deadline).toMatchObject({ raw, kind: "date", due: "2025-04-30" });
      expect(warnings.map((w) => w.code)).toEqual(["deadline_ocr_fixed"]);
    }
  });

  it("keeps relative and dependent deadlines unresolved", () => {
    for (const raw of [
      "Không quá 7 ngày từ khi nhận được văn bản",
      "30 ngày sau khi Trung ương ban hành",
      "Theo tiến độ của dự án",
      "Khi có yêu cầu",
    ]) {
      const { deadline, warnings } = parse(raw);
      expect(deadline).toMatchObject({ raw, kind: "unresolved", due: null });
      expect(warnings[0]?.code).toBe("deadline_unresolved");
    }
  });

  it("finds a date written inside a sentence", () => {
    const { deadline } = parse("Trình Chính phủ trong Quý II/2026, ban hành trong Quý IV/2026");
    expect(deadline).toMatchObject({ kind: "date", due: "2026-12-31" });
  });

  it("never invents a date where the text has none", () => {
    for (const raw of ["Sớm nhất có thể", "Ngay sau khi được phê duyệt", "12", "Đột xuất"]) {
      expect(parse(raw).deadline.due).toBeNull();
    }
  });

  it("keeps raw exactly as given", () => {
    const raw = " Quý\u00a0IV/2026\r\n";
    expect(parseDeadline(raw, ctx).deadline).toMatchObject({ raw, due: "2026-12-31" });
  });
});

describe("parseDeadline on every deadline cell of the seeds", () => {
  const cells = [
    ...seedColumn("qd596-bct-2026-nq57-plan.txt", /^Thời hạn hoàn thành$/),
    ...seedColumn("bcdcp-2026-appendix2-interministerial-tasks.txt", /^Thời hạn$/),
    ...seedColumn("qd405-bct-2026-2030-digital-transformation.txt", /^Thời gian thực hiện$/),
  ];

  it("reads a date, a range or a recurrence from every cell that writes one", () => {
    expect(cells.length).toBeGreaterThan(150);
    for (const raw of cells) {
      const { deadline } = parseDeadline(raw, ctx);
      expect(deadline.raw).toBe(raw);
      const textual = /^(Theo|Thời hạn trình)/.test(raw);
      if (raw === "") expect(deadline.kind).toBe("none");
      else if (textual) expect(deadline.kind, raw).toBe("unresolved");
      else expect(["date", "range", "recurring"], raw).toContain(deadline.kind);
      if (deadline.due) expect(deadline.due, raw).toMatch(/^20(2[5-9]|30)-\d\d-\d\d$/);
    }
  });
});
