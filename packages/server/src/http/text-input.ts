/**
 * Every text a request carries (JSON body, query, path, multipart `data` field) passes here
 * before its schema: a NUL character is refused with a 400 naming the field (PostgreSQL cannot
 * store it, which was a 500), and a text made only of invisible characters (zero-width spaces
 * and joiners, word joiner, BOM, white space) is empty, so a required field reports it missing.
 */
import { ValidationError } from "@giamsat/core";

const ONLY_INVISIBLE = /^[\s\u200B-\u200D\u2060\uFEFF]+$/;

export function cleanTextInput(value: unknown, path: string[] = []): unknown {
  if (typeof value === "string") {
    if (value.includes("\u0000")) {
      const field = path.join(".") || "nội dung";
      throw new ValidationError(`${field}: không được chứa ký tự NUL (\\u0000).`, { field });
    }
    return ONLY_INVISIBLE.test(value) ? "" : value;
  }
  if (Array.isArray(value)) return value.map((v, i) => cleanTextInput(v, [...path, String(i)]));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, cleanTextInput(v, [...path, k])]),
    );
  }
  return value;
}
