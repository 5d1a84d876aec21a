/**
 * The comparison form of organisation names. Two spellings of one name get the same key when
 * they differ only in diacritics, case, punctuation, `và`/`&`, or a word doubled at a page
 * break (`Cục Cục Thương mại…`, `điện tử` + `từ và Kinh tế số`).
 */
import { fold } from "../text/fold.js";

const folded = new Map<string, string>();

/** One character folded (cached: keys are built for every form of every entry). */
function foldChar(char: string): string {
  let out = folded.get(char);
  if (out === undefined) {
    out = fold(char).replace(/[^a-z0-9]/g, " ") || " ";
    folded.set(char, out);
  }
  return out;
}

export function orgKey(text: string): string {
  let folded = "";
  for (const char of text.normalize("NFC")) {
    const code = char.charCodeAt(0);
    if (code >= 0x80) folded += foldChar(char);
    else if (code >= 0x61 && code <= 0x7a)
      folded += char; // a-z
    else if (code >= 0x41 && code <= 0x5a)
      folded += String.fromCharCode(code + 0x20); // A-Z
    else folded += code >= 0x30 && code <= 0x39 ? char : " ";
  }
  const words = folded.split(" ").filter((word) => word !== "" && word !== "va");
  const kept: string[] = [];
  for (const word of words) if (kept[kept.length - 1] !== word) kept.push(word);
  return kept.join(" ");
}

const DANGLING_WORDS = new Set(["và", "các", "của"]);

/** Drops what a cut-off cell leaves dangling at its end: `Cục Thương mại điện tử và`. */
export function trimDangling(text: string): string {
  const words = text.replace(/[\s,;:.\-–…&]+$/u, "").split(" ");
  while (words.length > 1 && DANGLING_WORDS.has((words[words.length - 1] ?? "").toLowerCase())) {
    words.pop();
  }
  return words.join(" ").replace(/[\s,;:.\-–…&]+$/u, "");
}
