/**
 * Joining the two halves of a cell cut by a page break. Vietnamese words are single syllables,
 * so the halves join with a space (`doanh` + `nghiệp`, `Chuyên` + `đội xanh`), except where the
 * cut is inside a token (`17-` + `TB/…`, `02/` + `2026`) or before punctuation. A word doubled at
 * the cut by the converter (`điện tử` + `từ và Kinh tế số`) is written once.
 */
import { fold } from "../../text/fold.js";

function lastWord(text: string): string {
  return /(\S+)\s*$/.exec(text)?.[1] ?? "";
}

function firstWord(text: string): string {
  return /^\s*(\S+)/.exec(text)?.[1] ?? "";
}

export function joinCut(above: string, below: string): string {
  const a = above.trimEnd();
  const b = below.trimStart();
  if (a === "") return b;
  if (b === "") return a;
  const end = a.slice(-120); // regexes anchored at the end scan the whole string: look at its end only
  if (/[-/–(]$/.test(end) && /^[\p{L}\d]/u.test(b)) return a + b;
  if (/^[,.;:)!?%]/.test(b)) return a + b;
  const tail = lastWord(end);
  const head = firstWord(b);
  if (tail.length >= 2 && /^\p{L}+$/u.test(tail) && fold(tail) === fold(head)) {
    return `${a} ${b.slice(b.indexOf(head) + head.length).trimStart()}`.trimEnd();
  }
  return `${a} ${b}`;
}
