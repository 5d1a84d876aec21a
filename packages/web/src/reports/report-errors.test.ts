import { describe, expect, it } from "vitest";
import { reportFieldOf } from "./report-errors.js";
import { emptyFields } from "./report-fields.js";

describe("reportFieldOf", () => {
  const fields = {
    ...emptyFields("2026-06", "in_progress"),
    references: "Công văn 1/BCT\n\nCông văn 2/BCT",
    links: "https://a.gov.vn\nftp://sai\n",
  };
  const fieldOf = reportFieldOf(fields);

  it("names the text box line of an evidence item (documents first, blank lines skipped)", () => {
    expect(fieldOf("evidence.1.reference")).toEqual({
      id: "r-refs",
      label: "Văn bản minh chứng",
      line: 3,
    });
    expect(fieldOf("evidence.3.url")).toEqual({
      id: "r-links",
      label: "Đường dẫn minh chứng",
      line: 2,
    });
  });

  it("names the other fields by their labels", () => {
    expect(fieldOf("completedOn")).toEqual({ id: "r-completed", label: "Ngày hoàn thành" });
    expect(fieldOf("supersedes")?.label).toBe("Kỳ báo cáo");
    expect(fieldOf("clientToken")).toBeUndefined();
  });
});
