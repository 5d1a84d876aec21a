import { FEEDBACK_MAX_FILES } from "@giamsat/core";
import { z } from "zod";
import type { RouteTable } from "../http/route.js";
import { contentDisposition } from "../http/content-disposition.js";
import { withUpload } from "../http/multipart.js";
import { checkEvidenceStart } from "../services/evidence.store.js";
import { idParams } from "../http/query.js";
import { fileResponse } from "../http/responses.js";
import type { Ctx } from "../services/context.js";
import { checkProofOfWork, checkSubmissionRate, newChallenge } from "./feedback-guard.js";
import {
  answerInput,
  challengeSchema,
  codeParams,
  decisionInput,
  feedbackFromForm,
  feedbackInput,
  feedbackItemSchema,
  feedbackMultipart,
  fileParams,
  mergeInput,
  feedbackQuery,
  publicFeedbackSchema,
  ratingInput,
  rejectInput,
  routeInput,
  submittedSchema,
  taskChoiceSchema,
} from "./feedback.schemas.js";
import {
  answerFeedback,
  decideFeedback,
  feedbackAttachment,
  feedbackItem,
  mergeFeedback,
  feedbackQueue,
  publicFeedback,
  publicTaskSearch,
  rateFeedback,
  rejectFeedback,
  routeFeedback,
  submitFeedback,
} from "./feedback.service.js";

/** Public feedback (PAKN, README "Public feedback"): the no-login form and tracking page, and the handling. */
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
      "Gửi góp ý, phản ánh, kiến nghị không cần đăng nhập (JSON, hoặc multipart: các trường như JSON và tối đa 3 tệp đính kèm, kiểm tra như minh chứng): cần lời giải ALTCHA (400 khi sai), tối đa 10 lần mỗi phút mỗi địa chỉ (429), nội dung trùng bị từ chối (409); trả mã theo dõi và mã bí mật của người gửi",
    access: "public",
    body: feedbackInput,
    multipart: feedbackMultipart,
    status: 201,
    response: submittedSchema,
    handler: async ({ request, body }) => {
      await checkSubmissionRate(ctx, request.ip);
      if (!request.isMultipart()) {
        await checkProofOfWork(ctx, body.altcha);
        return submitFeedback(ctx, body);
      }
      const limits = {
        dataDir: ctx.config.dataDir,
        maxFileBytes: ctx.config.uploadMaxBytes,
        maxTotalBytes: FEEDBACK_MAX_FILES * ctx.config.uploadMaxBytes + 64 * 1024,
        checkStart: checkEvidenceStart,
      };
      return withUpload(request, limits, async ({ fields, files }) => {
        const input = feedbackInput.parse(feedbackFromForm(fields));
        await checkProofOfWork(ctx, input.altcha);
        return submitFeedback(ctx, input, files);
      });
    },
  });

  t.add({
    method: "GET",
    url: "/api/public/feedback-tasks",
    tag: "public",
    summary:
      "Tìm nhiệm vụ của các kế hoạch đã công khai để gắn vào góp ý (gõ có dấu hay không dấu, hoặc số nhiệm vụ; tối đa 10; không có nhiệm vụ mật)",
    access: "public",
    query: z.object({ q: z.string().trim().max(200).default("") }),
    response: z.array(taskChoiceSchema),
    handler: async ({ query }) => publicTaskSearch(ctx, query.q),
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
    method: "GET",
    url: "/api/feedback/:id/files/:fileId",
    tag: "feedback",
    summary:
      "Tải tệp người gửi đính kèm góp ý (cơ quan theo dõi, đơn vị được chuyển; không bao giờ công khai; luôn tải về)",
    access: "user",
    params: fileParams,
    response: fileResponse,
    produces: "application/octet-stream",
    handler: async ({ actor, params, reply }) => {
      const file = await feedbackAttachment(ctx, actor, params.id, params.fileId);
      return reply
        .header("Content-Type", file.mime)
        .header("Content-Disposition", contentDisposition(file.fileName))
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "private, no-store")
        .header("Content-Length", file.size)
        .send(file.stream);
    },
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
    url: "/api/feedback/:id/merge",
    tag: "feedback",
    summary:
      "Cơ quan theo dõi gộp góp ý trùng vào một góp ý khác (theo mã): trả lời một lần, người gửi góp ý trùng thấy trả lời đó",
    access: "user",
    params: idParams,
    body: mergeInput,
    response: feedbackItemSchema,
    handler: async ({ actor, params, body }) => mergeFeedback(ctx, actor, params.id, body),
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
