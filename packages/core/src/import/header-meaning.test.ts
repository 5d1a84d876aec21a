/**
 * Header recognition by what the words mean: joined or split headers, a
 * two-level header, a header wrapped over rows, `Tiến độ` as the only deadline column, hyphenated
 * dates, and a table whose kind is in doubt reported rather than flipped silently.
 */
import { describe, expect, it } from "vitest";
import { parsePlanText } from "./import-document.js";

const tsv = (...rows: string[][]) => rows.map((r) => r.join("\t")).join("\n");
const TASK = [
  "1.",
  "Ban hành quy chế dữ liệu",
  "Sở Khoa học và Công nghệ",
  "Sở Nội vụ",
  "30-11-2026",
];
const plan = (...header: string[][]) =>
  ["PHỤ LỤC", "DANH MỤC NHIỆM VỤ NĂM 2026", "", tsv(...header, TASK)].join("\n");
const only = (text: string) => parsePlanText(text).appendices[0];

describe("header recognition by meaning", () => {
  it.each([
    ["Cơ quan, đơn vị chủ trì", "Cơ quan, đơn vị phối hợp"],
    ["Cơ quan/đơn vị chủ trì", "Cơ quan/đơn vị phối hợp"],
    ["CƠ QUAN VÀ ĐƠN VỊ CHỦ TRÌ", "Đơn vị, tổ chức phối hợp"],
  ])("reads the lead under “%s” and the coordinators under “%s”", (lead, coordinators) => {
    const ap = only(plan(["STT", "Nội dung nhiệm vụ", lead, coordinators, "Thời hạn"]));
    expect(ap?.kind).toBe("tasks");
    expect(ap?.tasks[0]?.lead.map((o) => o.name)).toEqual(["Sở Khoa học và Công nghệ"]);
    expect(ap?.tasks[0]?.coordinators.map((o) => o.name)).toEqual(["Sở Nội vụ"]);
  });

  it("reads `Đơn vị` over `(chủ trì)` / `(phối hợp)` as a task table, not an indicator table", () => {
    const r = parsePlanText(
      plan(
        ["STT", "Nội dung nhiệm vụ", "Đơn vị", "", "Thời hạn"],
        ["", "", "(chủ trì)", "(phối hợp)", ""],
      ),
    );
    expect(r.appendices[0]?.kind).toBe("tasks");
    expect(r.appendices[0]?.tasks[0]?.lead.map((o) => o.name)).toEqual([
      "Sở Khoa học và Công nghệ",
    ]);
    expect(r.warnings.map((w) => w.code)).not.toContain("table_kind_doubtful");
  });

  it("joins a header whose words wrap over two rows, keeping the data row apart", () => {
    const ap = only(
      plan(
        ["STT", "Nội dung nhiệm", "Cơ quan chủ", "Cơ quan phối", "Thời hạn hoàn"],
        ["", "vụ", "trì", "hợp", "thành"],
      ),
    );
    expect(ap?.columns).toEqual([
      "STT",
      "Nội dung nhiệm vụ",
      "Cơ quan chủ trì",
      "Cơ quan phối hợp",
      "Thời hạn hoàn thành",
    ]);
    expect(ap?.tasks.map((t) => t.name)).toEqual(["Ban hành quy chế dữ liệu"]);
    expect(ap?.tasks[0]?.lead.map((o) => o.name)).toEqual(["Sở Khoa học và Công nghệ"]);
  });

  it("takes `Tiến độ` as the deadline column when there is no other, and reads 30-11-2026", () => {
    const t = only(plan(["STT", "Nội dung nhiệm vụ", "Chủ trì", "Phối hợp", "Tiến độ"]))?.tasks[0];
    expect(t?.deadline).toMatchObject({ kind: "date", due: "2026-11-30", raw: "30-11-2026" });
  });

  it("keeps `Tiến độ` an extra column beside a deadline column", () => {
    const text = [
      "PHỤ LỤC",
      "",
      tsv(
        ["STT", "Nội dung nhiệm vụ", "Chủ trì", "Thời hạn", "Tiến độ"],
        ["1.", "Ban hành quy chế", "Sở Nội vụ", "2026-11-30", "Đang thực hiện"],
      ),
    ].join("\n");
    const t = only(text)?.tasks[0];
    expect(t?.deadline.due).toBe("2026-11-30");
    expect(t?.extra).toEqual({ "Tiến độ": "Đang thực hiện" });
  });

  it("warns when a unit-of-measure column makes a table of tasks with deadlines an indicator table", () => {
    const r = parsePlanText(plan(["STT", "Nội dung nhiệm vụ", "Đơn vị", "Phối hợp", "Thời hạn"]));
    expect(r.appendices[0]?.kind).toBe("indicators");
    const doubt = r.warnings.find((w) => w.code === "table_kind_doubtful");
    expect(doubt?.message).toMatch(
      /bảng chỉ tiêu, dù có cột “Nội dung nhiệm vụ” và cột “Thời hạn”/u,
    );
    expect(doubt?.line).toBe(4);
  });

  it("reads a project template's English headers (WBS, Task, Task owner, Start, Due, % complete)", () => {
    const text = [
      "Project plan 2026",
      "",
      tsv(
        ["WBS", "Task", "Task owner", "Start", "Due", "% complete"],
        ["1", "CHUYỂN ĐỔI SỐ", "", "", "", ""],
        ["1.1", "Ban hành quy chế dữ liệu", "Sở Nội vụ", "2026-01-05", "2026-11-30", "20%"],
        ["1.2", "Nâng cấp cổng dịch vụ công", "Sở Tư pháp", "2026-02-01", "30-06-2026", "0%"],
      ),
    ].join("\n");
    const ap = only(text);
    expect(ap?.kind).toBe("tasks");
    expect(
      ap?.tasks.map((t) => [t.number, t.groupPath, t.lead.map((o) => o.name), t.deadline.due]),
    ).toEqual([
      ["1.1", ["1"], ["Sở Nội vụ"], "2026-11-30"],
      ["1.2", ["1"], ["Sở Tư pháp"], "2026-06-30"],
    ]);
    expect(ap?.tasks[0]?.extra).toEqual({ Start: "2026-01-05", "% complete": "20%" });
  });
});
