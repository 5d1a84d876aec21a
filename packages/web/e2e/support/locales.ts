/**
 * The browser languages the tests run under: a Vietnamese browser and an English one. Pages must
 * look and behave the same in both (dates dd/mm/yyyy, Vietnamese messages), so the main loop and
 * the pages with date fields run once per locale.
 */
export const LOCALES = ["vi-VN", "en-US"] as const;
export type Locale = (typeof LOCALES)[number];
