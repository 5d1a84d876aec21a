/**
 * Where a task or an indicator is in its document, as people refer to it: "Phụ lục II, nhiệm vụ
 * 12" — the same in the converted text, the Word document and the Excel workbook (whose line
 * numbers are a paragraph count or a row of one sheet, meaningless to the reader).
 */
import type { Appendix } from "./contract.js";

/** "Phụ lục II" from an appendix title ("PHỤ LỤC II — DANH MỤC NHIỆM VỤ…"), else "Phụ lục n". */
export function appendixName(title: string, index: number): string {
  const m = /ph[uụ]\s*l[uụ]c\s+([IVXLC]+|\d+)\b/iu.exec(title.normalize("NFC"));
  return m ? `Phụ lục ${m[1]!.toUpperCase()}` : `Phụ lục ${index + 1}`;
}

/** "Phụ lục II, nhiệm vụ 12" / "Phụ lục III, chỉ tiêu 3" ("không số" for an unnumbered row). */
export function itemPlace(
  appendix: Pick<Appendix, "title">,
  index: number,
  item: { number: string | null },
  kind: "task" | "indicator",
): string {
  const what = kind === "task" ? "nhiệm vụ" : "chỉ tiêu";
  return `${appendixName(appendix.title, index)}, ${what} ${item.number ?? "không số"}`;
}
