import { describe, expect, it } from "vitest";
import type { Deadline } from "../import/contract.js";
import { formatDeadline } from "./deadline.format.js";

const deadline = (over: Partial<Deadline>): Deadline => ({
  raw: "",
  kind: "date",
  due: null,
  start: null,
  recurrence: null,
  note: null,
  ...over,
});

describe("formatDeadline", () => {
  it.each<[string, Partial<Deadline>, string]>([
    ["a day", { raw: "30/6/2026", due: "2026-06-30" }, "30/06/2026"],
    ["a quarter", { raw: "Quý II/2026", due: "2026-06-30" }, "Quý II/2026"],
    ["a quarter in lower case", { raw: "trong quý IV năm 2026", due: "2026-12-31" }, "Quý IV/2026"],
    ["a quarter with an Arabic numeral", { raw: "Quý 3/2026", due: "2026-09-30" }, "Quý III/2026"],
    ["a day that happens to end a quarter", { raw: "30/6/2026", due: "2026-06-30" }, "30/06/2026"],
    ["a quarter whose due is not its end", { raw: "Quý II/2026", due: "2026-06-15" }, "15/06/2026"],
    ["a year", { raw: "2026", due: "2026-12-31" }, "Năm 2026"],
    ["'Trong năm 2026'", { raw: "Trong năm 2026", due: "2026-12-31" }, "Năm 2026"],
    ["31/12 written as a day", { raw: "31/12/2026", due: "2026-12-31" }, "31/12/2026"],
    ["a month", { raw: "Tháng 6/2026", due: "2026-06-30" }, "Tháng 6/2026"],
    [
      "a month inside a sentence",
      { raw: "Trong tháng 02/2026", due: "2026-02-28" },
      "Tháng 2/2026",
    ],
    ["a bare month", { raw: "4/2025", due: "2025-04-30" }, "Tháng 4/2025"],
    ["a bare month whose due is not its end", { raw: "4/2025", due: "2025-04-15" }, "15/04/2025"],
    [
      "'trước ngày 01/3/2026'",
      { raw: "Hoàn thành trước ngày 01/3/2026", due: "2026-02-28" },
      "28/02/2026",
    ],
    [
      "a range of years",
      { raw: "2026 - 2030", kind: "range", start: "2026-01-01", due: "2030-12-31" },
      "2026 – 2030",
    ],
    [
      "a range of days",
      { raw: "Từ 01/4 đến 30/9/2026", kind: "range", start: "2026-04-01", due: "2026-09-30" },
      "01/04/2026 – 30/09/2026",
    ],
    [
      "continuous",
      { raw: "Thường xuyên", kind: "recurring", recurrence: "continuous" },
      "Thường xuyên",
    ],
    ["yearly", { raw: "Thường niên", kind: "recurring", recurrence: "yearly" }, "Hàng năm"],
    ["unresolved text", { raw: "Theo tiến độ của dự án", kind: "unresolved" }, "Chưa xác định"],
    ["an empty cell", { raw: "", kind: "none" }, "Chưa xác định"],
  ])("%s", (_name, over, label) => expect(formatDeadline(deadline(over))).toBe(label));
});
