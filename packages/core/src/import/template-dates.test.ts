/**
 * Dates in a project template's deadline column: month/day/year read as such
 * only when the column proves it, and warned about; a column that proves both orders, or an
 * English template that proves neither, is warned about too. The same through a real .xlsx.
 */
import { describe, expect, it } from "vitest";
import { importDocument, parsePlanText } from "./import-document.js";
import { writeXlsx } from "../office/xlsx.writer.js";

const HEADER = ["WBS", "Task", "Task owner", "Due"];
const rows = (...dues: string[]) =>
  dues.map((due, i) => [`1.${i + 1}`, `Nhiệm vụ số ${i + 1}`, "Sở Nội vụ", due]);
const template = (...dues: string[]) =>
  [
    "Project plan 2026",
    "",
    [HEADER, ["1", "CHUYỂN ĐỔI SỐ", "", ""], ...rows(...dues)].map((r) => r.join("\t")).join("\n"),
  ].join("\n");

const dues = (r: ReturnType<typeof parsePlanText>) =>
  r.appendices[0]!.tasks.map((t) => [t.deadline.raw, t.deadline.due]);
const codes = (r: ReturnType<typeof parsePlanText>) => r.warnings.map((w) => w.code);

describe("month/day/year in a project template", () => {
  it("reads the whole column month first when one date proves it, and says so", () => {
    const r = parsePlanText(template("6/30/2026", "3/4/2026", "12/1/2026"));
    expect(dues(r)).toEqual([
      ["6/30/2026", "2026-06-30"],
      ["3/4/2026", "2026-03-04"],
      ["12/1/2026", "2026-12-01"],
    ]);
    const warning = r.warnings.find((w) => w.code === "deadline_month_first");
    expect(warning?.message).toBe(
      "Cột “Due” ghi ngày theo kiểu tháng/ngày/năm (“6/30/2026”): mọi ngày trong cột đã được đọc theo thứ tự đó (“6/30/2026” là ngày 30/6/2026).",
    );
  });

  it("keeps day first when a date proves it", () => {
    const r = parsePlanText(template("30/6/2026", "3/4/2026"));
    expect(dues(r)).toEqual([
      ["30/6/2026", "2026-06-30"],
      ["3/4/2026", "2026-04-03"],
    ]);
    expect(codes(r)).not.toContain("deadline_month_first");
    expect(codes(r)).not.toContain("deadline_order_unproven");
  });

  it("warns when the column proves both orders, reading day first", () => {
    const r = parsePlanText(template("30/6/2026", "6/30/2026"));
    expect(r.warnings.find((w) => w.code === "deadline_order_conflict")?.message).toMatch(
      /ngày\/tháng \(“30\/6\/2026”\) lẫn ngày ghi tháng\/ngày \(“6\/30\/2026”\)/,
    );
    expect(dues(r)[0]).toEqual(["30/6/2026", "2026-06-30"]);
    expect(dues(r)[1]![1]).toBeNull();
  });

  it("warns when an English template's dates cannot tell, reading day first", () => {
    const r = parsePlanText(template("5/6/2026", "1/2/2026"));
    expect(dues(r)).toEqual([
      ["5/6/2026", "2026-06-05"],
      ["1/2/2026", "2026-02-01"],
    ]);
    expect(codes(r)).toContain("deadline_order_unproven");
  });

  it("does not warn for a Vietnamese column whose dates cannot tell (day first is the norm)", () => {
    const text = [
      "PHỤ LỤC",
      "",
      [
        ["STT", "Nội dung nhiệm vụ", "Chủ trì", "Thời hạn"],
        ["1.", "Ban hành quy chế", "Sở Nội vụ", "5/6/2026"],
      ]
        .map((r) => r.join("\t"))
        .join("\n"),
    ].join("\n");
    const r = parsePlanText(text);
    expect(r.appendices[0]!.tasks[0]!.deadline.due).toBe("2026-06-05");
    expect(codes(r)).not.toContain("deadline_order_unproven");
  });

  it("reads month/day/year text cells of a real .xlsx the same way", () => {
    const text = (t: string) => ({ text: t });
    const sheet = writeXlsx([
      {
        name: "Plan",
        rows: [HEADER, ["1", "CHUYỂN ĐỔI SỐ", "", ""], ...rows("6/30/2026", "3/4/2026")].map((r) =>
          r.map(text),
        ),
      },
    ]);
    const r = importDocument(sheet);
    expect(r.appendices[0]!.tasks.map((t) => t.deadline.due)).toEqual(["2026-06-30", "2026-03-04"]);
    expect(codes(r)).toContain("deadline_month_first");
  });
});
