import { imageRules, type GrayImage } from "./scan-page.js";

/**
 * A page image with its ruling lines (dark runs at least `min` pixels long, across or down)
 * painted white, for the OCR step: Tesseract then reads the cells' text without taking a table's
 * border for a letter ("|", "I", "T" glued to the words beside it). The lines themselves are
 * still read from the original image to rebuild the table.
 */
/** Lighter than this is paper (a line's leftover fringe, a JPEG's ringing), not ink. */
const PAPER = 160;

export function eraseRules(img: GrayImage, min: number): GrayImage {
  const { width, height } = img;
  const data = new Uint8Array(img.data);
  // a line's blurred edge (a JPEG's, a photocopy's) goes with it: `fringe` pixels either side
  const fringe = Math.max(1, Math.round(min / 35));
  const clampX = (x: number) => Math.min(width - 1, Math.max(0, x));
  const clampY = (y: number) => Math.min(height - 1, Math.max(0, y));
  for (const r of imageRules(img, min)) {
    const across = r.y0 === r.y1;
    const [x0, x1] = across ? [r.x0, r.x1] : [clampX(r.x0 - fringe), clampX(r.x1 + fringe)];
    const [y0, y1] = across ? [clampY(r.y0 - fringe), clampY(r.y1 + fringe)] : [r.y0, r.y1];
    for (let y = y0; y <= y1; y++) data.fill(255, y * width + x0, y * width + x1 + 1);
  }
  // what is left of a line is its lightest fringe: paper-light pixels become paper
  for (let i = 0; i < data.length; i++) if (data[i]! >= PAPER) data[i] = 255;
  return { width, height, data };
}

/** A grayscale image as binary PGM (P5, 8 bits). */
export function writePgm(img: GrayImage): Uint8Array {
  const head = new TextEncoder().encode(`P5\n${img.width} ${img.height}\n255\n`);
  const out = new Uint8Array(head.length + img.data.length);
  out.set(head);
  out.set(img.data, head.length);
  return out;
}
