/** Response schemas of the dashboard endpoints: status counts, the trend, unit scorecards. */
import { STATUS_CODES } from "@giamsat/core";
import { z } from "zod";

const counts = z.object(
  Object.fromEntries(STATUS_CODES.map((c) => [c, z.number()])) as Record<
    (typeof STATUS_CODES)[number],
    z.ZodNumber
  >,
);

export const statsResponse = z.object({
  asOf: z.string(),
  total: z.number(),
  counts,
  labels: z.record(z.string(), z.string()),
  byLead: z.array(z.object({ orgId: z.number(), name: z.string(), total: z.number(), counts })),
  leadUnits: z.number(),
});

export const trendResponse = z.object({
  asOf: z.string(),
  months: z.array(z.object({ month: z.string(), asOf: z.string(), counts })),
});

const scorecard = z.object({
  unitId: z.number(),
  name: z.string(),
  group: z.boolean().describe("nhóm chung như “Các bộ, ngành”, không phải một đơn vị cụ thể"),
  led: z.number(),
  doneOnTime: z.number(),
  doneLate: z.number(),
  overdue: z.number(),
  inTime: z.number(),
  dueSoon: z.number(),
  noDeadline: z.number(),
  recurring: z.number(),
  reportsDue: z.number(),
  reportsOnTime: z.number(),
  timeliness: z.number().nullable(),
  reminderMedianDays: z
    .number()
    .nullable()
    .describe(
      "trung vị số ngày từ thư nhắc hạn báo cáo đầu tiên của kỳ đến mỗi báo cáo gửi sau đó",
    ),
  remindedReports: z.number().describe("số báo cáo gửi sau thư nhắc (cơ sở của trung vị)"),
});

export const scorecardsResponse = z.object({ asOf: z.string(), items: z.array(scorecard) });

/** The bodies of the dashboard endpoints, for the web app (`@giamsat/server/api`). */
export type StatsResponse = z.output<typeof statsResponse>;
export type TrendResponse = z.output<typeof trendResponse>;
export type ScorecardsResponse = z.output<typeof scorecardsResponse>;
