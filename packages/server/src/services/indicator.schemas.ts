import {
  dateInput,
  INDICATOR_DIRECTIONS,
  INDICATOR_KINDS,
  MAX_INPUT_YEAR,
  MIN_INPUT_YEAR,
  periodSpan,
  WARNING_LEVELS,
  type IndicatorDirection,
  type IndicatorKind,
} from "@giamsat/core";
import { z } from "zod";
import { id, limitParam, offsetParam } from "../http/query.js";

const VALUE_PERIOD = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q[1-4])?$/;

/** A value's period: `2026-05` (month), `2026-Q2` (quarter) or `2026` (year), a real one. */
export const valuePeriodInput = z
  .string()
  .trim()
  .refine((key) => {
    const m = VALUE_PERIOD.exec(key);
    const year = Number(m?.[1]);
    return m !== null && year >= MIN_INPUT_YEAR && year <= MAX_INPUT_YEAR && !!periodSpan(key);
  }, `Kỳ phải có dạng 2026-05 (tháng), 2026-Q2 (quý) hoặc 2026 (năm), trong các năm ${MIN_INPUT_YEAR}–${MAX_INPUT_YEAR}`);

export const indicatorListQuery = z.object({
  plan: id.optional(),
  unit: id.optional(),
  warning: z.enum(WARNING_LEVELS as [string, ...string[]]).optional(),
  asOf: dateInput.optional(),
  limit: limitParam(1000, 200),
  offset: offsetParam,
});
export type IndicatorListQuery = z.output<typeof indicatorListQuery>;

export const indicatorValueInput = z.object({
  period: valuePeriodInput,
  value: z.number({ message: "value: nhập một số" }).finite("value: nhập một số hữu hạn"),
  note: z.string().trim().max(2000).optional(),
  evidence: z.string().trim().max(1000).optional(),
});
export type IndicatorValueInput = z.output<typeof indicatorValueInput>;

/**
 * The monitoring department's correction of an indicator's kind and direction; null returns to
 * the inference. The reason is required and kept in the audit log.
 */
export const indicatorKindInput = z.object({
  kind: z.enum(INDICATOR_KINDS as [IndicatorKind, ...IndicatorKind[]]).nullable(),
  direction: z
    .enum(INDICATOR_DIRECTIONS as [IndicatorDirection, ...IndicatorDirection[]])
    .nullable(),
  reason: z
    .string({ message: "reason: nhập lý do điều chỉnh" })
    .trim()
    .min(1, "reason: nhập lý do điều chỉnh")
    .max(2000),
});
export type IndicatorKindInput = z.output<typeof indicatorKindInput>;
