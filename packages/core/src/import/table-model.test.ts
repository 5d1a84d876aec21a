/**
 * The table model on small invented documents of the family (not the seeds): Markdown pipe
 * tables, other column orders and sets, an indicator table, sub-group roles, milestones,
 * continuation rows, recurring tables.
 */
import { describe, expect, it } from "vitest";
import { parsePlanText } from "./import-document.js";

const tsv = (...rows: string[][]) => rows.map((r) => r.join("\t")).join("\n");

describe("a provincial plan as Markdown with a different column order", () => {
  const md = [
    "**ỦY BAN NHÂN DÂN TỈNH AN GIANG**",
    "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**",
    "Số: 1 2 /KH-UBND",
    "An Giang, ngày 05 tháng 01 năm 2026",
    "**KẾ HOẠCH**",
    "**Triển khai chuyển đổi số năm 2026**",
    "",
    "PHỤ LỤC",
    "DANH MỤC NHIỆM VỤ NĂM 2026",
    "",
    "| STT | Thời hạn | Nội dung nhiệm vụ | Sản phẩm chủ yếu | Đơn vị chủ trì | Đơn vị phối hợp | Ghi chú |",
    "| :-- | :-- | :-- | :-- | :-- | :-- | :-- |",
    "| **I** | | **NHIỆM VỤ CHUNG** | | | | |",
    "| 1. | Quý II/2026 | Ban hành quy chế quản lý dữ liệu<br>của tỉnh | Quyết định của UBND tỉnh | Sở Khoa học và Công nghệ | Các sở, ngành | Ưu tiên |",
    "| 2. | 30/6/2026 | Nâng cấp Cổng dịch vụ công | Hệ thống được nâng cấp | Văn phòng UBND tỉnh | | |",
    "| **II** | | **NHIỆM VỤ CỦA CẤP XÃ** | | | | |",
    "| 4 (bs) | Thường xuyên | Số hóa hồ sơ thủ tục hành chính | Hồ sơ được số hóa | UBND các xã, phường | Sở Nội vụ | |",
  ].join("\n");
  const r = parsePlanText(md);

  it("reads the front matter", () => {
    expect(r.document).toMatchObject({
      kind: "Kế hoạch",
      number: "12/KH-UBND",
      date: "2026-01-05",
      draft: false,
    });
    expect(r.document.title).toBe("Triển khai chuyển đổi số năm 2026");
  });

  it("maps columns by header text, not position", () => {
    const [ap] = r.appendices;
    expect(ap?.kind).toBe("tasks");
    expect(ap?.columns[0]).toBe("STT");
    expect(ap?.groups.map((g) => [g.number, g.title])).toEqual([
      ["I", "NHIỆM VỤ CHUNG"],
      ["II", "NHIỆM VỤ CỦA CẤP XÃ"],
    ]);
    const [t1, t2, t4] = ap?.tasks ?? [];
    expect(t1).toMatchObject({
      number: "1",
      name: "Ban hành quy chế quản lý dữ liệu\ncủa tỉnh",
      output: "Quyết định của UBND tỉnh",
      groupPath: ["I"],
      extra: { "Ghi chú": "Ưu tiên" },
    });
    expect(t1?.deadline).toMatchObject({ raw: "Quý II/2026", due: "2026-06-30" });
    expect(t1?.lead.map((o) => o.raw)).toEqual(["Sở Khoa học và Công nghệ"]);
    expect(t2?.coordinators).toEqual([]);
    expect(t4).toMatchObject({ number: "4 (bs)", groupPath: ["II"], kind: "recurring" });
  });

  it("warns about the number gap before 4 (bs)", () => {
    expect(r.warnings.some((w) => w.code === "number_gap" && w.line === 17)).toBe(true);
  });
});

