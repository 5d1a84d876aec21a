import { describe, expect, it } from "vitest";
import { joinCut } from "./text-join.js";
import { judgeContinuation, type RowView } from "./continuation.js";

describe("joinCut: the halves of a cell cut by a page break", () => {
  it.each([
    ["doanh", "nghiệp", "doanh nghiệp"],
    [
      "Thông báo số 17-",
      "TB/CQTTBCĐ ngày 29/12/2025",
      "Thông báo số 17-TB/CQTTBCĐ ngày 29/12/2025",
    ],
    [
      "Cục Đổi mới sáng tạo, Chuyên",
      "đội xanh và Khuyến công",
      "Cục Đổi mới sáng tạo, Chuyên đội xanh và Khuyến công",
    ],
    ["Cục Thương mại điện tử", "từ và Kinh tế số", "Cục Thương mại điện tử và Kinh tế số"],
    ["Thường", "xuyên", "Thường xuyên"],
    ["báo cáo", ", tổng hợp", "báo cáo, tổng hợp"],
    ["", "chỉ một nửa", "chỉ một nửa"],
    ["chỉ một nửa", "", "chỉ một nửa"],
  ])("%s + %s", (a, b, joined) => {
    expect(joinCut(a, b)).toBe(joined);
  });
});

const view = (name: string, extra: Partial<RowView> = {}): RowView => ({
  name,
  nameItalic: false,
  nameBold: false,
  deadline: "",
  dataCells: 3,
  ...extra,
});

describe("judgeContinuation: position and content", () => {
  const above = view("Xây dựng cơ sở dữ liệu về doanh", { deadline: "" });

  it("continues a row after a page break when the text goes on in lower case or is empty", () => {
    expect(
      judgeContinuation(view("nghiệp vừa và nhỏ", { dataCells: 0 }), above, true).continues,
    ).toBe(true);
    expect(judgeContinuation(view("", { dataCells: 1 }), above, true).continues).toBe(true);
    expect(
      judgeContinuation(view("CNTT vào khu vực công"), view("thu hút nhân tài"), true).continues,
    ).toBe(true);
  });

  it("keeps an italic step, a period row or a capitalised complete row as a row of its own", () => {
    const task = view("Xây dựng nền tảng số.", { deadline: "12/2026" });
    expect(
      judgeContinuation(
        view("Khảo sát hiện trạng", { nameItalic: true, deadline: "3/2026" }),
        task,
        false,
      ).continues,
    ).toBe(false);
    expect(
      judgeContinuation(
        view("Năm 2027", { nameItalic: true }),
        view("Năm 2026", { nameItalic: true }),
        true,
      ).continues,
    ).toBe(false);
    expect(
      judgeContinuation(view("Tổ chức tập huấn", { deadline: "6/2026" }), task, false).continues,
    ).toBe(false);
  });

  it("does not glue a task to the group title above it", () => {
    const group = view("VỀ KINH TẾ SỐ", { dataCells: 0, nameBold: true });
    expect(
      judgeContinuation(view("Xây dựng bộ tiêu chí", { deadline: "2026" }), group, false).continues,
    ).toBe(false);
  });
});
