import { describe, expect, it } from "vitest";
import { seedColumn } from "../../match/test-support/seed-cells.js";
import { parseTarget, parseVietnameseNumber } from "./target.parse.js";

const parts = (raw: string, unit: string | null = null) => parseTarget(raw, unit)?.parts;

describe("parseTarget", () => {
  it("reads comparators, with or without spaces, ASCII or LaTeX", () => {
    expect(parts("≥80", "%")).toEqual([{ op: ">=", value: 80, unit: "%", scope: null }]);
    expect(parts("≥ 80", "%")).toEqual(parts("≥80", "%"));
    expect(parts(">= 80", "%")).toEqual(parts("≥80", "%"));
    expect(parts("$\\geq 100\\text{Tbps}$", null)).toEqual([
      { op: ">=", value: 100, unit: "Tbps", scope: null },
    ]);
    expect(parts("≤ 5", "%")).toEqual([{ op: "<=", value: 5, unit: "%", scope: null }]);
    expect(parts("$\\leq 2\\%$", null)).toEqual([{ op: "<=", value: 2, unit: "%", scope: null }]);
  });

  it("reads scoped parts", () => {
    expect(parts("≤ 3 Đông Nam Á; ≤ 50 Thế giới", "Thứ bậc")).toEqual([
      { op: "<=", value: 3, unit: "Thứ bậc", scope: "Đông Nam Á" },
      { op: "<=", value: 50, unit: "Thứ bậc", scope: "Thế giới" },
    ]);
    expect(parts("≤ 10 cả nước", null)).toEqual([
      { op: "<=", value: 10, unit: null, scope: "cả nước" },
    ]);
    expect(parts("Thế giới: Top 50", "Thứ hạng")).toEqual([
      { op: "<=", value: 50, unit: "Thứ hạng", scope: "Thế giới" },
    ]);
  });

  it("reads words for at least, at most and increases", () => {
    expect(parts("Tối thiểu 04 doanh nghiệp", null)).toEqual([
      { op: ">=", value: 4, unit: "doanh nghiệp", scope: null },
    ]);
    expect(parts("Tối thiểu 04 doanh nghiệp", "Doanh nghiệp")?.[0]?.unit).toBe("doanh nghiệp");
    expect(parts("Thêm 02 tuyến", "Tuyến")).toEqual([
      { op: "increase", value: 2, unit: "tuyến", scope: null },
    ]);
    expect(parts("Tăng 02 bậc", "Thứ bậc")).toEqual([
      { op: "increase", value: 2, unit: "bậc", scope: null },
    ]);
    expect(parts("Giảm 10%", null)).toEqual([
      { op: "increase", value: -10, unit: "%", scope: null },
    ]);
    expect(parts("Không quá 5 ngày", "Ngày")?.[0]).toMatchObject({ op: "<=", value: 5 });
    expect(parts("Đạt 100%", null)?.[0]).toMatchObject({ op: ">=", value: 100, unit: "%" });
    expect(parts("Khoảng 2.000 tỷ đồng", "Tỷ đồng")).toEqual([
      { op: ">=", value: 2000, unit: "tỷ đồng", scope: null },
    ]);
  });

  it("reads ranges", () => {
    expect(parts("90%-100%", null)).toEqual([
      { op: "range", value: 90, max: 100, unit: "%", scope: null },
    ]);
    expect(parts("không quá 8-15%", null)).toEqual([
      { op: "range", value: 8, max: 15, unit: "%", scope: null },
    ]);
    expect(parts("20 – 25", "%")).toEqual([
      { op: "range", value: 20, max: 25, unit: "%", scope: null },
    ]);
  });

  it("takes the direction of a plain number from the unit", () => {
    expect(parts("100", "%")).toEqual([{ op: ">=", value: 100, unit: "%", scope: null }]);
    expect(parts("5", "Sản phẩm")).toEqual([{ op: ">=", value: 5, unit: "Sản phẩm", scope: null }]);
    expect(parts("10", "Thứ bậc")).toEqual([{ op: "<=", value: 10, unit: "Thứ bậc", scope: null }]);
    expect(parts("30", "Xếp hạng")?.[0]?.op).toBe("<=");
    expect(parts("= 12", "Văn bản")?.[0]?.op).toBe("=");
  });

  it("reads Vietnamese decimals and thousands", () => {
    expect(parts("1,5", "%")?.[0]?.value).toBe(1.5);
    expect(parseVietnameseNumber("1.000")).toBe(1000);
    expect(parseVietnameseNumber("99.5")).toBe(99.5);
  });

  it("keeps text without a number as a target without parts, and empty as null", () => {
    expect(parseTarget("Hoàn thành", null)).toEqual({ raw: "Hoàn thành", parts: [] });
    expect(parseTarget("", "%")).toBeNull();
    expect(parseTarget("  ", "%")).toBeNull();
  });

  it("reads every result cell of the indicator table of plan 596", () => {
    const results = seedColumn("qd596-bct-2026-nq57-plan.txt", /^Kết quả$/);
    const units = seedColumn("qd596-bct-2026-nq57-plan.txt", /^Đơn vị$/);
    expect(results).toHaveLength(11);
    const targets = results.map((r, i) => parseTarget(r, units[i] ?? null));
    expect(targets[2]).toBeNull(); // indicator 3 has no target
    expect(targets[3]?.parts).toEqual([{ op: ">=", value: 80, unit: "%", scope: null }]);
    expect(targets[10]?.parts).toEqual([{ op: ">=", value: 5, unit: "Sản phẩm", scope: null }]);
    for (const t of targets) if (t) expect(t.parts).toHaveLength(1);
  });
});
