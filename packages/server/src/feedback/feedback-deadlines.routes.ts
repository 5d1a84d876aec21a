import { z } from "zod";
import type { RouteTable } from "../http/route.js";
import type { Ctx } from "../services/context.js";
import { answerDaysInput, answerDaysSchema } from "./feedback-deadlines.schemas.js";
import { answerDeadlines, setAnswerDeadlines } from "./feedback-deadlines.service.js";

/** The answer deadline of each kind of public submission, in working days. */
export function feedbackDeadlineRoutes(t: RouteTable, ctx: Ctx): void {
  t.add({
    method: "GET",
    url: "/api/feedback-deadlines",
    tag: "feedback",
    summary:
      "Hạn trả lời góp ý theo loại, tính bằng ngày làm việc (mặc định 15; quản trị, cơ quan theo dõi)",
    access: "user",
    response: z.array(answerDaysSchema),
    handler: async ({ actor }) => answerDeadlines(ctx, actor),
  });

  t.add({
    method: "PUT",
    url: "/api/feedback-deadlines",
    tag: "feedback",
    summary: "Đặt hạn trả lời góp ý cho từng loại, 1–60 ngày làm việc (quản trị; ghi nhật ký)",
    access: "user",
    body: answerDaysInput,
    response: z.array(answerDaysSchema),
    handler: async ({ actor, body }) => setAnswerDeadlines(ctx, actor, body),
  });
}
