/**
 * A footnote marker set above the line (`cấp¹²`) is read by Tesseract glued to the word before
 * it and as marks (`cấp!2`, `nước.!0`, `lớp)18`), so a scanned task's name would end with them.
 * When the word's last characters are such marks and the page image shows ink at the word's right
 * end that stays in the upper part of its box (a raised figure, not a letter on the line), they
 * are dropped. The marker's value is not guessed: a scan's footnote bases are not read.
 */
import type { GrayImage, OcrWord } from "./scan-page.js";

/** A word and the marks after it, of which one at least is not a quote (`số”` keeps its quote). */
const GLUED = /^(.*?[\p{L}.,;:)”"])((?=.*[\d!?|*^])[\d!?|Il'’”"*^]{1,4})$/u;
const DARK = 128;

/**
 * Columns at the right end of the box whose ink all stays well above the line the letters stand
 * on (the median lowest ink of the columns), apart from the letters before them (a blank column
 * between: the top bar of a `7` is not a marker); 0 if none.
 */
function raisedTail(word: OcrWord, image: GrayImage): number {
  const x0 = Math.max(0, word.left);
  const x1 = Math.min(image.width, word.left + word.width);
  const y0 = Math.max(0, word.top);
  const y1 = Math.min(image.height, word.top + word.height);
  const bottoms: number[] = [];
  for (let x = x0; x < x1; x++) {
    let bottom = -1;
    for (let y = y1 - 1; y >= y0 && bottom < 0; y--)
      if (image.data[y * image.width + x]! < DARK) bottom = y;
    bottoms.push(bottom);
  }
  const inked = bottoms.filter((b) => b >= 0).sort((a, b) => a - b);
  const line = inked[Math.floor(inked.length / 2)] ?? y1;
  const high = line - (y1 - y0) * 0.25;
  let tail = 0;
  let blank = false;
  for (let i = bottoms.length - 1; i >= 0; i--) {
    const bottom = bottoms[i]!;
    if (bottom >= high) return blank ? tail : 0;
    blank = bottom < 0;
    if (!blank) tail = bottoms.length - i;
  }
  return 0;
}

/** The word's text without a raised marker glued to its end, or as read. */
export function withoutRaisedMarker(word: OcrWord, image: GrayImage): string {
  const glued = GLUED.exec(word.text);
  if (!glued) return word.text;
  const tail = raisedTail(word, image);
  return tail >= word.height * 0.15 && tail < word.width * 0.6 ? glued[1]! : word.text;
}
