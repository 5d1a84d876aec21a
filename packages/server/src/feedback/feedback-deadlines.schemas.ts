import { FEEDBACK_KINDS } from "@giamsat/core";
import { z } from "zod";

/** A kind's answer deadline: what the administrator set, and core's default beside it. */
export const answerDaysSchema = z.object({
  kind: z.enum(FEEDBACK_KINDS),
  label: z.string(),
  days: z.number(),
  defaultDays: z.number(),
});
export type AnswerDaysView = z.output<typeof answerDaysSchema>;

export const answerDaysInput = z.object({
  items: z
    .array(
      z.object({
        kind: z.enum(FEEDBACK_KINDS),
        days: z
          .number({ message: "Nhập số ngày làm việc" })
          .int("Số ngày làm việc phải là số nguyên")
          .min(1, "Hạn trả lời ít nhất 1 ngày làm việc")
          .max(60, "Hạn trả lời nhiều nhất 60 ngày làm việc"),
      }),
    )
    .min(1)
    .max(FEEDBACK_KINDS.length),
  reason: z.string().trim().max(500).optional(),
});
