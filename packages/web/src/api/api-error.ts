import { ERROR_STATUS, type ErrorCode } from "@giamsat/core";

/** What an ApiError's code can be: the server's closed set, or the failure to reach it. */
export type ApiErrorCode = ErrorCode | "network" | `http_${number}`;

/** An error answered by the API (`{ code, message }`) or a failure to reach it, in Vietnamese. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

const fallbackMessages: Record<number, string> = {
  400: "Yêu cầu không hợp lệ.",
  401: "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.",
  403: "Bạn không có quyền thực hiện thao tác này.",
  404: "Không tìm thấy dữ liệu yêu cầu.",
  409: "Dữ liệu đã thay đổi. Vui lòng tải lại trang.",
  413: "Tệp gửi lên vượt quá dung lượng cho phép.",
  415: "Kiểu tệp không được hỗ trợ.",
  429: "Thao tác quá nhanh. Vui lòng thử lại sau ít phút.",
};

export const networkError = () =>
  new ApiError(0, "network", "Không kết nối được máy chủ. Kiểm tra mạng và thử lại.");

/** Builds the ApiError of a non-2xx answer from its status and (possibly empty) JSON body. */
export function errorFromBody(status: number, body: unknown): ApiError {
  const b = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const code: ApiErrorCode =
    typeof b.code === "string" && b.code in ERROR_STATUS ? (b.code as ErrorCode) : `http_${status}`;
  const message =
    typeof b.message === "string" && b.message
      ? b.message
      : (fallbackMessages[status] ?? "Lỗi máy chủ. Vui lòng thử lại sau.");
  const details =
    b.details && typeof b.details === "object" ? (b.details as Record<string, unknown>) : undefined;
  return new ApiError(status, code, message, details);
}