describe("page breaks in converted text", () => {
  const header = ["TT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Kết quả", "Thời hạn hoàn thành"];
  const text = [
    "PHỤ LỤC I",
    "NHIỆM VỤ CÓ THỜI HẠN",
    "",
    tsv(header, [
      "1.",
      "Xây dựng cơ sở dữ liệu về doanh",
      "Cục Thương mại điện",
      "Cơ sở dữ liệu",
      "Quý IV/2026",
    ]),
    "",
    tsv(
      header,
      ["", "nghiệp theo Thông báo số 17-", "tử và Kinh tế số", "", ""],
      ["2.", "Ban hành kế hoạch", "Vụ Pháp chế", "Kế hoạch", "30/4/2026"],
    ),
    "",
    tsv(
      header.map((h, i) => (i === 2 ? `${h} năm 2026` : h)),
      ["3.", "Đào tạo kỹ năng số", "Vụ Tổ chức cán bộ", "Lớp đào tạo", "Năm 2026"],
    ),
  ].join("\n");
  const r = parsePlanText(text);
  const tasks = r.appendices[0]?.tasks ?? [];

  it("drops repeated headers and joins continuation rows to the row above", () => {
    expect(r.appendices).toHaveLength(1);
    expect(tasks.map((t) => t.number)).toEqual(["1", "2", "3"]);
    expect(tasks[0]?.name).toBe("Xây dựng cơ sở dữ liệu về doanh nghiệp theo Thông báo số 17-");
    expect(tasks[0]?.lead[0]?.raw).toBe("Cục Thương mại điện tử và Kinh tế số");
  });

  it("gives text glued to a repeated header back to the row above", () => {
    expect(tasks[1]?.lead[0]?.raw).toBe("Vụ Pháp chế năm 2026");
  });
});

describe("milestones under a task", () => {
  const text = [
    "PHỤ LỤC",
    tsv(
      ["STT", "Nhiệm vụ", "Chủ trì", "Sản phẩm", "Thời gian hoàn thành"],
      [
        "1",
        "Xây dựng nền tảng số của tỉnh",
        "Sở Khoa học và Công nghệ",
        "Nền tảng",
        "Tháng 12/2026",
      ],
      [
        "",
        "<i>Giai đoạn 1: khảo sát, thiết kế</i>",
        "",
        "<i>Báo cáo khảo sát</i>",
        "<i>Tháng 3/2026</i>",
      ],
      ["", "<i>Nghiệm thu, vận hành thử</i>", "", "<i>Biên bản</i>", "<i>3/2027</i>"],
      ["", "<i>Nhiệm vụ triển khai năm 2027</i>", "", "", ""],
      ["2", "Tập huấn", "Sở Nội vụ", "Lớp tập huấn", "Quý II/2026"],
    ),
  ].join("\n");
  const r = parsePlanText(text);
  const [t1, t2] = r.appendices[0]?.tasks ?? [];

  it("attaches italic rows without a number to the task above, with their own deadline and kind", () => {
    expect(r.appendices[0]?.tasks).toHaveLength(2);
    expect(t1?.milestones.map((m) => [m.name, m.kind, m.output, m.deadline.due])).toEqual([
      ["Giai đoạn 1: khảo sát, thiết kế", "phase", "Báo cáo khảo sát", "2026-03-31"],
      ["Nghiệm thu, vận hành thử", "step", "Biên bản", "2027-03-31"],
      ["Nhiệm vụ triển khai năm 2027", "label", null, null],
    ]);
    expect(t2?.milestones).toEqual([]);
  });

  it("keeps a milestone due after its task and warns", () => {
    const w = r.warnings.find((x) => x.code === "milestone_after_deadline");
    expect(w?.line).toBe(5);
  });
});

