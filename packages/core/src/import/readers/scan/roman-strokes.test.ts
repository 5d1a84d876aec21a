/** A Roman numeral OCR misread (`llÏ`, `II` for `III`) counted again from its upright strokes. */
import { describe, expect, it } from "vitest";
import { romanByStrokes } from "./roman-strokes.js";
import type { GrayImage, OcrWord } from "./scan-page.js";

/** A 60×30 white image with `n` upright 3-pixel strokes and a serif line along the top. */
function strokes(n: number): GrayImage {
  const [width, height] = [60, 30];
  const data = new Uint8Array(width * height).fill(255);
  data.fill(0, 5 * width + 4, 5 * width + 50); // a serif-like bar: not a stroke
  for (let k = 0; k < n; k++)
    for (let y = 5; y < 25; y++) data.fill(0, y * width + 8 + k * 12, y * width + 11 + k * 12);
  return { width, height, data };
}

const word = (text: string): OcrWord => ({
  text,
  left: 2,
  top: 4,
  width: 52,
  height: 22,
  conf: 40,
  line: "1.1.1.1",
});

describe("romanByStrokes", () => {
  it.each([
    ["llÏ", 2, "II"],
    ["II", 3, "III"],
    ["Il.", 2, "II."],
    ["I", 1, "I"],
  ])("%s over %i strokes → %s", (text, n, want) => {
    expect(romanByStrokes(word(text), strokes(n))).toBe(want);
  });

  it("counts a quarter's strokes after Quý up to the slash", () => {
    const image = strokes(2);
    // a slash: 3 pixels wide, one pixel to the right every two rows up
    for (let y = 5; y < 25; y++) {
      const x = 34 + Math.floor((25 - y) / 2);
      image.data.fill(0, y * 60 + x, y * 60 + x + 3);
    }
    for (let y = 5; y < 25; y++) image.data.fill(0, y * 60 + 50, y * 60 + 53); // a digit's side
    expect(romanByStrokes(word("11/2026"), image, true)).toBe("II/2026");
    expect(romanByStrokes(word("112026"), image, true)).toBe("II/2026");
    expect(romanByStrokes(word("1⁄2026"), image, true)).toBe("II/2026");
    expect(romanByStrokes(word("11/2026"), image, false)).toBe("11/2026");
  });

  it.each([
    ["1", 2],
    ["11.", 3],
    ["|", 1],
    ["Ill", 5],
    ["Về", 2],
  ])("leaves %s as read", (text, n) => {
    expect(romanByStrokes(word(text), strokes(n))).toBe(text);
  });
});
