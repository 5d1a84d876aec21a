import { describe, expect, it } from "vitest";
import { parseTypedDate } from "./date.parse.js";

describe("dates as people type them, day first", () => {
  it.each([
    ["01/06/2026", "2026-06-01"],
    ["1/6/2026", "2026-06-01"],
    ["01062026", "2026-06-01"],
    ["1-6-2026", "2026-06-01"],
    ["1.6.2026", "2026-06-01"],
    [" 31/12/2026 ", "2026-12-31"],
    ["29/02/2028", "2028-02-29"],
    ["2026-06-01", "2026-06-01"],
    ["06/01/2026", "2026-01-06"],
  ])("%s → %s", (text, iso) => expect(parseTypedDate(text)).toBe(iso));

  it.each([
    "",
    "32/01/2026",
    "29/02/2026",
    "01/13/2026",
    "1/6/26",
    "0106202",
    "6 tháng 1",
    "2026-13-01",
  ])("%j is not a date", (text) => expect(parseTypedDate(text)).toBeNull());
});
