import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { writeXlsx } from "../office/xlsx.writer.js";
import { writeDocx } from "./fixtures/docx.writer.js";
import { blocksToDocx, blocksToXlsx } from "./fixtures/office.from-blocks.js";
import { importDocument, parsePlanText } from "./import-document.js";
import { ORG_WARNINGS } from "./normalise/org.parse.js";
import { readTextBlocks } from "./readers/text.reader.js";
import { TABLE_WARNINGS } from "./warning-codes.js";
import { appendixName, itemPlace } from "./item-place.js";
import { groupWarnings, WARNING_GROUPS } from "./warning-groups.js";

const seed = fileURLToPath(
  new URL("../../../../../shared/seeds/qd596-bct-2026-nq57-plan.txt", import.meta.url),
);

describe("import warnings grouped by meaning", () => {
  it("gives every code the importer emits a group with a Vietnamese heading and explanation", () => {
    const grouped = new Set(WARNING_GROUPS.flatMap((g) => g.codes));
    const deadlineCodes = [
      "deadline_unresolved",
      "deadline_approximate",
      "deadline_invalid_date",
      "deadline_ocr_fixed",
    ];
    for (const code of [
      ...Object.keys(TABLE_WARNINGS),
      ...Object.keys(ORG_WARNINGS),
      ...deadlineCodes,
    ])
      expect(grouped, code).toContain(code);
    for (const g of WARNING_GROUPS) {
      expect(g.title).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/u);
      expect(g.explanation.length).toBeGreaterThan(40);
    }
  });

  it("keeps every warning once, in the groups' order, an unknown code last", () => {
    const warnings = [
      { line: 3, code: "number_gap", message: "a" },
      { line: 1, code: "org_unresolved", message: "b" },
      { line: 2, code: "something_new", message: "c" },
      { line: 4, code: "missing_lead", message: "d" },
    ];
    const groups = groupWarnings(warnings);
    expect(groups.map((g) => g.group.id)).toEqual(["units", "six-clear", "table", "other"]);
    expect(groups.flatMap((g) => g.warnings)).toHaveLength(warnings.length);
  });
});

describe.skipIf(!existsSync(seed))("where a task is, as people refer to it", () => {
  const text = existsSync(seed) ? readFileSync(seed, "utf8") : "";
  const places = (result: ReturnType<typeof parsePlanText>) =>
    result.appendices.flatMap((a, i) => [
      ...a.tasks.map((t) => itemPlace(a, i, t, "task")),
      ...a.indicators.map((t) => itemPlace(a, i, t, "indicator")),
    ]);

  it("is the same in the converted text, the Word document and the Excel workbook", () => {
    const fromText = places(parsePlanText(text));
    expect(fromText).toContain("Phụ lục II, nhiệm vụ 59");
    expect(fromText).toContain("Phụ lục III, chỉ tiêu 3");
    const blocks = readTextBlocks(text);
    const docx = importDocument(writeDocx(blocksToDocx(blocks, "kept")), { fileName: "p.docx" });
    expect(places(docx)).toEqual(fromText);
    const xlsx = importDocument(writeXlsx(blocksToXlsx(blocks)), { fileName: "p.xlsx" });
    expect(places(xlsx)).toEqual(fromText);
  });

  it("names an appendix by its Roman number, else by its order", () => {
    expect(appendixName("PHỤ LỤC IV. CÁC CHỈ TIÊU", 0)).toBe("Phụ lục IV");
    expect(appendixName("Phụ lục 2: Nhiệm vụ", 0)).toBe("Phụ lục 2");
    expect(appendixName("Danh mục nhiệm vụ", 2)).toBe("Phụ lục 3");
  });
});
