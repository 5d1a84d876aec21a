import { dateInput } from "@giamsat/core";
import { z } from "zod";

/** What every kind has: the reason, and the returned request this one sends again, if any. */
const common = {
  reason: z.string().trim().min(1, "Nhập lý do đề xuất").max(5000),
  resubmits: z.number().int().positive().optional(),
};

/** A unit's proposal to amend a task, by kind. */
export const changeRequestInput = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("extend_deadline"),
    ...common,
    dueDate: dateInput,
    deadlineRaw: z.string().trim().max(200).optional(),
  }),
  z.object({
    kind: z.literal("reassign"),
    ...common,
    leadOrgIds: z
      .array(z.number().int().positive())
      .min(1, "Chọn ít nhất một đơn vị chủ trì")
      .max(20),
  }),
  z.object({
    kind: z.literal("change_output"),
    ...common,
    output: z.string().trim().min(1, "Nhập sản phẩm mới").max(5000),
  }),
  z.object({ kind: z.literal("cancel"), ...common }),
]);
export type ChangeRequestInput = z.output<typeof changeRequestInput>;

export const decisionInput = z
  .object({
    decision: z.enum(["approve", "reject"]),
    comment: z.string().trim().max(5000).optional(),
  })
  .refine((d) => d.decision === "approve" || Boolean(d.comment), {
    path: ["comment"],
    message: "Nhập lý do khi không chấp thuận",
  });
export type DecisionInput = z.output<typeof decisionInput>;
