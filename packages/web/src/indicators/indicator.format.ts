import { formatIndicatorNumber, formatIndicatorValue } from "@giamsat/core";
import type { IndicatorItem, IndicatorValue, WarningLevel } from "./indicator.types.js";

export const WARNING_LABELS: Record<WarningLevel, string> = {
  achieved: "Đã đạt",
  on_track: "Đúng tiến độ",
  at_risk: "Có nguy cơ",
  off_track: "Chậm, khó đạt",
  no_data: "Chưa có số liệu",
};

export const KIND_LABELS: Record<IndicatorItem["kind"], string> = {
  level: "Mức (giá trị mới nhất)",
  cumulative: "Cộng dồn",
  in_period: "Theo từng kỳ",
};

export const DIRECTION_LABELS: Record<IndicatorItem["direction"], string> = {
  higher: "Càng cao càng tốt",
  lower: "Càng thấp càng tốt",
  range: "Trong khoảng",
};

export const VALUE_STATUS_LABELS: Record<IndicatorValue["status"], string> = {
  submitted: "Chờ thẩm định",
  accepted: "Đã chấp nhận",
  returned: "Bị trả lại",
  superseded: "Đã được thay thế",
};

/** 60 with unit "%" → "60%"; 2 "Sản phẩm" → "2 sản phẩm"; null → "—". */
export const formatValue = (value: number | null, unit: string | null): string =>
  value === null ? "—" : formatIndicatorValue(value, unit);

/** 0.75 → "75%". */
export const formatShare = (share: number | null): string =>
  share === null ? "—" : `${formatIndicatorNumber(share * 100)}%`;
