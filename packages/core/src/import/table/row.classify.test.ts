/** A number cell's kind and value, with the marks and letters a scan's OCR leaves in a number. */
import { describe, expect, it } from "vitest";
import { readNumber } from "./row.classify.js";

describe("readNumber", () => {
  it.each([
    ["5.2_", "digits", "5.2"],
    ["5 _", "digits", "5"],
    ["3,", "digits", "3"],
    ["II|", "roman", "II"],
    ["4.3.", "digits", "4.3"],
    ["34 (bs)", "other", "34 (bs)"],
    ["_", "text", "_"],
    ["4I", "digits", "41"],
    ["l2.", "digits", "12"],
    ["I.1", "roman-sub", "I.1"],
    ["II", "roman", "II"],
  ])("%s → %s %s", (text, kind, value) => {
    expect(readNumber(text)).toMatchObject({ kind, value });
  });
});
