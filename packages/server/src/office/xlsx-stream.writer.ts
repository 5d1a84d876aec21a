/**
 * An Excel workbook streamed out (the periodic report's annexes, a list page's "Xuất Excel"):
 * one sheet per source, header row frozen and filtered, dates as Excel dates (dd/mm/yyyy),
 * shares as percentages. Written with exceljs's streaming WorkbookWriter: rows go out as they
 * come (an async iterable), so the national export of every task holds one page of rows in
 * memory, not the workbook.
 */
import type { Writable } from "node:stream";
import type { AnnexCell, AnnexColumn, ListSheet } from "@giamsat/core";
import ExcelJS from "exceljs";

const NUM_FMT: Partial<Record<AnnexColumn["kind"], string>> = {
  date: "dd/mm/yyyy",
  percent: "0.0%",
};

function cellValue(value: AnnexCell, column: AnnexColumn): ExcelJS.CellValue {
  if (value === null || value === "") return null;
  if (column.kind === "date" && typeof value === "string") return new Date(`${value}T00:00:00Z`);
  return value;
}

/** Writes the sheets to `out` (ended when done). */
export async function writeXlsx(sheets: readonly ListSheet[], out: Writable): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  book.creator = "Giám sát";
  for (const source of sheets) {
    const sheet = book.addWorksheet(source.sheet, {
      views: [{ state: "frozen", ySplit: 1, xSplit: 0 }],
    });
    sheet.columns = source.columns.map((c) => ({
      header: c.title,
      // a character of Calibri 11 is about 2 mm wide
      width: Math.max(6, Math.round(c.widthMm / 2)),
      style: NUM_FMT[c.kind] ? { numFmt: NUM_FMT[c.kind]! } : {},
    }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
    header.commit();
    let last = 1;
    for await (const row of source.rows) {
      sheet.addRow(row.map((v, i) => cellValue(v, source.columns[i]!))).commit();
      last += 1;
    }
    sheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: last, column: source.columns.length },
    };
    sheet.commit();
  }
  await book.commit();
}
