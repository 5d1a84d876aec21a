/**
 * Is a row without a number the rest of the row above, cut by a page break? Decided by position
 * (right after a repeated header) and content (lower-case start, empty name, italic text under
 * a non-italic row, a deadline of its own…). Expect a few ambiguous rows: `weak` says so.
 */
import { endsSentence, isUpperText, startsLower, startsWithAcronym } from "./row.classify.js";

/** A name that opens a period or a step (`Năm 2027`, `Quý IV/2026`, `Giai đoạn 2: …`) is a row of its own. */
const PERIOD_OR_STEP = /^(?:năm|quý|tháng|giai đoạn|đợt|bước|kỳ)\s+[\dIVX]/iu;

/** `- Khảo sát`, `+ Thiết kế`, `• …`: an item of its own. */
const BULLET = /^[-+•–]\s+\p{Lu}/u;

export type RowView = {
  name: string;
  nameItalic: boolean;
  nameBold: boolean;
  deadline: string;
  /** Non-empty cells other than number and name. */
  dataCells: number;
};

export type ContinuationVerdict = { continues: boolean; weak: boolean };

export function judgeContinuation(
  row: RowView,
  above: RowView,
  afterBreak: boolean,
): ContinuationVerdict {
  const aboveIsGroup = above.dataCells === 0 && (above.nameBold || isUpperText(above.name));
  if (aboveIsGroup) {
    // A group title cut in two goes on in lower case and has nothing else.
    const continues = afterBreak && row.dataCells === 0 && startsLower(row.name);
    return { continues, weak: false };
  }
  let score = afterBreak ? 2 : 0;
  if (row.name === "") score += 2;
  else if (BULLET.test(row.name)) score -= 1;
  else if (startsLower(row.name) || /^[\d(,;.:\-–/"“]/.test(row.name)) score += 2;
  else if (!startsWithAcronym(row.name)) score -= 1;
  if (row.name !== "" && row.nameItalic && !above.nameItalic) score -= 2;
  if (PERIOD_OR_STEP.test(row.name)) score -= 2;
  if (row.deadline !== "") score += above.deadline === "" ? 1 : -1;
  if (above.name !== "") score += endsSentence(above.name) ? -1 : 1;
  return { continues: score >= 2, weak: score === 2 || score === 1 };
}
