import { stripDiacritics } from "@giamsat/core";

/**
 * RFC 6266 filename parameters: an ASCII fallback and the UTF-8 name; `inline` for a file shown
 * inside a page (an evidence preview), else a download.
 */
export function contentDisposition(
  fileName: string,
  fallback = "minh-chung",
  type: "attachment" | "inline" = "attachment",
): string {
  const ascii =
    stripDiacritics(fileName)
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\]/g, "") || fallback;
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
