import { z } from "zod";
import { idParams } from "../http/query.js";
import type { RouteTable } from "../http/route.js";
import type { Ctx } from "../services/context.js";
import {
  fieldInput,
  fieldPatch,
  fieldSchema,
  publicFieldSchema,
} from "./feedback-fields.schemas.js";
import { allFields, changeField, createField, publicFields } from "./feedback-fields.service.js";

/** The fields (lĩnh vực) of the public feedback form, kept by the administrator. */
export function feedbackFieldRoutes(t: RouteTable, ctx: Ctx): void {
  t.add({
    method: "GET",
    url: "/api/public/feedback-fields",
    tag: "public",
    summary: "Các lĩnh vực để chọn trên biểu mẫu góp ý (đang dùng, theo tên)",
    access: "public",
    response: z.array(publicFieldSchema),
    handler: async () => publicFields(ctx),
  });

  t.add({
    method: "GET",
    url: "/api/feedback-fields",
    tag: "feedback",
    summary: "Mọi lĩnh vực góp ý với đơn vị gợi ý xử lý (quản trị, cơ quan theo dõi)",
    access: "user",
    response: z.array(fieldSchema),
    handler: async ({ actor }) => allFields(ctx, actor),
  });

  t.add({
    method: "POST",
    url: "/api/feedback-fields",
    tag: "feedback",
    summary: "Thêm lĩnh vực góp ý, có thể kèm đơn vị gợi ý xử lý (quản trị; tên trùng → 409)",
    access: "user",
    body: fieldInput,
    status: 201,
    response: fieldSchema,
    handler: async ({ actor, body }) => createField(ctx, actor, body),
  });

  t.add({
    method: "PATCH",
    url: "/api/feedback-fields/:id",
    tag: "feedback",
    summary: "Đổi tên, đơn vị gợi ý, hoặc ngừng/dùng lại một lĩnh vực góp ý (quản trị)",
    access: "user",
    params: idParams,
    body: fieldPatch,
    response: fieldSchema,
    handler: async ({ actor, params, body }) => changeField(ctx, actor, params.id, body),
  });
}
