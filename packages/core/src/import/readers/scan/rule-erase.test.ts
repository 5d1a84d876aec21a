import { describe, expect, it } from "vitest";
import { eraseRules, writePgm } from "./rule-erase.js";
import { readPgm, type GrayImage } from "./scan-page.js";

/** A white 60 × 40 image with a table border down column 10 and a 6 × 8 letter-sized blot. */
function page(): GrayImage {
  const width = 60;
  const height = 40;
  const data = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < height; y++) data[y * width + 10] = 0;
  for (let y = 5; y < 13; y++) data.fill(0, y * width + 20, y * width + 26);
  return { width, height, data };
}

describe("eraseRules", () => {
  it("paints a ruling line white and keeps a letter-sized mark", () => {
    const clean = eraseRules(page(), 25);
    const dark = (img: GrayImage, x: number, y: number) => img.data[y * img.width + x]! < 128;
    expect([...Array(40).keys()].some((y) => dark(clean, 10, y))).toBe(false);
    expect(dark(clean, 22, 8)).toBe(true);
    expect(dark(page(), 10, 3)).toBe(true);
  });

  it("writes a PGM that reads back to the same pixels", () => {
    const img = page();
    expect(readPgm(writePgm(img))).toEqual(img);
  });
});
