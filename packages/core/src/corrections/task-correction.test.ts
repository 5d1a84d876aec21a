import { describe, expect, it } from "vitest";
import { correctionChanges, type CorrectableFacts } from "./task-correction.js";

const task: CorrectableFacts = {
  name: "Xây dựng cơ sở dữ liệu",
  lead: ["Cục Chuyển đổi số"],
  coordinators: [],
  deadline: "Tháng 12/2026",
  output: null,
  confidential: false,
};

describe("correctionChanges", () => {
  it("lists only the changed fields, in the form order, written as people read them", () => {
    const changes = correctionChanges(task, {
      ...task,
      confidential: true,
      deadline: "30/06/2027",
      coordinators: ["Vụ Pháp chế", "Văn phòng Bộ"],
      output: "Cơ sở dữ liệu vận hành",
    });
    expect(changes).toEqual([
      {
        field: "coordinators",
        label: "Đơn vị phối hợp",
        before: "(trống)",
        after: "Vụ Pháp chế; Văn phòng Bộ",
      },
      { field: "deadline", label: "Thời hạn", before: "Tháng 12/2026", after: "30/06/2027" },
      { field: "output", label: "Sản phẩm", before: "(trống)", after: "Cơ sở dữ liệu vận hành" },
      { field: "confidential", label: "Mức độ mật", before: "Không mật", after: "Mật" },
    ]);
  });

  it("sees no change when only blanks or the order of nothing differ", () => {
    expect(correctionChanges(task, { ...task, output: "  " })).toEqual([]);
    expect(correctionChanges(task, { ...task, lead: ["Cục Chuyển đổi số"] })).toEqual([]);
  });

  it("sees a reordered list of units as a change (the first lead unit answers for the task)", () => {
    const two = { ...task, lead: ["A", "B"] };
    expect(correctionChanges(two, { ...two, lead: ["B", "A"] })).toHaveLength(1);
  });
});
