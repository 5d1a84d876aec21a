import { describe, expect, it } from "vitest";
import { describeChange } from "./change-request.format.js";

describe("describeChange", () => {
  it("names the new deadline as dd/mm/yyyy", () => {
    expect(describeChange("extend_deadline", { dueDate: "2026-09-30" })).toBe(
      "Gia hạn đến 30/09/2026",
    );
  });

  it("names the new lead units, falling back to the id for unknown ones", () => {
    const names = new Map([[7, "Vụ Pháp chế"]]);
    expect(describeChange("reassign", { leadOrgIds: [7, 9] }, names)).toBe(
      "Giao lại đơn vị chủ trì: Vụ Pháp chế; đơn vị số 9",
    );
  });

  it("quotes the new output and labels a cancellation", () => {
    expect(describeChange("change_output", { output: "Báo cáo tổng kết" })).toBe(
      "Thay đổi sản phẩm: “Báo cáo tổng kết”",
    );
    expect(describeChange("cancel", {})).toBe("Huỷ nhiệm vụ");
  });
});
