import { z } from "zod";
import { asOfParam, idParams } from "../../http/query.js";
import type { RouteTable } from "../../http/route.js";
import type { Ctx } from "../../services/context.js";
import { listDueIndicatorValues } from "../../services/indicator-due.service.js";
import { listPendingIndicatorValues } from "../../services/indicator-review-queue.service.js";
import {
  indicatorKindInput,
  indicatorListQuery,
  indicatorValueInput,
} from "../../services/indicator.schemas.js";
import {
  getIndicatorFor,
  listIndicatorsFor,
  reviewIndicatorValue,
  setIndicatorKindFor,
  submitIndicatorValue,
} from "../../services/indicator.service.js";
import { reviewInput } from "../../services/report.schemas.js";
import {
  dueIndicatorValuesSchema,
  indicatorDetailSchema,
  indicatorListSchema,
  indicatorValueSchema,
  pendingIndicatorValuesSchema,
} from "./indicators.schemas.js";

export function indicatorRoutes(t: RouteTable, ctx: Ctx): void {
  t.add({
    method: "GET",
    url: "/api/indicators",
    tag: "indicators",
    summary:
      "Chỉ tiêu (theo kế hoạch, đơn vị chủ trì, mức cảnh báo) đánh giá tại ngày asOf: giá trị mới nhất, mức đạt so với chỉ tiêu năm, giá trị kỳ vọng, dự báo và khoảng dự báo, mức cảnh báo và lý do; đơn vị chỉ thấy chỉ tiêu của mình",
    access: "user",
    query: indicatorListQuery,
    response: indicatorListSchema,
    handler: async ({ query, actor }) => listIndicatorsFor(ctx, actor, query),
  });

  t.add({
    method: "GET",
    url: "/api/indicators/due",
    tag: "indicators",
    summary:
      "Giá trị chỉ tiêu đơn vị cần báo cáo tại ngày asOf: với mỗi chỉ tiêu đơn vị chủ trì, kỳ vừa kết thúc (tháng, quý hoặc năm trước) khi chưa có giá trị được chấp nhận — chưa báo cáo, bị trả lại hoặc đang chờ thẩm định",
    access: "user",
    query: z.object({ asOf: asOfParam }),
    response: dueIndicatorValuesSchema,
    handler: async ({ query, actor }) => listDueIndicatorValues(ctx, actor, query.asOf),
  });

  t.add({
    method: "GET",
    url: "/api/indicators/:id",
    tag: "indicators",
    summary:
      "Một chỉ tiêu đánh giá tại ngày asOf, cùng mọi giá trị đã báo cáo (trạng thái, ghi chú, minh chứng, người gửi, người thẩm định)",
    access: "user",
    params: idParams,
    query: z.object({ asOf: asOfParam }),
    response: indicatorDetailSchema,
    handler: async ({ params, query, actor }) => getIndicatorFor(ctx, actor, params.id, query.asOf),
  });

  t.add({
    method: "PUT",
    url: "/api/indicators/:id/kind",
    tag: "indicators",
    summary:
      "Cơ quan theo dõi điều chỉnh loại (mức, cộng dồn, theo kỳ) và chiều (càng cao càng tốt, càng thấp càng tốt, trong khoảng) của chỉ tiêu, có lý do; null: trở lại suy luận từ cách ghi",
    access: "user",
    params: idParams,
    body: indicatorKindInput,
    response: indicatorDetailSchema,
    handler: async ({ params, body, actor }) => setIndicatorKindFor(ctx, actor, params.id, body),
  });

  t.add({
    method: "POST",
    url: "/api/indicators/:id/values",
    tag: "indicators",
    summary:
      "Đơn vị chủ trì báo cáo giá trị chỉ tiêu cho một kỳ (2026-05, 2026-Q2, 2026); 409 khi giá trị kỳ đó đang chờ thẩm định; 403 với đơn vị khác",
    access: "user",
    params: idParams,
    body: indicatorValueInput,
    response: z.object({ id: z.number(), status: z.literal("submitted") }),
    status: 201,
    handler: async ({ params, body, actor }) => submitIndicatorValue(ctx, actor, params.id, body),
  });

  t.add({
    method: "GET",
    url: "/api/indicator-values/pending",
    tag: "indicators",
    summary:
      "Giá trị chỉ tiêu chờ thẩm định, cũ nhất trước: chỉ tiêu, giá trị chấp nhận gần nhất trước kỳ đó, cờ cần xem (tỷ lệ vượt 100%, khác xa các giá trị trước); đơn vị chỉ thấy giá trị của mình",
    access: "user",
    response: pendingIndicatorValuesSchema,
    handler: async ({ actor }) => listPendingIndicatorValues(ctx, actor),
  });

  t.add({
    method: "POST",
    url: "/api/indicator-values/:id/review",
    tag: "indicators",
    summary:
      "Cơ quan theo dõi chấp nhận hoặc trả lại giá trị chỉ tiêu (trả lại phải có ý kiến); chỉ giá trị được chấp nhận mới được tính",
    access: "user",
    params: idParams,
    body: reviewInput,
    response: indicatorValueSchema,
    handler: async ({ params, body, actor }) => reviewIndicatorValue(ctx, actor, params.id, body),
  });
}
