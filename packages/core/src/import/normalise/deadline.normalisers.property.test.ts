import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDeadline } from "./deadline.parse.js";
import { parseDocumentRefs } from "./document-ref.parse.js";
import { parseFrequency, parsePeriod } from "./period.parse.js";
import { parseTarget } from "./target.parse.js";

/** Strings made of the pieces value cells are made of, glued at random. */
const piece = fc.constantFrom(
  "Quý",
  "IV",
  "/",
  "//",
  "-",
  "–",
  " ",
  "\n",
  "\u00a0",
  "2026",
  "20025",
  "31",
  "2",
  "0",
  "12",
  "năm",
  "Tháng",
  "Trước ngày",
  "Thường",
  "xuyên",
  "Hàng năm",
  "≥",
  "≤",
  "%",
  "1,5",
  ";",
  "(",
  ")",
  "số",
  "17-",
  "TB/CQTTBCĐ",
  "Thông báo",
  "Luật",
  "ngày",
  "tháng",
  "$\\geq",
  "\\text{",
  "}",
  "<p>",
  "</p>",
  "“",
  "Đề xuất",
  "giai đoạn",
);
const cell = fc.oneof(
  fc.array(piece, { maxLength: 14 }).map((p) => p.join("")),
  fc.string({ maxLength: 40 }),
);
const ISO = /^\d{4}-\d{2}-\d{2}$/;

describe("value normalisers on arbitrary cells", () => {
  it("never throw, keep raw, and give real ISO dates", () => {
    fc.assert(
      fc.property(cell, (raw) => {
        const { deadline } = parseDeadline(raw, { year: 2026 });
        expect(deadline.raw).toBe(raw);
        for (const d of [deadline.due, deadline.start]) {
          if (d !== null) {
            expect(d).toMatch(ISO);
            expect(new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10)).toBe(d);
          }
        }
        if (deadline.start && deadline.due) expect(deadline.start <= deadline.due).toBe(true);
        if (!/\d/.test(raw)) expect(deadline.due).toBeNull();
        for (const ref of parseDocumentRefs(raw)) if (ref.date) expect(ref.date).toMatch(ISO);
        const target = parseTarget(raw, null);
        for (const part of target?.parts ?? []) expect(Number.isFinite(part.value)).toBe(true);
        parsePeriod(raw);
        parseFrequency(raw);
      }),
      { numRuns: 3000 },
    );
  });
});
