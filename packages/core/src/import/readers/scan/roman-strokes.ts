/**
 * A Roman numeral of I's as OCR reads it: Tesseract's Vietnamese model takes a group's `II` for
 * `llÏ` and `III` for `II`, a deadline's `Quý II/2026` for `Quý 11/2026` or `Quý 112026`. A word
 * made only of such upright strokes (I, l, Ï, Ì, Í, |, 1, !), one of them a letter, and the
 * quarter after `Quý`, are re-read from the page image: the strokes in the word's box are counted
 * as runs of pixel columns dark over most of its height (a serif or a line crossing the box is
 * not; a quarter's count stops at the slash). A plain number (`1`, `11.`) is left as read.
 */
import type { GrayImage, OcrWord } from "./scan-page.js";

const STROKES = /^(?=.*[IlÏÌÍ])[IlÏÌÍ|!1]+([.)]?)$/u;
const QUARTER = /^[IlÏÌÍ|!1]{1,3}[/⁄]?(\d{4})$/u;
const DARK = 128;

/** Upright strokes in the word's box, left to right; `toSlash`: up to the first wide slant. */
function strokes(word: OcrWord, image: GrayImage, toSlash: boolean): number {
  const x0 = Math.max(0, word.left);
  const x1 = Math.min(image.width, word.left + word.width);
  const y0 = Math.max(0, word.top);
  const y1 = Math.min(image.height, word.top + word.height);
  const tall = (y1 - y0) * 0.6;
  if (tall <= 0) return 0;
  let count = 0;
  let inStroke = false;
  let slant = 0;
  for (let x = x0; x < x1; x++) {
    let dark = 0;
    for (let y = y0; y < y1; y++) if (image.data[y * image.width + x]! < DARK) dark++;
    const upright = dark >= tall;
    if (upright && !inStroke) count++;
    inStroke = upright;
    // ink that is not upright, over a quarter of the height across: a slash (a serif or a
    // line is narrower or thinner)
    slant = dark >= (y1 - y0) * 0.15 && !upright ? slant + 1 : 0;
    if (toSlash && slant >= (y1 - y0) * 0.25) break;
  }
  return count;
}

/**
 * The word's text with its strokes counted (`II`; after `Quý`, `afterQuarter`: `II/2026`), or as
 * read.
 */
export function romanByStrokes(word: OcrWord, image: GrayImage, afterQuarter = false): string {
  const numeral = STROKES.exec(word.text);
  if (numeral) {
    const n = strokes(word, image, false);
    return n >= 1 && n <= 3 ? "I".repeat(n) + numeral[1]! : word.text;
  }
  const quarter = afterQuarter ? QUARTER.exec(word.text) : null;
  if (quarter) {
    const n = strokes(word, image, true);
    return n >= 1 && n <= 3 ? `${"I".repeat(n)}/${quarter[1]!}` : word.text;
  }
  return word.text;
}
