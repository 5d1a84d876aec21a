/** Response schemas of a plan's import: the preview of an upload and the confirmation. */
import { z } from "zod";
import { keptCorrectionSchema } from "../../services/import.view.js";
import { calendarBody as calendar } from "../plans/plans.schemas.js";

export const importPreviewResponse = z.object({
  uploadId: z.string(),
  fileName: z.string(),
  result: z
    .object({ document: z.record(z.string(), z.unknown()), appendices: z.array(z.unknown()) })
    .catchall(z.unknown())
    .describe(
      "kết quả nhập theo hợp đồng nhập (README, mục “Import: formats, contract, directory”)",
    ),
  unresolved: z.array(
    z.object({
      raw: z.string(),
      name: z.string(),
      count: z.number(),
      lines: z.array(z.number()),
      places: z.array(z.string()).describe("“Phụ lục II, nhiệm vụ 12” của mỗi dòng nêu tên"),
    }),
  ),
  existingPlan: z.object({ id: z.number(), number: z.string().nullable() }).nullable(),
  calendar: calendar.nullable(),
  keptCorrections: z
    .array(keptCorrectionSchema)
    .describe(
      "trường của nhiệm vụ đã hiệu chỉnh sau khi nhập (hoặc đã điều chỉnh theo đề xuất được chấp thuận) mà văn bản ghi khác: khi xác nhận, giá trị đã hiệu chỉnh được giữ",
    ),
});

export const importConfirmResponse = z.object({
  planId: z.number(),
  created: z.boolean(),
  unchanged: z.boolean(),
  changes: z
    .object({
      plan: z.array(z.unknown()),
      added: z.array(z.unknown()),
      removed: z.array(z.unknown()),
      changed: z.array(z.unknown()),
      appendicesChanged: z.boolean(),
      indicatorsChanged: z.boolean(),
      kept: z.array(keptCorrectionSchema).describe("trường đã hiệu chỉnh được giữ nguyên"),
    })
    .describe("khác biệt so với bản đã lưu"),
  tasks: z.number(),
  indicators: z.number(),
  unresolvedOrgs: z.number(),
  addedOrganisations: z.number(),
  calendar: calendar.nullable(),
  proposedLinks: z.number(),
});

/** The bodies of the import endpoints, for the web app (`@giamsat/server/api`); the preview's
 * `result` is core's import contract (ImportResult). */
export type ImportPreviewResponse = z.output<typeof importPreviewResponse>;
export type ImportConfirmResponse = z.output<typeof importConfirmResponse>;
