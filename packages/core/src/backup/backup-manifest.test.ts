import { describe, expect, it } from "vitest";
import { countMismatches } from "./backup-manifest.js";

describe("countMismatches", () => {
  it("names each table whose rows differ, is missing or is new", () => {
    expect(
      countMismatches(
        { tasks: 10, evidence: 3, plans: 1 },
        { tasks: 10, evidence: 2, audit_events: 4 },
      ),
    ).toEqual([
      "bảng audit_events: bản sao lưu có (không có bảng), sau khôi phục có 4",
      "bảng evidence: bản sao lưu có 3, sau khôi phục có 2",
      "bảng plans: bản sao lưu có 1, sau khôi phục có (không có bảng)",
    ]);
    expect(countMismatches({ tasks: 1 }, { tasks: 1 })).toEqual([]);
  });
});
