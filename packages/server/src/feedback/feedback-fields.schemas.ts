import { z } from "zod";

export const publicFieldSchema = z.object({ id: z.number(), name: z.string() });
export type PublicFieldView = z.infer<typeof publicFieldSchema>;

export const fieldSchema = publicFieldSchema.extend({
  /** the unit proposed when routing a submission of this field */
  unitId: z.number().nullable(),
  unit: z.string().nullable(),
  active: z.boolean(),
});
export type FieldView = z.infer<typeof fieldSchema>;

const fieldName = z
  .string({ message: "Thiếu tên lĩnh vực." })
  .trim()
  .min(1, "Cần nhập tên lĩnh vực.")
  .max(200, "Tên lĩnh vực dài quá 200 ký tự.");

export const fieldInput = z.object({
  name: fieldName,
  unitId: z.number().int().positive().nullable().optional(),
});

export const fieldPatch = z.object({
  name: fieldName.optional(),
  unitId: z.number().int().positive().nullable().optional(),
  active: z.boolean().optional(),
});
