/**
 * Kind and direction of an indicator guessed from its wording, unit and target, with the
 * reasons shown to the monitoring department, who can correct the guess.
 *
 * - a share or a rate ("Tỷ lệ", "Chỉ số", "%") is a `level`: the latest value stands;
 * - "mỗi năm", "hằng năm", "hàng năm", "trong năm", "/năm" make it `in_period`;
 * - anything else counted ("số", "sản phẩm", "doanh nghiệp" …) is `cumulative`;
 * - "giảm", "không quá", a `<=` target make it lower-is-better; a range target `range`.
 */
import type { Target } from "../import/contract.js";
import { fold } from "../text/fold.js";
import type { IndicatorDirection, IndicatorKind } from "./indicator.model.js";

export type IndicatorInference = {
  kind: IndicatorKind;
  direction: IndicatorDirection;
  /** Why, in Vietnamese, one sentence per decision. */
  reasons: string[];
};

export type InferenceInput = { name: string; unit: string | null; target: Target | null };

const PER_PERIOD = /\b(moi|hang) (nam|thang)\b|\btrong nam\b|\/ ?nam\b/;
const RATE = /^(ty le|ti le|chi so|muc do|toc do)\b/;
const LOWER = /\b(giam|khong qua|toi da|duoi)\b/;

function inferKind(name: string, unit: string, target: Target | null): [IndicatorKind, string] {
  if (PER_PERIOD.test(name)) return ["in_period", "tên có “mỗi năm/hằng năm”: so sánh từng kỳ"];
  if (unit === "%" || target?.parts.some((p) => p.unit === "%")) {
    return ["level", "đơn vị là %: giá trị mới nhất là giá trị hiện tại"];
  }
  if (RATE.test(name)) return ["level", "tên bắt đầu bằng “Tỷ lệ/Chỉ số”: giá trị mới nhất đứng"];
  return ["cumulative", "đếm được (số, sản phẩm…): các kỳ cộng dồn"];
}

function inferDirection(name: string, target: Target | null): [IndicatorDirection, string] {
  const ops = target?.parts.map((p) => p.op) ?? [];
  if (ops.includes("range")) return ["range", "chỉ tiêu là một khoảng: nằm trong khoảng là đạt"];
  if (ops.includes("<=")) return ["lower", "chỉ tiêu dạng “≤”: càng thấp càng tốt"];
  if (LOWER.test(name)) return ["lower", "tên có “giảm/không quá”: càng thấp càng tốt"];
  return ["higher", "càng cao càng tốt (mặc định)"];
}

export function inferIndicatorKind(input: InferenceInput): IndicatorInference {
  const name = fold(input.name);
  const unit = (input.unit ?? "").trim();
  const [kind, kindReason] = inferKind(name, unit, input.target);
  const [direction, directionReason] = inferDirection(name, input.target);
  return { kind, direction, reasons: [kindReason, directionReason] };
}
