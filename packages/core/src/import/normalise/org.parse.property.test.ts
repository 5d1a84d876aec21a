/**
 * parseOrgs on generated cells: pieces of real names, separators, brackets, markup, line breaks
 * and random text. It never throws, returns the same thing twice, never lets a tag through, and
 * every reference it returns is consistent with the directory.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDirectory } from "../../directory/index.js";
import { parseOrgs } from "./org.parse.js";

const dir = createDirectory();
const TAG = /<\/?(?:p|br|b|i)\b[^>]*>/i;
const NAMES = [
  "Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công",
  "Cục Thương mại điện tử và Kinh tế số",
  "Vụ Kế hoạch, Tài chính và Quản lý doanh nghiệp",
  "Bộ Khoa học và Công nghệ",
  "Các bộ, ngành, địa phương",
  "Các đơn vị thuộc Bộ",
  "UBND tỉnh Nghệ An",
  "Sở Tư pháp",
  "Cục ĐCK",
  "Các bộ, cơ quan: Tư pháp, Công an",
];
const SEPARATORS = [
  ", ",
  "; ",
  " và ",
  "\n",
  "",
  " (KHCN, ĐMST)",
  "(CĐS)",
  "<br>",
  "<p>",
  " - ",
  ":",
];

const cell = fc
  .array(
    fc.oneof(
      fc.constantFrom(...NAMES),
      fc.constantFrom(...SEPARATORS),
      fc
        .constantFrom(...NAMES)
        .chain((name) => fc.nat({ max: name.length }).map((cut) => name.slice(0, cut))),
      fc.string({ maxLength: 12 }),
      fc.string({ unit: "grapheme", maxLength: 12 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(""));

describe("parseOrgs on generated cells", () => {
  it("never throws, is deterministic, lets no tag through and stays consistent", () => {
    fc.assert(
      fc.property(cell, fc.constantFrom("bct", "p.nghe-an", null), (raw, ownerId) => {
        const first = parseOrgs(raw, dir, { ownerId });
        expect(parseOrgs(raw, dir, { ownerId })).toEqual(first);
        for (const org of first.orgs) {
          expect(org.raw.trim()).not.toBe("");
          for (const text of [org.raw, org.name, org.scope ?? ""]) expect(text).not.toMatch(TAG);
          if (org.orgId) expect(dir.get(org.orgId)?.name).toBe(org.name);
          if (!org.resolved) {
            expect(first.warnings.some((w) => w.message.includes(`"${org.name}"`))).toBe(true);
          }
        }
      }),
      { numRuns: 1500 },
    );
  });
});
