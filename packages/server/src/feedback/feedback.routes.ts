import { z } from "zod";
import type { RouteTable } from "../http/route.js";
import { idParams } from "../http/query.js";
import type { Ctx } from "../services/context.js";
import { checkProofOfWork, checkSubmissionRate, newChallenge } from "./feedback-guard.js";
import {
  answerInput,
  challengeSchema,
  codeParams,
  decisionInput,
  feedbackInput,
  feedbackItemSchema,
  feedbackQuery,
  publicFeedbackSchema,
  ratingInput,
  rejectInput,
  routeInput,
  submittedSchema,
} from "./feedback.schemas.js";
import {
  answerFeedback,
  decideFeedback,
  feedbackItem,
  feedbackQueue,
  publicFeedback,
  rateFeedback,
  rejectFeedback,
  routeFeedback,
  submitFeedback,
} from "./feedback.service.js";

/** Public feedback (PAKN, issue 16): the no-login form and tracking page, and the handling. */
export function feedbackRoutes(t: RouteTable, ctx: Ctx): void {
  t.add({
    method: "GET",
    url: "/api/public/challenge",
    tag: "public",
    summary: "Thử thách ALTCHA (proof of work) cho biểu mẫu góp ý, hiệu lực 10 phút, dùng một lần",
    access: "public",
    response: challengeSchema,
    handler: async () => newChallenge(ctx),
  });

  t.add({
    method: "POST",
    url: "/api/public/feedback",
    tag: "public",
    summary:
      "Gửi góp ý, phản ánh, kiến nghị không cần đăng nhập: cần lời giải ALTCHA (400 khi sai), tối đa 10 lần mỗi phút mỗi địa chỉ (429), nội dung trùng bị từ chối (409); trả mã theo dõi và mã bí mật của người gửi",
    access: "public",
    body: feedbackInput,
    status: 201,
    response: submittedSchema,
    handler: async ({ request, body }) => {
      checkSubmissionRate(ctx, request.ip);
      await checkProofOfWork(ctx, body.altcha);
      return submitFeedback(ctx, body);
    },
  });

  t.add({
    method: "GET",
    url: "/api/public/feedback/:code",
    tag: "public",
    summary:
      "Theo dõi một góp ý theo mã: trạng thái, đơn vị xử lý, hạn, trả lời khi đã công bố (không có thông tin liên hệ của người gửi)",
    access: "public",
    params: codeParams,
    response: publicFeedbackSchema,
    handler: async ({ params }) => publicFeedback(ctx, params.code),
  });

  t.add({
    method: "POST",
    url: "/api/public/feedback/:code/rating",
    tag: "public",
    summary: "Người gửi (có mã bí mật) đánh giá trả lời đã công bố, 1–5 sao kèm nhận xét",
    access: "public",
    params: codeParams,
    body: ratingInput,
    response: publicFeedbackSchema,
    handler: async ({ params, body }) => rateFeedback(ctx, params.code, body),
  });

  t.add({
    method: "GET",
    url: "/api/feedback",
    tag: "feedback",
    summary:
      "Danh sách góp ý cần xử lý (cơ quan theo dõi: tất cả; đơn vị: góp ý chuyển cho mình), lọc theo trạng thái, loại, quá hạn; mới nhất trước, tối đa 500",
    access: "user",
    query: feedbackQuery,
    response: z.array(feedbackItemSchema),
    handler: async ({ actor, query }) => feedbackQueue(ctx, actor, query),
  });

  t.add({
    method: "GET",
    url: "/api/feedback/:id",
    tag: "feedback",
    summary:
      "Một góp ý để xử lý: nội dung, người gửi và liên hệ, nhiệm vụ liên quan, đơn vị gợi ý, hạn, dự thảo trả lời",
    access: "user",
    params: idParams,
    response: feedbackItemSchema,
    handler: async ({ actor, params }) => feedbackItem(ctx, actor, params.id),
  });

  t.add({
    method: "POST",
    url: "/api/feedback/:id/route",
    tag: "feedback",
    summary: "Chuyển góp ý cho đơn vị xử lý, hạn tính theo ngày làm việc (mặc định 15)",
    access: "user",
    params: idParams,
    body: routeInput,
    response: feedbackItemSchema,
    handler: async ({ actor, params, body }) => routeFeedback(ctx, actor, params.id, body),
  });

  t.add({
    method: "POST",
    url: "/api/feedback/:id/reject",
    tag: "feedback",
    summary: "Không tiếp nhận góp ý, có lý do (cơ quan theo dõi)",
    access: "user",
    params: idParams,
    body: rejectInput,
    response: feedbackItemSchema,
    handler: async ({ actor, params, body }) => rejectFeedback(ctx, actor, params.id, body),
  });

  t.add({
    method: "POST",
    url: "/api/feedback/:id/answer",
    tag: "feedback",
    summary: "Đơn vị được chuyển soạn trả lời góp ý (chờ cơ quan theo dõi duyệt)",
    access: "user",
    params: idParams,
    body: answerInput,
    response: feedbackItemSchema,
    handler: async ({ actor, params, body }) => answerFeedback(ctx, actor, params.id, body),
  });

  t.add({
    method: "POST",
    url: "/api/feedback/:id/decision",
    tag: "feedback",
    summary: "Cơ quan theo dõi duyệt công bố trả lời, hoặc trả lại đơn vị có lý do",
    access: "user",
    params: idParams,
    body: decisionInput,
    response: feedbackItemSchema,
    handler: async ({ actor, params, body }) => decideFeedback(ctx, actor, params.id, body),
  });
}
