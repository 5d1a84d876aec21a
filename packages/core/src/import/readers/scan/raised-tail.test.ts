/** A raised footnote marker OCR glued to a word's end (`cấp!2`) is dropped; letters are not. */
import { describe, expect, it } from "vitest";
import { withoutRaisedMarker } from "./raised-tail.js";
import type { GrayImage, OcrWord } from "./scan-page.js";

/** A 60×30 page: three letters standing on row 24, and (`raised`) two strokes up to row 12. */
function page(raised: "apart" | "joined" | "none"): GrayImage {
  const [width, height] = [60, 30];
  const data = new Uint8Array(width * height).fill(255);
  const ink = (x0: number, x1: number, y0: number, y1: number) => {
    for (let y = y0; y <= y1; y++) data.fill(0, y * width + x0, y * width + x1 + 1);
  };
  for (const x of [2, 12, 22]) ink(x, x + 6, 10, 24); // letters on the line
  if (raised === "apart") {
    ink(36, 38, 2, 12); // a raised `1`, a blank column after the letters
    ink(42, 46, 2, 12); // a raised `2`
  }
  if (raised === "joined") ink(28, 46, 10, 11); // a bar from the last letter (the top of a `7`)
  return { width, height, data };
}

const word = (text: string): OcrWord => ({
  text,
  left: 0,
  top: 0,
  width: 50,
  height: 30,
  conf: 80,
  line: "1.1.1.1",
});

describe("withoutRaisedMarker", () => {
  it.each([
    ["cấp!2", "cấp"],
    ["nước.!0", "nước."],
    ["lớp)18", "lớp)"],
  ])("%s over a raised marker → %s", (text, want) => {
    expect(withoutRaisedMarker(word(text), page("apart"))).toBe(want);
  });

  it("keeps what is not a raised marker apart from the word", () => {
    expect(withoutRaisedMarker(word("cấp!2"), page("none"))).toBe("cấp!2");
    expect(withoutRaisedMarker(word("cấp!2"), page("joined"))).toBe("cấp!2");
    expect(withoutRaisedMarker(word("IPv6"), page("none"))).toBe("IPv6");
    expect(withoutRaisedMarker(word("số”"), page("apart"))).toBe("số”");
  });
});
