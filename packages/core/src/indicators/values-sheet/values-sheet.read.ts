/**
 * Reads the indicator values sheet (.xlsx, core's reader): the header row is found by its column
 * texts, each row below gives an indicator's value for a period. Rows whose value and note are
 * empty are left out (the template lists every indicator). Every problem is reported with its
 * row and column, in Vietnamese; checks against the database (indicator, plan years, pending
 * values) are the server's.
 */
import type { Row } from "../../import/blocks.js";
import { readXlsxBlocks } from "../../import/readers/xlsx.reader.js";
import { columnName } from "../../office/xlsx.writer.js";
import { ValidationError } from "../../errors.js";
import { fold } from "../../text/fold.js";
import { parseValueNumber } from "./value-number.parse.js";
import { parseValuePeriod } from "./value-period.parse.js";
import { VALUES_SHEET_COLUMNS, type ValuesSheetColumn } from "./values-sheet.columns.js";

export type ValuesSheetRow = {
  /** The sheet's row number. */
  line: number;
  indicatorId: number;
  period: string;
  value: number;
  note: string | null;
  evidence: string | null;
};

export type ValuesSheetError = { line: number; column: string | null; message: string };

/** How an error names each column found: `cột G (Giá trị)`. */
export type ValuesSheetLabels = Partial<Record<ValuesSheetColumn["key"], string>>;

export type ValuesSheet = {
  rows: ValuesSheetRow[];
  errors: ValuesSheetError[];
  labels: ValuesSheetLabels;
};

type Columns = Map<ValuesSheetColumn["key"], number>;

function headerColumns(row: Row): Columns {
  const columns: Columns = new Map();
  row.cells.forEach((cell, index) => {
    const text = fold(cell.text);
    const column = VALUES_SHEET_COLUMNS.find(
      (c) => text === fold(c.header) || (c.key === "note" && text.startsWith("ghi chu")),
    );
    if (column && !columns.has(column.key)) columns.set(column.key, index);
  });
  return columns;
}

/** `cột G (Giá trị)`: the letter counts from column A, where the template's table starts. */
const columnLabel = (columns: Columns, key: ValuesSheetColumn["key"]): string =>
  `cột ${columnName(columns.get(key)!)} (${VALUES_SHEET_COLUMNS.find((c) => c.key === key)!.header})`;

function readRow(
  row: Row,
  columns: Columns,
): { row: ValuesSheetRow | null; errors: ValuesSheetError[] } {
  const text = (key: ValuesSheetColumn["key"]) => {
    const index = columns.get(key);
    return index === undefined ? "" : (row.cells[index]?.text ?? "").trim();
  };
  const errors: ValuesSheetError[] = [];
  const fail = (key: ValuesSheetColumn["key"], problem: string) =>
    errors.push({
      line: row.line,
      column: VALUES_SHEET_COLUMNS.find((c) => c.key === key)!.header,
      message: `Dòng ${row.line}, ${columnLabel(columns, key)}: ${problem}`,
    });
  const [idText, periodText, valueText] = [text("id"), text("period"), text("value")];
  const id = /^\d+$/.test(idText) ? Number(idText) : null;
  if (id === null)
    fail("id", idText ? `"${idText}" không phải mã chỉ tiêu (số nguyên).` : "thiếu mã chỉ tiêu.");
  const period = parseValuePeriod(periodText);
  if (period === null) {
    fail(
      "period",
      periodText
        ? `"${periodText}" không phải kỳ báo cáo (2026-05, Tháng 5/2026, Quý II/2026 hoặc 2026).`
        : "thiếu kỳ báo cáo.",
    );
  }
  const value = parseValueNumber(valueText);
  if (value === null)
    fail("value", valueText ? `"${valueText}" không phải là số.` : "thiếu giá trị.");
  if (errors.length > 0 || id === null || period === null || value === null)
    return { row: null, errors };
  return {
    row: {
      line: row.line,
      indicatorId: id,
      period,
      value,
      note: text("note") || null,
      evidence: text("evidence") || null,
    },
    errors,
  };
}

export function readValuesSheet(bytes: Uint8Array): ValuesSheet {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  let tables: Row[][];
  try {
    if (!isZip) throw new Error("not a zip");
    tables = readXlsxBlocks(bytes).flatMap((b) => (b.type === "table" ? [b.rows] : []));
  } catch {
    throw new ValidationError("file: tệp không phải bảng tính Excel (.xlsx) đọc được.", {
      field: "file",
    });
  }
  for (const table of tables) {
    const headerAt = table.findIndex((row) => headerColumns(row).has("id"));
    if (headerAt < 0) continue;
    const columns = headerColumns(table[headerAt]!);
    const missing = VALUES_SHEET_COLUMNS.filter((c) => c.required && !columns.has(c.key));
    if (missing.length > 0) {
      throw new ValidationError(
        `Dòng ${table[headerAt]!.line}: thiếu cột ${missing.map((c) => `"${c.header}"`).join(", ")}.`,
        { field: "file", line: table[headerAt]!.line },
      );
    }
    const rows: ValuesSheetRow[] = [];
    const errors: ValuesSheetError[] = [];
    for (const row of table.slice(headerAt + 1)) {
      const cell = (key: ValuesSheetColumn["key"]) =>
        (row.cells[columns.get(key) ?? -1]?.text ?? "").trim();
      if (!cell("value") && !cell("note") && !cell("evidence")) continue;
      const read = readRow(row, columns);
      if (read.row) rows.push(read.row);
      errors.push(...read.errors);
    }
    const labels: ValuesSheetLabels = {};
    for (const key of columns.keys()) labels[key] = columnLabel(columns, key);
    return { rows, errors, labels };
  }
  throw new ValidationError(
    'file: không tìm thấy dòng tiêu đề có cột "Mã chỉ tiêu", "Kỳ", "Giá trị" (hãy dùng tệp mẫu).',
    { field: "file" },
  );
}
