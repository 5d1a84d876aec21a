/**
 * A Roman numeral of I's as OCR reads it: Tesseract's Vietnamese model takes a group's `II` for
 * `llÏ` and `III` for `II`. A word made only of such upright strokes (I, l, Ï, Ì, Í, |, 1, !),
 * one of them a letter, is re-read from the page image: the strokes in its box are counted as
 * runs of pixel columns dark over most of the box's height (a serif or a line crossing the box
 * is not). A plain number (`1`, `11.`) is left as read.
 */
import type { GrayImage, OcrWord } from "./scan-page.js";

const STROKES = /^(?=.*[IlÏÌÍ])[IlÏÌÍ|!1]+([.)]?)$/u;
const DARK = 128;

/** The word's text with its strokes counted (`I`, `II`, `III`), or as read. */
export function romanByStrokes(word: OcrWord, image: GrayImage): string {
  const m = STROKES.exec(word.text);
  if (!m) return word.text;
  const x0 = Math.max(0, word.left);
  const x1 = Math.min(image.width, word.left + word.width);
  const y0 = Math.max(0, word.top);
  const y1 = Math.min(image.height, word.top + word.height);
  const tall = (y1 - y0) * 0.6;
  let strokes = 0;
  let inStroke = false;
  for (let x = x0; x < x1; x++) {
    let dark = 0;
    for (let y = y0; y < y1; y++) if (image.data[y * image.width + x]! < DARK) dark++;
    const upright = dark >= tall && tall > 0;
    if (upright && !inStroke) strokes++;
    inStroke = upright;
  }
  return strokes >= 1 && strokes <= 3 ? "I".repeat(strokes) + m[1]! : word.text;
}
