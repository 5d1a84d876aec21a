/**
 * The one definition of Vietnamese diacritic removal: combining marks dropped, `đ` → `d`,
 * `Đ` → `D`, case kept (e.g. the ASCII fallback of a file name).
 */
export function stripDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
}

/**
 * Vietnamese text folding for search and fuzzy matching: NFC, lower case, diacritics removed,
 * `đ` → `d`, runs of white space (including non-breaking spaces) collapsed.
 */
export function fold(text: string): string {
  return stripDiacritics(text)
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

/** NFC-normalises and collapses white space; the form every imported string is compared in. */
export function clean(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim();
}
