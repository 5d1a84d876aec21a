/**
 * The web readers on generated input: saved pages made of random tags, attributes, entities and
 * text, and copied text made of random cells, `|` lines and empty lines. importDocument returns a
 * result or throws NotAPlanError, never emits a tag, and gives the same result twice.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDirectory } from "../../directory/index.js";
import type { ImportResult } from "../contract.js";
import { importDocument } from "../import-document.js";
import { NotAPlanError } from "../not-a-plan.error.js";

const directory = createDirectory();
const TAG = /<\/?(p|i|b|u|br|sup|sub|ul|li|div|span|strong|em|table|tr|td|th|script|a)\b[^>]*>/i;
const LIMIT = 120_000;

const strings = (v: unknown): string[] =>
  typeof v === "string" ? [v] : v && typeof v === "object" ? Object.values(v).flatMap(strings) : [];

function check(input: string | Uint8Array): void {
  let first: ImportResult;
  try {
    first = importDocument(input, { directory });
  } catch (error) {
    if (error instanceof NotAPlanError) return;
    throw error;
  }
  expect(strings(first).find((s) => TAG.test(s))).toBeUndefined();
  expect(JSON.stringify(importDocument(input, { directory }))).toBe(JSON.stringify(first));
}

const CELLS = [
  "STT",
  "TT",
  "Tên nhiệm vụ",
  "Cơ quan chủ trì",
  "Phối hợp",
  "Thời hạn",
  "Kết quả",
  "Chỉ tiêu",
  "Đơn vị",
  "1.",
  "2",
  "1.1",
  "II",
  "a)",
  "30/6/2026",
  "Quý II/2026",
  "Bộ Công Thương",
  "Các bộ, ngành",
  "PHỤ LỤC I",
  "Nơi nhận:",
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
];

describe("web readers robustness (generated inputs)", () => {
  it(
    "a saved page of random tags and text imports or is refused (600)",
    () => {
      const tag = fc.constantFrom(
        "<table>",
        "</table>",
        "<tr>",
        "</tr>",
        "<td>",
        '<td colspan="3">',
        '<td rowspan="4">',
        '<th rowspan="99999">',
        "</td>",
        "<p>",
        "</p>",
        "<br>",
        "<b>",
        "</b>",
        "<sup>2</sup>",
        "<script>",
        "</script>",
        "<nav>",
        "</nav>",
        "<!--",
        "-->",
        "&amp;",
        "&#x111;",
        "<div class='x'>",
        "</div>",
        "<",
        ">",
      );
      const text = fc.oneof(
        fc.constantFrom(...CELLS),
        fc.string({ unit: "grapheme", maxLength: 20 }),
      );
      const page = fc
        .array(fc.oneof(tag, text), { maxLength: 80 })
        .map((parts) => `<!DOCTYPE html><html><body>${parts.join("")}`);
      fc.assert(fc.property(page, check), { numRuns: 600 });
    },
    LIMIT,
  );

  it(
    "copied text of random cells, `|` lines and empty lines imports or is refused (600)",
    () => {
      const line = fc.oneof(
        fc.constantFrom(...CELLS, "|", "", ""),
        fc.string({ unit: "grapheme", maxLength: 30 }),
      );
      const text = fc.array(line, { minLength: 1, maxLength: 120 }).map((l) => l.join("\n"));
      fc.assert(fc.property(text, check), { numRuns: 600 });
    },
    LIMIT,
  );
});
