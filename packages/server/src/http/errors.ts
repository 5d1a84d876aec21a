import { DomainError, ERROR_STATUS, type ErrorCode } from "@giamsat/core";
import type { FastifyError, FastifyInstance, FastifyReply } from "fastify";
import { z, ZodError } from "zod";
import { domainFieldErrors, zodFieldErrors, type FieldError } from "./field-errors.js";

// Zod's own messages in Vietnamese, for every schema in the process.
z.config(z.locales.vi());

/** The body and status of an error of kind `code` (core's closed set of error kinds). */
export function sendError(
  reply: FastifyReply,
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
) {
  return reply.status(ERROR_STATUS[code]).send({ code, message, ...(details ? { details } : {}) });
}

/** `field: message` for each issue, joined: the Vietnamese text of a ZodError. */
export function zodMessage(error: ZodError): string {
  return error.issues
    .map((issue) =>
      issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message,
    )
    .join("; ");
}

/** `details.fields` of a validation error that names its fields (for forms to show beside them). */
const withFields = (details: Record<string, unknown> | undefined, fields: FieldError[]) =>
  fields.length ? { ...details, fields } : details;

/**
 * Installs the error and not-found handlers: every error body is `{ code, message }`; a
 * validation error that names fields also lists them in `details.fields` (`{ path, message }`).
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | DomainError | ZodError, request, reply) => {
    if (error instanceof DomainError) {
      const retryAfter = error.details?.retryAfter;
      if (typeof retryAfter === "number") reply.header("Retry-After", String(retryAfter));
      const fields = error.code === "validation" ? domainFieldErrors(error) : [];
      return sendError(reply, error.code, error.message, withFields(error.details, fields));
    }
    if (error instanceof ZodError)
      return sendError(
        reply,
        "validation",
        zodMessage(error),
        withFields(undefined, zodFieldErrors(error)),
      );
    const fe = error as FastifyError;
    if (
      fe.code === "FST_REQ_FILE_TOO_LARGE" ||
      fe.code === "FST_ERR_CTP_BODY_TOO_LARGE" ||
      fe.statusCode === 413
    ) {
      return sendError(
        reply,
        "payload_too_large",
        "Tệp hoặc nội dung gửi lên vượt quá dung lượng cho phép.",
      );
    }
    if (fe.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
      return sendError(reply, "unsupported_type", "Kiểu nội dung không được hỗ trợ.");
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)
      return sendError(reply, "bad_request", "Yêu cầu không hợp lệ.");
    request.log.error(error);
    return sendError(reply, "internal", "Lỗi máy chủ. Vui lòng thử lại sau.");
  });
}
