import { DomainError } from "../errors.js";

/** 1020000 → "1.020.000" */
export const countText = (n: number) => n.toLocaleString("vi-VN");

/**
 * The document exceeds one of the readers' limits (READ_LIMITS); `what` names the part and the
 * figures, e.g. `trang tính "Phụ lục I" có 100.000 dòng (tối đa 50.000)`. Answered with 413.
 */
export class DocumentTooLargeError extends DomainError {
  constructor(what: string) {
    super(
      "payload_too_large",
      `Tệp quá lớn để nhập: ${what}. Hãy bỏ phần thừa hoặc tách văn bản rồi nhập lại.`,
    );
    this.name = "DocumentTooLargeError";
  }
}
