import type { DomainError } from "@giamsat/core";
import type { ZodError } from "zod";

/** One wrong field of a request: its path in the body ("evidence.0.url") and what is wrong. */
export type FieldError = { path: string; message: string };

const PREFIXED = /^([A-Za-z][\w]*(?:\.[\w]+)*): (.+)$/s;

/** "đã có" → "Đã có": a message standing on its own starts with a capital. */
const sentence = (text: string) => text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);

/** The fields of a ZodError, one per issue that names a path. */
export function zodFieldErrors(error: ZodError): FieldError[] {
  return error.issues
    .filter((issue) => issue.path.length > 0)
    .map((issue) => ({ path: issue.path.join("."), message: sentence(issue.message) }));
}

/**
 * The field of a domain validation error: `details.field` when the service gave it, else the
 * "field: message" form every validation message of the services follows.
 */
export function domainFieldErrors(error: DomainError): FieldError[] {
  const given = error.details?.field;
  const match = PREFIXED.exec(error.message);
  if (typeof given === "string") {
    const message = match && match[1] === given ? (match[2] as string) : error.message;
    return [{ path: given, message: sentence(message) }];
  }
  return match ? [{ path: match[1] as string, message: sentence(match[2] as string) }] : [];
}