describe("sub-groups by role", () => {
  const text = [
    "PHỤ LỤC II",
    tsv(
      ["TT", "TT trong NQ03", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn"],
      ["A", "", "NHIỆM VỤ BỘ ĐƯỢC GIAO CHỦ TRÌ", "", ""],
      ["1", "12", "Xây dựng Đề án", "Vụ Pháp chế", "2026"],
      ["B", "", "NHIỆM VỤ BỘ ĐƯỢC GIAO PHỐI HỢP", "", ""],
      ["2", "40", "Phối hợp xây dựng hệ thống", "Cục Công nghiệp", "2027"],
    ),
  ].join("\n");
  const ap = parsePlanText(text).appendices[0];

  it("keeps the role of the sub-group on its tasks, and the parent programme's number", () => {
    expect(ap?.groups.map((g) => [g.number, g.role])).toEqual([
      ["A", "lead"],
      ["B", "support"],
    ]);
    expect(ap?.tasks.map((t) => [t.number, t.refNumber, t.role, t.groupPath.join("/")])).toEqual([
      ["1", "12", "lead", "A"],
      ["2", "40", "support", "B"],
    ]);
  });
});

describe("an indicator table (the spec's invented example)", () => {
  const text = [
    "PHỤ LỤC III",
    "CHỈ TIÊU CHUYỂN ĐỔI SỐ",
    "",
    "TT\tChỉ tiêu\tĐơn vị tính\tKết quả\tĐơn vị chủ trì\tKỳ báo cáo",
    "1.\tTỷ lệ hồ sơ xử lý trực tuyến\t%\t≥ 90\tVăn phòng Sở\t",
    "\t<i>Năm 2026</i>\t%\t<i>70</i>\t\t",
    "\t<i>Năm 2027</i>\t%\t<i>80</i>\t\t",
    "\t<i>Theo dõi số liệu trên hệ thống</i>\t\t<i>Báo cáo</i>\t\t<i>Hàng tháng</i>",
    "2.\tXếp hạng chỉ số chuyển đổi số\tThứ bậc\t≤ 10 cả nước\tSở Khoa học và Công nghệ\t",
    "\t<i>Quý IV/2026</i>\t\t<i>Tăng 02 bậc</i>\t\t",
    "3.\tDoanh nghiệp số\t\t\tSở Công Thương\tHàng quý",
    "3.1\tSố doanh nghiệp công nghệ số\tDoanh nghiệp\t≥ 500\tSở Công Thương\t",
  ].join("\n");
  const r = parsePlanText(text);
  const ap = r.appendices[0];

  it("reads indicators with periods, activities, sub-indicators and frequency", () => {
    expect(ap?.kind).toBe("indicators");
    expect(ap?.tasks).toEqual([]);
    const [i1, i2, i3, i31] = ap?.indicators ?? [];
    expect(ap?.indicators).toHaveLength(4);
    expect(i1).toMatchObject({ number: "1", unit: "%", parentNumber: null });
    expect(i1?.target?.parts[0]).toMatchObject({ op: ">=", value: 90 });
    expect(i1?.periods.map((p) => [p.period, p.target.parts[0]?.value])).toEqual([
      ["2026", 70],
      ["2027", 80],
    ]);
    expect(i1?.activities).toEqual([
      { name: "Theo dõi số liệu trên hệ thống", output: "Báo cáo", frequency: "Hàng tháng" },
    ]);
    expect(i2?.target?.parts[0]).toMatchObject({ op: "<=", value: 10 });
    expect(i2?.periods[0]).toMatchObject({ period: "2026-Q4", label: "Quý IV/2026" });
    expect(i3).toMatchObject({ unit: null, target: null, frequency: "quarterly" });
    expect(i31).toMatchObject({ number: "3.1", parentNumber: "3" });
  });

  it("does not warn that a header indicator has no target", () => {
    expect(r.warnings.filter((w) => w.code === "indicator_without_target")).toEqual([]);
  });
});

describe("a table of recurring tasks", () => {
  const text = [
    "PHỤ LỤC II",
    "NHIỆM VỤ THƯỜNG XUYÊN",
    tsv(
      ["STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Kết quả"],
      ["1.", "Theo dõi, đôn đốc", "Văn phòng Bộ", "Báo cáo"],
    ),
  ].join("\n");
  it("makes every task recurring (continuous) when there is no deadline column", () => {
    const [task] = parsePlanText(text).appendices[0]?.tasks ?? [];
    expect(task).toMatchObject({
      kind: "recurring",
      deadline: { kind: "recurring", recurrence: "continuous", raw: "" },
    });
  });
});

describe("documents that are not plans", () => {
  it("never throws and reports that no table was found", () => {
    for (const text of ["", "Chỉ có một đoạn văn.", "\t\t\n|", "<b><i>", "PHỤ LỤC I\n(Kèm theo"]) {
      const r = parsePlanText(text);
      expect(r.appendices).toEqual([]);
      expect(r.warnings.map((w) => w.code)).toContain("no_tables");
    }
  });
});

describe("rows of other plans' shapes", () => {
  it("reads bullet rows under a task as its steps", () => {
    const text = tsv(
      ["STT", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Kết quả"],
      ["1", "Triển khai nền tảng", "Sở Nội vụ", "12/2026", "Nền tảng"],
      ["", "- Khảo sát", "", "3/2026", "Báo cáo"],
      ["", "- Thiết kế", "", "6/2026", "Hồ sơ"],
      ["2", "Đào tạo", "Sở Nội vụ", "2026", "Lớp học"],
    );
    const tasks = parsePlanText(text).appendices[0]?.tasks ?? [];
    expect(tasks.map((t) => [t.number, t.name, t.milestones.map((m) => m.name)])).toEqual([
      ["1", "Triển khai nền tảng", ["- Khảo sát", "- Thiết kế"]],
      ["2", "Đào tạo", []],
    ]);
  });

  it("reads a table without a number column: every row is a task, title rows are groups", () => {
    const text =
      "PHỤ LỤC\n" +
      tsv(
        ["Nhiệm vụ", "Chủ trì", "Thời hạn"],
        ["CẢI CÁCH HÀNH CHÍNH", "", ""],
        ["Công bố thủ tục", "Sở Nội vụ", "2026"],
        ["Số hóa hồ sơ", "Sở Tư pháp", "2027"],
      );
    const ap = parsePlanText(text).appendices[0];
    expect(ap?.groups.map((g) => g.title)).toEqual(["CẢI CÁCH HÀNH CHÍNH"]);
    expect(ap?.tasks.map((t) => [t.number, t.name, t.groupPath])).toEqual([
      [null, "Công bố thủ tục", ["CẢI CÁCH HÀNH CHÍNH"]],
      [null, "Số hóa hồ sơ", ["CẢI CÁCH HÀNH CHÍNH"]],
    ]);
  });

  it("warns about a row whose words sit in the number column", () => {
    const text = tsv(
      ["STT", "Nhiệm vụ", "Chủ trì", "Thời hạn"],
      ["1", "Ban hành quy chế", "Sở Nội vụ", "2026"],
      ["Rà soát thủ tục", "Sở Tư pháp", "2026", ""],
    );
    const r = parsePlanText(text);
    expect(r.warnings.some((w) => w.code === "row_shifted" && w.line === 3)).toBe(true);
  });

  it("reads a two-row header from merged cells", () => {
    const text = tsv(
      ["TT", "Nhiệm vụ", "Đơn vị thực hiện", "", "Thời gian", ""],
      ["", "", "Chủ trì", "Phối hợp", "Bắt đầu", "Hoàn thành"],
      ["1", "Xây dựng kho dữ liệu", "Sở Nội vụ", "Sở Tư pháp", "01/2026", "6/2026"],
    );
    const [task] = parsePlanText(text).appendices[0]?.tasks ?? [];
    expect(task?.lead.map((o) => o.raw)).toEqual(["Sở Nội vụ"]);
    expect(task?.coordinators.map((o) => o.raw)).toEqual(["Sở Tư pháp"]);
    expect(task?.deadline).toMatchObject({ raw: "6/2026", due: "2026-06-30" });
    expect(task?.extra).toEqual({ "Bắt đầu (Thời gian)": "01/2026" });
  });

  it("keeps five-digit numbers of very long lists as task numbers", () => {
    const text = tsv(
      ["STT", "Nhiệm vụ", "Chủ trì", "Thời hạn"],
      ["9999", "Nhiệm vụ cuối của nghìn thứ mười", "Sở Nội vụ", "2026"],
      ["10000", "Nhiệm vụ tiếp theo", "Sở Nội vụ", "2026"],
    );
    expect(parsePlanText(text).appendices[0]?.tasks.map((t) => t.number)).toEqual([
      "9999",
      "10000",
    ]);
  });
});
