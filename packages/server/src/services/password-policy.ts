import { ValidationError } from "@giamsat/core";
import { COMMON_PASSWORDS } from "./common-passwords.js";

/** The shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 10;

const common = new Set(COMMON_PASSWORDS.map((p) => p.toLowerCase()));

/**
 * The one rule every new password meets — account creation, an administrator's reset, a user's
 * own change: why `password` is refused, or null when it is accepted. At least
 * MIN_PASSWORD_LENGTH characters and not in the list of common passwords shipped with the
 * project (common-passwords.ts).
 */
export function passwordProblem(password: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return `mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`;
  if (common.has(password.toLowerCase()))
    return "mật khẩu này nằm trong danh sách mật khẩu phổ biến, dễ bị đoán; hãy chọn mật khẩu khác.";
  return null;
}

/** Refuses a password that breaks the rule with a 400 naming the field. */
export function checkNewPassword(password: string, field = "password"): void {
  const problem = passwordProblem(password);
  if (problem) throw new ValidationError(`${field}: ${problem}`);
}
