import { describe, expect, it } from "vitest";
import { errorFromBody } from "../api/api-error.js";
import { fieldsByPath, formErrorsOf, type FieldOf } from "./form-errors.js";

const summary = { id: "r-summary", label: "Kết quả thực hiện" };
const links = { id: "r-links", label: "Đường dẫn minh chứng" };

describe("formErrorsOf", () => {
  const body = {
    code: "validation",
    message: "summary: Nhập nội dung báo cáo; evidence.2.url: Liên kết phải bắt đầu bằng http://",
    details: {
      fields: [
        { path: "summary", message: "Nhập nội dung báo cáo" },
        { path: "evidence.2.url", message: "Liên kết phải bắt đầu bằng http://" },
        { path: "clientToken", message: "Quá ngắn" },
      ],
    },
  };
  // two documents before the links: evidence 2 is the first line of the links box
  const fieldOf: FieldOf = (path) => {
    const link = /^evidence\.(\d+)\.url$/.exec(path);
    if (link) return { ...links, line: Number(link[1]) - 1 };
    return fieldsByPath({ summary })(path);
  };

  it("puts each error on its field by label and line, never the internal path", () => {
    const shown = formErrorsOf(errorFromBody(400, body), fieldOf);
    expect(shown.general).toBeNull();
    expect(shown.fields).toEqual([
      { id: "r-summary", label: "Kết quả thực hiện", message: "Nhập nội dung báo cáo" },
      {
        id: "r-links",
        label: "Đường dẫn minh chứng, dòng 1",
        message: "Liên kết phải bắt đầu bằng http://",
        line: 1,
      },
      { id: null, label: "", message: "Quá ngắn" },
    ]);
    expect(JSON.stringify(shown)).not.toContain("evidence.2");
  });

  it("keeps the message of an error that names no field for the whole form", () => {
    const error = errorFromBody(409, { code: "conflict", message: "Báo cáo đã được xử lý." });
    expect(formErrorsOf(error, fieldOf)).toEqual({
      general: "Báo cáo đã được xử lý.",
      fields: [],
    });
  });
});

describe("fieldsByPath", () => {
  it("matches a path, its list indexes as *, and the paths under a listed one", () => {
    const fieldOf = fieldsByPath({ summary, "evidence.*.url": links, members: summary });
    expect(fieldOf("summary")).toBe(summary);
    expect(fieldOf("evidence.7.url")).toBe(links);
    expect(fieldOf("members.0")).toBe(summary);
    expect(fieldOf("evidence.7.reference")).toBeUndefined();
  });
});
