/**
 * A row whose cells look shifted: more cells than the header, a date where a unit should be,
 * or a unit where the deadline should be. Only warns; the values stay where they were read.
 */
import { fold } from "../../text/fold.js";
import type { ImportContext } from "../import-context.js";
import type { RowFields } from "./row-fields.js";
import type { LogicalRow } from "./rows.merge.js";

const LOOKS_LIKE_DEADLINE =
  /^(?:trong\s+)?(?:quy\s+[ivx]+\b|thang\s+\d|nam\s+\d{4}$|\d{1,2}\s*\/\s*\d{4}$|\d{1,2}\/\d{1,2}\/\d{4}$|\d{4}$|thuong xuyen$|hang (?:nam|quy|thang)$)/;
const LOOKS_LIKE_UNIT =
  /^(?:cuc|vu|bo|so|van phong|uy ban|ubnd|trung tam|vien|cac (?:don vi|bo|co quan|so))\b/;

export function checkShifted(
  row: LogicalRow,
  fields: RowFields,
  ctx: ImportContext,
  who: string,
): void {
  const lead = fold(fields.text(row, "lead"));
  const deadline = fold(fields.text(row, "deadline"));
  if (row.shifted) {
    ctx.warn("row_shifted", row.line, `${who}: ${row.shifted}; các ô có thể bị lệch.`);
  } else if (LOOKS_LIKE_DEADLINE.test(lead)) {
    ctx.warn(
      "row_shifted",
      row.line,
      `${who}: cột chủ trì chứa “${fields.text(row, "lead")}”, giống thời hạn; các ô có thể bị lệch.`,
    );
  } else if (LOOKS_LIKE_UNIT.test(deadline)) {
    ctx.warn(
      "row_shifted",
      row.line,
      `${who}: cột thời hạn chứa “${fields.text(row, "deadline").slice(0, 60)}”, giống tên đơn vị; các ô có thể bị lệch.`,
    );
  }
}
