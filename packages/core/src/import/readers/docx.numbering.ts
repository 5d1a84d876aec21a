/**
 * Word's automatic list numbering (word/numbering.xml). The numbers of a numbered list are not
 * in the text: a table whose STT column is an automatic list would otherwise lose every task
 * number. This computes the label a paragraph shows (`1.`, `II.`, `a)`, `2.3`, or `-` for a
 * bullet) from its `w:numPr`, counting paragraphs in document order.
 */
import { toRoman } from "../../text/roman.js";
import { attr, childElements, firstChild, type XmlElement } from "./xml.js";

type Level = { start: number; format: string; text: string };

function letters(n: number): string {
  const k = Math.max(1, n);
  // Word repeats the letter past z: aa, bb, …
  return String.fromCharCode(97 + ((k - 1) % 26)).repeat(Math.floor((k - 1) / 26) + 1);
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case "upperRoman":
      return toRoman(n);
    case "lowerRoman":
      return toRoman(n).toLowerCase();
    case "upperLetter":
      return letters(n).toUpperCase();
    case "lowerLetter":
      return letters(n);
    case "decimalZero":
      return n < 10 ? `0${n}` : String(n);
    default:
      return String(n);
  }
}

export class Numbering {
  /** numId → ilvl → level definition (overrides applied). */
  private readonly lists = new Map<string, Map<number, Level>>();
  /** numId → counters by level. */
  private readonly counters = new Map<string, number[]>();

  constructor(numberingXml: XmlElement | null) {
    if (!numberingXml) return;
    const abstracts = new Map<string, Map<number, Level>>();
    for (const abs of childElements(numberingXml, "numbering").flatMap((n) =>
      childElements(n, "abstractNum"),
    )) {
      abstracts.set(attr(abs, "abstractNumId") ?? "", readLevels(abs));
    }
    for (const num of childElements(numberingXml, "numbering").flatMap((n) =>
      childElements(n, "num"),
    )) {
      const base = abstracts.get(attr(firstChild(num, "abstractNumId"), "val") ?? "");
      const levels = new Map(base ?? []);
      for (const override of childElements(num, "lvlOverride")) {
        const ilvl = Number(attr(override, "ilvl") ?? 0);
        const redefined = firstChild(override, "lvl");
        const level = redefined ? readLevel(redefined) : levels.get(ilvl);
        const start = attr(firstChild(override, "startOverride"), "val");
        if (level)
          levels.set(ilvl, start === undefined ? level : { ...level, start: Number(start) });
      }
      this.lists.set(attr(num, "numId") ?? "", levels);
    }
  }

  /** The label of the next paragraph with this `w:numPr`, or "" when it is not a list item. */
  next(numPr: XmlElement | undefined): string {
    if (!numPr) return "";
    const numId = attr(firstChild(numPr, "numId"), "val") ?? "";
    const ilvl = Math.max(0, Math.min(8, Number(attr(firstChild(numPr, "ilvl"), "val") ?? 0) || 0));
    const levels = this.lists.get(numId);
    const level = levels?.get(ilvl);
    if (!levels || !level || numId === "0") return "";
    const counts = this.counters.get(numId) ?? [];
    for (let l = 0; l < ilvl; l++) counts[l] ??= levels.get(l)?.start ?? 1;
    counts[ilvl] = counts[ilvl] === undefined ? level.start : counts[ilvl] + 1;
    counts.length = ilvl + 1;
    this.counters.set(numId, counts);
    if (level.format === "bullet") return level.text === "+" ? "+" : "-";
    if (level.format === "none") return "";
    return level.text.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      return formatNumber(counts[l] ?? 1, levels.get(l)?.format ?? "decimal");
    });
  }
}

function readLevel(lvl: XmlElement): Level {
  return {
    start: Number(attr(firstChild(lvl, "start"), "val") ?? 1) || 0,
    format: attr(firstChild(lvl, "numFmt"), "val") ?? "decimal",
    text: attr(firstChild(lvl, "lvlText"), "val") ?? "",
  };
}

function readLevels(abs: XmlElement): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const lvl of childElements(abs, "lvl"))
    levels.set(Number(attr(lvl, "ilvl") ?? 0), readLevel(lvl));
  return levels;
}
