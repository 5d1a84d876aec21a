import { CORRECTABLE_FIELDS, dateInput } from "@giamsat/core";
import { z } from "zod";

const orgIds = z.array(z.number().int().positive());

/** A correction of a task by the monitoring department: the fields to change and why. */
export const taskCorrectionInput = z.object({
  reason: z.string().trim().min(1, "Nhập lý do hiệu chỉnh").max(5000),
  name: z.string().trim().min(1, "Tên nhiệm vụ không được để trống").max(5000).optional(),
  leadOrgIds: orgIds.min(1, "Chọn ít nhất một đơn vị chủ trì").max(20).optional(),
  coordinatorOrgIds: orgIds.max(100).optional(),
  dueDate: dateInput.optional(),
  /** empty text clears the output */
  output: z.string().trim().max(5000).optional(),
  confidential: z.boolean().optional(),
});
export type TaskCorrectionInput = z.output<typeof taskCorrectionInput>;

export const versionChange = z.object({
  field: z.enum(CORRECTABLE_FIELDS),
  label: z.string(),
  before: z.string(),
  after: z.string(),
});

export const taskCorrectionResponse = z.object({
  taskId: z.number(),
  version: z.number(),
  changes: z.array(versionChange),
});
export type TaskCorrectionView = z.output<typeof taskCorrectionResponse>;
