/**
 * The one Vietnamese sentence that explains an indicator's warning level, ready to paste into a
 * report: "Có nguy cơ không đạt: hiện 1 sản phẩm, đạt 20% kế hoạch (chỉ tiêu Năm 2026: 5);
 * dự báo 2,4 (1–4,8) vào 31/12/2026; cần thêm 4 sản phẩm, 0,6/tháng — gấp 2,9 lần tốc độ hiện nay."
 */
import { formatDate } from "../status/date.format.js";
import type { IndicatorModel, WarningLevel } from "./indicator.model.js";
import { formatIndicatorPeriod } from "./indicator-period.js";
import type { TargetInForce } from "./indicator-targets.js";

/** 2.45 → "2,5"; 60 → "60" (one decimal at most, Vietnamese decimal comma). */
export function formatIndicatorNumber(value: number): string {
  if (!Number.isFinite(value)) return "—";
  const rounded = Math.round(value * 10) / 10;
  return String(rounded).replace(".", ",");
}

/** 60 with unit "%" → "60%"; 2 "Sản phẩm" → "2 sản phẩm". */
export function formatIndicatorValue(value: number, unit: string | null): string {
  const n = formatIndicatorNumber(value);
  if (!unit) return n;
  return unit.trim() === "%" ? `${n}%` : `${n} ${unit.trim().toLocaleLowerCase("vi")}`;
}

export type WarningTextInput = {
  model: IndicatorModel;
  asOf: string;
  warning: WarningLevel;
  goal: TargetInForce | null;
  current: number | null;
  achievement: number | null;
  projection: { value: number; low: number; high: number } | null;
  needed: { remaining: number; perMonth: number; ratio: number | null } | null;
};

const LEAD: Record<Exclude<WarningLevel, "no_data" | "achieved">, string> = {
  on_track: "Đúng tiến độ",
  at_risk: "Có nguy cơ không đạt",
  off_track: "Chậm tiến độ, khó đạt",
};

export function warningText(input: WarningTextInput): string {
  const { model, goal, current, projection, needed } = input;
  if (!goal) return "Chỉ tiêu chưa có mục tiêu bằng số để so sánh.";
  const period = formatIndicatorPeriod(goal.period);
  if (current === null) {
    return `Chưa có số liệu được chấp nhận đến ngày ${formatDate(input.asOf)} (chỉ tiêu ${period}: ${goal.target.raw}).`;
  }
  const now = formatIndicatorValue(current, model.unit);
  if (input.warning === "no_data")
    return `Chỉ tiêu ${period} không có mục tiêu bằng số (${goal.target.raw}).`;
  if (input.warning === "achieved")
    return `Đã đạt chỉ tiêu ${period}: ${now} so với ${goal.target.raw}.`;
  const over = input.asOf > goal.end;
  const lead = over ? "Không đạt" : LEAD[input.warning];
  const share =
    input.achievement === null
      ? ""
      : `, đạt ${formatIndicatorNumber(input.achievement * 100)}% kế hoạch`;
  const parts = [`${lead}: hiện ${now}${share} (chỉ tiêu ${period}: ${goal.target.raw})`];
  if (projection) {
    const [low, high] = [projection.low, projection.high].map(formatIndicatorNumber);
    parts[0] += `, dự báo ${formatIndicatorNumber(projection.value)} (${low}–${high}) vào ${formatDate(goal.end)}`;
  } else if (!over) {
    parts[0] += ", chưa đủ số liệu để dự báo";
  }
  if (needed) {
    const pace =
      needed.ratio === null || needed.ratio <= 1
        ? ""
        : ` — gấp ${formatIndicatorNumber(needed.ratio)} lần tốc độ hiện nay`;
    parts.push(
      `cần thêm ${formatIndicatorValue(needed.remaining, model.unit)}, ${formatIndicatorNumber(needed.perMonth)}/tháng${pace}`,
    );
  }
  return `${parts.join("; ")}.`;
}
