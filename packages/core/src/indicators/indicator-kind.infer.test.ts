import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parsePlanText } from "../import/import-document.js";
import { inferIndicatorKind } from "./indicator-kind.infer.js";

const seedsDir = fileURLToPath(new URL("../../../../../shared/seeds/", import.meta.url));

describe("inferIndicatorKind", () => {
  const plan = parsePlanText(readFileSync(`${seedsDir}qd596-bct-2026-nq57-plan.txt`, "utf8"));
  const indicators = plan.appendices.flatMap((a) => a.indicators);
  const byNumber = (n: string) => {
    const found = indicators.find((i) => i.number === n);
    if (!found) throw new Error(`indicator ${n} missing`);
    return inferIndicatorKind(found);
  };

  it("reads plan 596's shares as levels and its products as a count, higher is better", () => {
    expect(indicators).toHaveLength(11);
    expect(byNumber("4")).toMatchObject({ kind: "level", direction: "higher" });
    expect(byNumber("4").reasons[0]).toContain("%");
    expect(byNumber("11")).toMatchObject({ kind: "cumulative", direction: "higher" });
    const kinds = indicators.map((i) => inferIndicatorKind(i).kind);
    expect(kinds.filter((k) => k === "level")).toHaveLength(10);
  });

  it.each([
    ["Tỷ lệ hộ nghèo giảm", null, null, "level", "lower"],
    ["Số doanh nghiệp thành lập mới mỗi năm", "doanh nghiệp", null, "in_period", "higher"],
    [
      "Số vụ tai nạn lao động",
      "vụ",
      { raw: "≤ 10", parts: [{ op: "<=" as const, value: 10, unit: null, scope: null }] },
      "cumulative",
      "lower",
    ],
    [
      "Lạm phát",
      "%",
      { raw: "3–4%", parts: [{ op: "range" as const, value: 3, max: 4, unit: "%", scope: null }] },
      "level",
      "range",
    ],
    ["Chỉ số đổi mới sáng tạo", null, null, "level", "higher"],
  ])("%s → %s, %s", (name, unit, target, kind, direction) => {
    const inferred = inferIndicatorKind({ name, unit, target });
    expect(inferred).toMatchObject({ kind, direction });
    expect(inferred.reasons).toHaveLength(2);
  });
});
