import { DomainError } from "@giamsat/core";

/** "1,5 MB" / "64 KB": a size limit as a person reads it. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / 1024 / 1024).toFixed(1)} MB`.replace(".", ",");
  return `${Math.max(1, Math.floor(bytes / 1024))} KB`;
}

/** 413 naming what was too large and the limit. */
export function tooLarge(subject: string, maxBytes: number): DomainError {
  return new DomainError(
    "payload_too_large",
    `${subject} vượt quá dung lượng cho phép (${formatBytes(maxBytes)}).`,
  );
}
