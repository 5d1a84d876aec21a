import { ERROR_CODES, type ErrorCode } from "@giamsat/core";
import { z } from "zod";
import type { AnyRoute } from "./route.js";

/** A request schema as clients send it (defaults optional), a response one as they receive it. */
const toSchema = (schema: z.ZodType, io: "input" | "output" = "input") =>
  z.toJSONSchema(schema, { io, unrepresentable: "any" });

const errorSchema = toSchema(
  z.object({
    code: z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
  "output",
);

function successContent(route: AnyRoute): object {
  if (route.produces)
    return Object.fromEntries(
      [route.produces]
        .flat()
        .map((type) => [type, { schema: { type: "string", format: "binary" } }]),
    );
  return { "application/json": { schema: toSchema(route.response, "output") } };
}

function parameters(route: AnyRoute): object[] {
  const list: object[] = [];
  for (const [where, schema] of [
    ["path", route.params],
    ["query", route.query],
  ] as const) {
    if (!schema) continue;
    const json = toSchema(schema) as { properties?: Record<string, object>; required?: string[] };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      list.push({
        name,
        in: where,
        required: where === "path" || (json.required ?? []).includes(name),
        schema: prop,
      });
    }
  }
  return list;
}

/** The OpenAPI 3.1 document of every registered route, generated from its zod schemas. */
export function openApiDocument(routes: readonly AnyRoute[]): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:(\w+)/g, "{$1}");
    const content: Record<string, object> = {};
    if (route.body) content["application/json"] = { schema: toSchema(route.body) };
    if (route.multipart) content["multipart/form-data"] = { schema: toSchema(route.multipart) };
    const status = String(route.status ?? 200);
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      summary: route.summary,
      tags: [route.tag],
      ...(route.access === "user" ? { security: [{ session: [] }, { bearer: [] }] } : {}),
      parameters: parameters(route),
      ...(Object.keys(content).length ? { requestBody: { required: true, content } } : {}),
      responses: {
        [status]: { description: "Thành công", content: successContent(route) },
        default: { description: "Lỗi", content: { "application/json": { schema: errorSchema } } },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Giám sát API",
      version: "0.1.0",
      description:
        "Theo dõi, đánh giá việc thực hiện kế hoạch. Xác thực bằng cookie phiên (kèm header x-csrf-token cho POST/PUT/PATCH/DELETE) hoặc Authorization: Bearer <mã truy cập>.",
    },
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "giamsat_session" },
        bearer: { type: "http", scheme: "bearer" },
      },
    },
    paths,
  };
}
