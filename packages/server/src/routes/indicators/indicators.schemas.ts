/** Response schemas of the indicator endpoints (the evaluation's details as core computes them). */
import {
  INDICATOR_DIRECTIONS,
  INDICATOR_KINDS,
  type IndicatorDirection,
  type IndicatorKind,
} from "@giamsat/core";
import { z } from "zod";

const kind = z.enum(INDICATOR_KINDS as [IndicatorKind, ...IndicatorKind[]]);
const direction = z.enum(INDICATOR_DIRECTIONS as [IndicatorDirection, ...IndicatorDirection[]]);
const warning = z.enum(["achieved", "on_track", "at_risk", "off_track", "no_data"]);

export const indicatorItemSchema = z.object({
  id: z.number(),
  planId: z.number(),
  number: z.string().nullable(),
  name: z.string(),
  unit: z.string().nullable(),
  kind,
  direction,
  inferred: z
    .object({ kind, direction, reasons: z.array(z.string()) })
    .describe("cách đọc chỉ tiêu suy ra từ tên và đơn vị, với lý do"),
  correction: z
    .object({ kind: kind.nullable(), direction: direction.nullable() })
    .nullable()
    .describe(
      "điều chỉnh của cơ quan theo dõi (phần null: theo suy luận); null khi chưa điều chỉnh",
    ),
  frequency: z.enum(["monthly", "quarterly", "yearly"]),
  responsible: z.object({ id: z.number(), name: z.string() }).nullable(),
  targets: z.array(z.object({ period: z.string(), raw: z.string(), value: z.number().nullable() })),
  latest: z.object({ period: z.string(), value: z.number() }).nullable(),
  current: z.number().nullable(),
  achievement: z.number().nullable(),
  periodAchievement: z.number().nullable(),
  expected: z.number().nullable(),
  projection: z
    .object({ period: z.string(), value: z.number(), low: z.number(), high: z.number() })
    .nullable()
    .describe("dự báo cuối kỳ và khoảng dự báo (null khi chưa đủ dữ liệu)"),
  needed: z
    .object({
      remaining: z.number(),
      perMonth: z.number(),
      currentPerMonth: z.number().nullable(),
      ratio: z.number().nullable(),
    })
    .nullable()
    .describe("mức cần đạt mỗi tháng còn lại để đạt chỉ tiêu (null khi đã đạt hoặc hết hạn)"),
  warning,
  warningText: z.string(),
});

export const indicatorValueSchema = z.object({
  id: z.number(),
  period: z.string(),
  periodLabel: z.string(),
  value: z.number(),
  status: z.enum(["submitted", "accepted", "returned", "superseded"]),
  note: z.string().nullable(),
  evidence: z.string().nullable(),
  source: z.string(),
  submittedBy: z.object({ id: z.number(), name: z.string().nullable(), at: z.string() }),
  reviewedBy: z
    .object({
      id: z.number(),
      name: z.string().nullable(),
      at: z.string().nullable(),
      comment: z.string().nullable(),
    })
    .nullable(),
  flags: z
    .array(
      z.object({
        code: z.enum(["rate_over_100", "negative_rate", "far_from_history"]),
        text: z.string(),
      }),
    )
    .describe("điều cơ quan theo dõi nên xem trước khi chấp nhận"),
});

export const indicatorListSchema = z.object({
  items: z.array(indicatorItemSchema),
  total: z.number(),
  asOf: z.string(),
  counts: z
    .record(warning, z.number())
    .describe("số chỉ tiêu theo mức cảnh báo, trước khi lọc theo warning (ô chỉ tiêu ở Tổng quan)"),
});

export const indicatorDetailSchema = indicatorItemSchema.extend({
  asOf: z.string(),
  values: z.array(indicatorValueSchema),
});

/** POST /api/indicator-values/import/preview: the rows that would be stored and every error. */
export const valuesSheetPreviewSchema = z.object({
  rows: z.array(
    z.object({
      line: z.number(),
      indicatorId: z.number(),
      number: z.string().nullable(),
      name: z.string(),
      unit: z.string().nullable(),
      period: z.string(),
      periodLabel: z.string(),
      value: z.number(),
      note: z.string().nullable(),
      evidence: z.string().nullable(),
      corrects: z.number().nullable().describe("giá trị đã chấp nhận mà dòng này sửa"),
    }),
  ),
  errors: z.array(
    z.object({ line: z.number(), column: z.string().nullable(), message: z.string() }),
  ),
});

/** POST /api/indicator-values/import: how many values were stored and how many corrected one. */
export const valuesSheetImportSchema = z.object({ created: z.number(), corrected: z.number() });

/** An indicator as lists of values name it (review queue, inbox). */
const indicatorRefSchema = z.object({
  id: z.number(),
  planId: z.number(),
  planNumber: z.string().nullable(),
  number: z.string().nullable(),
  name: z.string(),
  unit: z.string().nullable(),
  responsible: z.string().nullable(),
});

/** GET /api/indicators/due: the values a unit is asked for (last ended period, none accepted). */
export const dueIndicatorValuesSchema = z.object({
  items: z.array(
    z.object({
      indicator: indicatorRefSchema,
      period: z.string(),
      periodLabel: z.string(),
      state: z.enum(["missing", "returned", "submitted"]),
    }),
  ),
  asOf: z.string(),
});

/** GET /api/indicator-values/pending: each waiting value with its indicator and previous value. */
export const pendingIndicatorValuesSchema = z.object({
  items: z.array(
    indicatorValueSchema.extend({
      indicator: indicatorRefSchema,
      previous: z.object({ period: z.string(), value: z.number() }).nullable(),
    }),
  ),
  total: z.number(),
});

/** The bodies of the indicator endpoints, for the web app (`@giamsat/server/api`). */
export type IndicatorListResponse = z.output<typeof indicatorListSchema>;
export type IndicatorDetailResponse = z.output<typeof indicatorDetailSchema>;
export type PendingIndicatorValuesResponse = z.output<typeof pendingIndicatorValuesSchema>;
export type DueIndicatorValuesResponse = z.output<typeof dueIndicatorValuesSchema>;
export type ValuesSheetPreviewResponse = z.output<typeof valuesSheetPreviewSchema>;
