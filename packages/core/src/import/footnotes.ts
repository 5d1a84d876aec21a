/**
 * Footnotes as the basis of tasks: a marker `<sup>3</sup>` in a row and the body
 * `<sup>3</sup> Nhiệm vụ được giao tại …` elsewhere. A body that starts with a list of task
 * numbers (`Nhiệm vụ 6.2, 6.3; 7.1; 7.2; 7.3 theo hướng dẫn …`) covers those tasks too.
 */
import { fold } from "../text/fold.js";
import type { Footnote } from "./sections.split.js";

export type FootnoteIndex = {
  /** The body of a marker, for a row at `line`: the nearest body with that marker below it, else above. */
  body(marker: string, line: number): Footnote | null;
};

const COVER_LIST =
  /^nhiem vu\s+((?:\d{1,3}(?:\.\d{1,3})*)(?:\s*(?:,|;|va|&|-|–)\s*\d{1,3}(?:\.\d{1,3})*)*)\b/;

/** `Nhiệm vụ 6.2, 6.3; 7.1` → ["6.2", "6.3", "7.1"]; other bodies → []. */
export function coveredNumbers(text: string): string[] {
  const m = COVER_LIST.exec(fold(text));
  return m ? (m[1]!.match(/\d{1,3}(?:\.\d{1,3})*/g) ?? []) : [];
}

/** The body without its opening list of task numbers: what names the assigning document. */
export function basisText(text: string): string {
  const m = COVER_LIST.exec(fold(text));
  return m ? text.slice(m[0].length).replace(/^[\s,;:.]+/, "") : text;
}

export function indexFootnotes(notes: Footnote[]): FootnoteIndex {
  const byMarker = new Map<string, Footnote[]>();
  for (const note of notes) {
    byMarker.set(note.marker, [...(byMarker.get(note.marker) ?? []), note]);
  }
  return {
    body(marker, line) {
      const all = byMarker.get(marker) ?? [];
      return all.find((n) => n.line >= line) ?? all[all.length - 1] ?? null;
    },
  };
}
