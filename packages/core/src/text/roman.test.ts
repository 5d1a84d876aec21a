import { describe, expect, it } from "vitest";
import { toRoman } from "./roman.js";

describe("toRoman", () => {
  it.each([
    [1, "I"],
    [4, "IV"],
    [9, "IX"],
    [14, "XIV"],
    [40, "XL"],
    [1999, "MCMXCIX"],
    [0, "I"],
    [5000, "MMMCMXCIX"],
  ])("%i → %s", (n, roman) => {
    expect(toRoman(n)).toBe(roman);
  });
});
