/**
 * Text read from Office XML (Word runs, Excel cells) brought to the form every reader emits:
 * NFC, non-breaking and other odd spaces turned into spaces, runs of spaces collapsed, each line
 * trimmed, empty lines dropped, lines joined with "\n". Some documents carry HTML typed as text
 * (converted from a web page or Markdown): `<br>` becomes a line break and other tags are
 * removed, so no imported string ever holds an HTML tag.
 */
import { tidyLines } from "./html-cell.js";

const LINE_BREAK_TAG = /<br\s*\/?>/gi;
const TAG =
  /<\/?(?:p|i|b|u|s|em|strong|span|div|font|sup|sub|ul|ol|li|br|table|tr|td|th|tbody|thead|a|h[1-6])\b[^<>]*>/gi;

export function officeText(raw: string): string {
  const text = raw.includes("<") ? raw.replace(LINE_BREAK_TAG, "\n").replace(TAG, "") : raw;
  return tidyLines(text);
}

/** A footnote marker as typed: `1`, `12`, `(3)`, `*`. */
export function footnoteMarker(text: string): string | null {
  const t = text.trim();
  const m = /^\(?(\d{1,3}|\*{1,3})\)?$/.exec(t);
  return m?.[1] ?? null;
}
