import { z } from "zod";

/** A task's field kept at its corrected value on re-import. */
export const keptCorrectionSchema = z.object({
  taskId: z.number(),
  place: z.string().describe("“Phụ lục I, nhiệm vụ 12”"),
  number: z.string().nullable(),
  name: z.string(),
  confidential: z.boolean(),
  field: z.enum(["name", "lead", "coordinators", "deadline", "output"]),
  label: z.string(),
  kept: z.string().describe("giá trị được giữ"),
  document: z.string().describe("giá trị văn bản ghi"),
});
export type KeptCorrectionView = z.output<typeof keptCorrectionSchema>;
