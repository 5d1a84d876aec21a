import { fileURLToPath } from "node:url";

/** Absolute paths the browser tests use, resolved from this file (never from the working directory). */
export const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
export const cliBin = fileURLToPath(new URL("../../../cli/bin/giamsat.js", import.meta.url));
export const webDist = fileURLToPath(new URL("../../dist/", import.meta.url));
export const seedsDir = fileURLToPath(new URL("../../../../../shared/seeds/", import.meta.url));
/** H-formats' test support that writes real Word documents (loaded at run time, not type-checked here). */
export const docxWriterUrl = new URL(
  "../../../core/src/import/fixtures/docx.writer.ts",
  import.meta.url,
).href;
export const screenshotsDir = fileURLToPath(
  new URL("../../../../test-results/screenshots/", import.meta.url),
);
