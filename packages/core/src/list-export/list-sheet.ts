import type { AnnexCell, AnnexColumn } from "../periodic-report/periodic-report.model.js";

/**
 * One sheet of an exported workbook (a list page's "Xuất Excel", a periodic report's annex):
 * its columns and its rows, which may arrive page by page (an async iterable) so that a long
 * list is never held whole.
 */
export type ListSheet = {
  /** the sheet's name (≤ 31 characters, no `/ \ ? * [ ]`) */
  sheet: string;
  columns: AnnexColumn[];
  rows: Iterable<AnnexCell[]> | AsyncIterable<AnnexCell[]>;
};
