/**
 * Does a cell start the next row of a flattened table? Only a number that can follow the rows
 * read so far does: `7` after `6` or after `6.3`, `6.1` (or `6.2`) after `6`, `1` after a group `II`, the
 * next Roman numeral, `a)` after a task or `b)` after `a)`. A `5` in a target column after row
 * `12` does not.
 */
import { readNumber } from "../table/row.classify.js";

const ROMANS = [
  "I",
  "II",
  "III",
  "IV",
  "V",
  "VI",
  "VII",
  "VIII",
  "IX",
  "X",
  "XI",
  "XII",
  "XIII",
  "XIV",
  "XV",
  "XVI",
  "XVII",
  "XVIII",
  "XIX",
  "XX",
];

export class RowSequence {
  private digits: number[] | null = null;
  private roman: string | null = null;
  private part: string | null = null;
  private letter: string | null = null;
  private afterGroup = true;

  /** The row number this cell starts, if it is a plausible next one (and takes it). */
  accept(text: string): boolean {
    if (text.length > 24 || text.includes("\n")) return false;
    const n = readNumber(text);
    if (n.kind === "roman" || n.kind === "roman-sub") {
      const head = n.value.split(".")[0]!;
      const next = this.roman ? ROMANS[ROMANS.indexOf(this.roman) + 1] : "I";
      if (head !== next && head !== this.roman) return false;
      if (n.kind === "roman" && head === this.roman) return false;
      this.roman = head;
      return this.group();
    }
    if (n.kind === "part") {
      const next = this.part ? String.fromCharCode(this.part.charCodeAt(0) + 1) : "A";
      if (n.value !== next) return false;
      this.part = n.value;
      this.roman = null;
      return this.group();
    }
    if (n.kind === "letter") {
      const next = this.letter ? String.fromCharCode(this.letter.charCodeAt(0) + 1) : "a";
      if (n.value !== next || this.digits === null) return false;
      this.letter = n.value;
      return true;
    }
    if (n.kind !== "digits" && n.kind !== "other") return false;
    const parts = (/^[\d.]+/.exec(n.value)?.[0] ?? "").split(".").filter(Boolean).map(Number);
    if (parts.length === 0 || !this.follows(parts)) return false;
    this.digits = parts;
    this.letter = null;
    this.afterGroup = false;
    return true;
  }

  private group(): boolean {
    this.afterGroup = true;
    this.letter = null;
    return true;
  }

  private follows(parts: number[]): boolean {
    const prev = this.digits;
    if (prev === null) return parts.every((p, i) => i === parts.length - 1 || p >= 1);
    if (this.afterGroup && parts.length === 1 && parts[0] === 1) return true;
    // A first child (`.2` when the first went unnumbered), or the next sibling of the row or of
    // one of its parents.
    if (parts.length === prev.length + 1 && parts[parts.length - 1]! <= 2) {
      return parts.slice(0, -1).every((p, i) => p === prev[i]);
    }
    if (parts.length > prev.length) return false;
    const last = parts.length - 1;
    return parts.slice(0, last).every((p, i) => p === prev[i]) && parts[last] === prev[last]! + 1;
  }
}
