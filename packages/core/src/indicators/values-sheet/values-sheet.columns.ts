/**
 * The columns of the indicator values sheet the monitoring department fills (one row per
 * indicator and period): the template writes them in this order; the reader finds them by their
 * header text, in any order. `required` columns must be present.
 */
export type ValuesSheetColumn = {
  key: "id" | "plan" | "number" | "name" | "unit" | "period" | "value" | "note" | "evidence";
  header: string;
  required: boolean;
};

export const VALUES_SHEET_COLUMNS: readonly ValuesSheetColumn[] = [
  { key: "id", header: "Mã chỉ tiêu", required: true },
  { key: "plan", header: "Kế hoạch", required: false },
  { key: "number", header: "STT chỉ tiêu", required: false },
  { key: "name", header: "Tên chỉ tiêu", required: false },
  { key: "unit", header: "Đơn vị tính", required: false },
  { key: "period", header: "Kỳ", required: true },
  { key: "value", header: "Giá trị", required: true },
  { key: "note", header: "Ghi chú, nguồn số liệu", required: false },
  { key: "evidence", header: "Minh chứng", required: false },
];

export const VALUES_SHEET_NAME = "Giá trị chỉ tiêu";
