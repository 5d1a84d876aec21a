/** The response schema of the unit directory (GET /api/organisations). */
import { z } from "zod";
import { pageOf } from "../../http/responses.js";

export const organisationListResponse = pageOf(
  z.object({
    id: z.number(),
    name: z.string(),
    shortName: z.string().nullable(),
    kind: z.enum(["unit", "group"]),
    parentId: z.number().nullable(),
    parentName: z
      .string()
      .nullable()
      .describe("tên đơn vị cấp trên, hiện bên cạnh tên (“Sở Công Thương — Tỉnh Khánh Hòa”)"),
    aliases: z.array(z.string()),
    signoffRequired: z
      .boolean()
      .describe("báo cáo của chuyên viên chờ lãnh đạo đơn vị ký duyệt trước khi thẩm định"),
  }),
);

/** The directory's body, for the web app (`@giamsat/server/api`). */
export type OrganisationListResponse = z.output<typeof organisationListResponse>;
