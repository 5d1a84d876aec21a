/** Indicators as the API returns them (GET /api/indicators, GET /api/indicators/:id, …): the
 * server's response schemas, imported as types. */
import type {
  DueIndicatorValuesResponse,
  IndicatorDetailResponse,
  IndicatorListResponse,
  PendingIndicatorValuesResponse,
  ValuesSheetPreviewResponse,
} from "@giamsat/server/api";

export type IndicatorItem = IndicatorListResponse["items"][number];
export type WarningLevel = IndicatorItem["warning"];
export type IndicatorDetail = IndicatorDetailResponse;
export type IndicatorValue = IndicatorDetail["values"][number];
/** A review flag of a value (core indicatorValueFlags). */
export type ValueFlag = IndicatorValue["flags"][number];
/** GET /api/indicator-values/pending: a value waiting for review, with its indicator. */
export type PendingIndicatorValue = PendingIndicatorValuesResponse["items"][number];
/** GET /api/indicators/due: a value the unit is asked for. */
export type DueIndicatorValue = DueIndicatorValuesResponse["items"][number];
/** POST /api/indicator-values/import/preview: the rows to store and every error by row, column. */
export type SheetPreview = ValuesSheetPreviewResponse;
