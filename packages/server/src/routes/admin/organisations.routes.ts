import { z } from "zod";
import { id, idParams, limitParam, offsetParam } from "../../http/query.js";
import type { RouteTable } from "../../http/route.js";
import type { Ctx } from "../../services/context.js";
import {
  createOrganisation,
  listOrganisationsView,
  createUnitForAlias,
  mapAlias,
  updateOrganisation,
} from "../../services/organisation.service.js";
import { idResponse } from "../../http/responses.js";
import { organisationListResponse } from "./organisations.schemas.js";

const orgInput = z.object({
  name: z.string().trim().min(1, "Nhập tên đơn vị").max(300),
  shortName: z.string().trim().max(50).nullable().optional(),
  kind: z.enum(["unit", "group"]).default("unit"),
  parentId: z.number().int().positive().nullable().optional(),
});

/** A unit name of an imported plan remembered for a unit; `linked`: stored task units linked now. */
const aliasMapped = z.object({ orgId: z.number(), alias: z.string(), linked: z.number() });

export function organisationRoutes(t: RouteTable, ctx: Ctx): void {
  t.add({
    method: "GET",
    url: "/api/organisations",
    tag: "admin",
    summary:
      "Danh mục đơn vị: tìm không dấu theo tên, tên cấp trên và tên gọi khác; mỗi đơn vị kèm tên cấp trên",
    access: "user",
    query: z.object({
      q: z.string().trim().max(200).optional(),
      kind: z.enum(["unit", "group"]).optional(),
      parent: id.optional(),
      id: z
        .union([z.string(), z.array(z.string())])
        .transform((v) =>
          (Array.isArray(v) ? v : [v])
            .flatMap((s) => s.split(","))
            .filter(Boolean)
            .map(Number),
        )
        .pipe(z.array(z.number().int().positive()).max(100))
        .optional(),
      limit: limitParam(1000, 100),
      offset: offsetParam,
    }),
    response: organisationListResponse,
    handler: async ({ query }) => listOrganisationsView(ctx, query),
  });

  t.add({
    method: "POST",
    url: "/api/organisations",
    tag: "admin",
    summary: "Thêm đơn vị (quản trị)",
    access: "user",
    body: orgInput,
    status: 201,
    response: idResponse,
    handler: async ({ body, actor }) => createOrganisation(ctx, actor, body),
  });

  t.add({
    method: "PATCH",
    url: "/api/organisations/:id",
    tag: "admin",
    summary: "Sửa đơn vị: tên, tên viết tắt, loại, cấp trên (quản trị)",
    access: "user",
    params: idParams,
    body: orgInput.partial(),
    response: idResponse,
    handler: async ({ params, body, actor }) => updateOrganisation(ctx, actor, params.id, body),
  });

  t.add({
    method: "POST",
    url: "/api/organisations/:id/aliases",
    tag: "imports",
    summary: "Ánh xạ một tên đơn vị chưa nhận ra vào đơn vị này; được nhớ cho các lần nhập sau",
    access: "user",
    params: idParams,
    body: z.object({ alias: z.string().trim().min(1, "Nhập tên cần ánh xạ").max(500) }),
    status: 201,
    response: aliasMapped,
    handler: async ({ params, body, actor }) => mapAlias(ctx, actor, params.id, body.alias),
  });

  t.add({
    method: "POST",
    url: "/api/organisations/for-alias",
    tag: "imports",
    summary:
      "Tạo đơn vị mới (thuộc đơn vị cấp trên được chọn) cho một tên đơn vị chưa có trong danh mục khi nhập kế hoạch; tên gọi được nhớ cho các lần nhập sau và các nhiệm vụ đã lưu với tên đó được gắn vào (cơ quan theo dõi, quản trị; ghi nhật ký)",
    access: "user",
    body: z.object({
      name: z.string().trim().min(1, "Nhập tên đơn vị mới").max(500),
      parentId: z.number().int().positive(),
      alias: z.string().trim().min(1, "Nhập tên cần ánh xạ").max(500),
    }),
    response: aliasMapped,
    status: 201,
    handler: async ({ body, actor }) => createUnitForAlias(ctx, actor, body),
  });
}
