/**
 * A scanned page sent as an image (what a phone or a scanner's "save as picture" gives):
 * PNG, JPEG or TIFF, recognised by their first bytes. Read through the same OCR step as a
 * scanned PDF.
 */
export type ScanImageKind = "png" | "jpeg" | "tiff";

export function scanImageKind(bytes: Uint8Array): ScanImageKind | null {
  const at = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (at(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "png";
  if (at(0xff, 0xd8, 0xff)) return "jpeg";
  if (at(0x49, 0x49, 0x2a, 0x00) || at(0x4d, 0x4d, 0x00, 0x2a)) return "tiff";
  return null;
}

/**
 * The resolution of a page image with no trustworthy resolution of its own, taking the page as
 * A4 (its longer side 297 mm, 11.69 in): a 2480 × 3508 scan is 300 dpi.
 */
export function a4Dpi(width: number, height: number): number {
  return Math.round(Math.max(width, height) / (297 / 25.4));
}
