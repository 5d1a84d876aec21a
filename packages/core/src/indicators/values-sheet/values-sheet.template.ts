/**
 * The indicator values template the monitoring department downloads and fills: a title row
 * saying how to fill it, the header row, then one row per indicator with the period proposed
 * and the value left empty.
 */
import { writeXlsx, type XCell } from "../../office/xlsx.writer.js";
import { VALUES_SHEET_COLUMNS, VALUES_SHEET_NAME } from "./values-sheet.columns.js";

export type ValuesTemplateIndicator = {
  id: number;
  plan: string | null;
  number: string | null;
  name: string;
  unit: string | null;
};

const text = (value: string | null): XCell | null => (value ? { text: value } : null);

export function valuesSheetTemplate(
  indicators: readonly ValuesTemplateIndicator[],
  period: string,
): Uint8Array {
  const title: XCell = {
    text:
      "GIÁ TRỊ CHỈ TIÊU — nhập cột Giá trị (số; tỷ lệ ghi 60 cho 60%); Kỳ dạng 2026-05, " +
      "Tháng 5/2026, Quý II/2026 hoặc 2026; dòng để trống Giá trị được bỏ qua.",
    bold: true,
  };
  const header = VALUES_SHEET_COLUMNS.map((c): XCell => ({ text: c.header, bold: true }));
  const rows = indicators.map((i) =>
    VALUES_SHEET_COLUMNS.map((c): XCell | null => {
      switch (c.key) {
        case "id":
          return { number: i.id };
        case "plan":
          return text(i.plan);
        case "number":
          return text(i.number);
        case "name":
          return text(i.name);
        case "unit":
          return text(i.unit);
        case "period":
          return { text: period };
        default:
          return null;
      }
    }),
  );
  return writeXlsx([{ name: VALUES_SHEET_NAME, rows: [[title], header, ...rows] }]);
}
