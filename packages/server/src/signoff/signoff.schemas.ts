import { z } from "zod";

/** The unit head's decision on a report waiting for sign-off; returning needs a reason. */
export const signoffInput = z
  .object({
    decision: z.enum(["approve", "return"]),
    reason: z.string().trim().max(5000).optional(),
  })
  .refine((r) => r.decision === "approve" || Boolean(r.reason), {
    path: ["reason"],
    message: "Nhập lý do khi trả lại báo cáo cho cán bộ",
  });
export type SignoffInput = z.output<typeof signoffInput>;

/** The administrator's switch for one unit. */
export const signoffSettingInput = z.object({ signoffRequired: z.boolean() });
export const signoffSettingSchema = z.object({ id: z.number(), signoffRequired: z.boolean() });

/** The unit head approves several waiting items at once (at least one). */
export const signoffBulkInput = z
  .object({
    reportIds: z.array(z.number().int().positive()).max(200).default([]),
    changeRequestIds: z.array(z.number().int().positive()).max(200).default([]),
  })
  .refine((b) => b.reportIds.length + b.changeRequestIds.length > 0, {
    path: ["reportIds"],
    message: "Chọn ít nhất một báo cáo hoặc đề xuất để ký duyệt",
  });
export type SignoffBulkInput = z.output<typeof signoffBulkInput>;
