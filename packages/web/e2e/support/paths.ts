import { fileURLToPath } from "node:url";

/** Absolute paths the browser tests use, resolved from this file (never from the working directory). */
export const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
export const cliBin = fileURLToPath(new URL("../../../cli/bin/giamsat.js", import.meta.url));
export const webDist = fileURLToPath(new URL("../../dist/", import.meta.url));
export const seedsDir = fileURLToPath(new URL("../../../../../shared/seeds/", import.meta.url));
export const fixturesDir = fileURLToPath(new URL("../fixtures/", import.meta.url));
export const screenshotsDir = fileURLToPath(
  new URL("../../../../test-results/screenshots/", import.meta.url),
);
