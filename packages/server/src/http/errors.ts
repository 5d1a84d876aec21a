import { DomainError } from "@giamsat/core";
import type { FastifyError, FastifyInstance } from "fastify";
import { z, ZodError } from "zod";

// Zod's own messages in Vietnamese, for every schema in the process.
z.config(z.locales.vi());

/** The HTTP status of each stable domain error code: the one place this mapping lives. */
const statusOf: Record<string, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_type: 415,
  rate_limited: 429,
};

export function httpStatus(error: DomainError): number {
  return statusOf[error.code] ?? 400;
}

/** `field: message` for each issue, joined: the Vietnamese text of a ZodError. */
export function zodMessage(error: ZodError): string {
  return error.issues
    .map((issue) =>
      issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message,
    )
    .join("; ");
}

/** Installs the error and not-found handlers: every error body is `{ code, message }`. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | DomainError | ZodError, request, reply) => {
    if (error instanceof DomainError) {
      return reply.status(httpStatus(error)).send({
        code: error.code,
        message: error.message,
        ...(error.details ? { details: error.details } : {}),
      });
    }
    if (error instanceof ZodError) {
      return reply.status(400).send({ code: "validation", message: zodMessage(error) });
    }
    const fe = error as FastifyError;
    if (
      fe.code === "FST_REQ_FILE_TOO_LARGE" ||
      fe.code === "FST_ERR_CTP_BODY_TOO_LARGE" ||
      fe.statusCode === 413
    ) {
      return reply.status(413).send({
        code: "payload_too_large",
        message: "Tệp hoặc nội dung gửi lên vượt quá dung lượng cho phép.",
      });
    }
    if (fe.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
      return reply
        .status(415)
        .send({ code: "unsupported_type", message: "Kiểu nội dung không được hỗ trợ." });
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply
        .status(fe.statusCode)
        .send({ code: "bad_request", message: "Yêu cầu không hợp lệ." });
    }
    request.log.error(error);
    return reply
      .status(500)
      .send({ code: "internal", message: "Lỗi máy chủ. Vui lòng thử lại sau." });
  });
}
