import { stripDiacritics } from "@giamsat/core";

/** RFC 6266 filename parameters: an ASCII fallback and the UTF-8 name. */
export function contentDisposition(fileName: string, fallback = "minh-chung"): string {
  const ascii =
    stripDiacritics(fileName)
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\]/g, "") || fallback;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
