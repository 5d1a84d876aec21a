import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { ByNameSequencer } from "./support/sequencer.js";

/** Browser tests: Debian's chromium driven by playwright-core against the real built server. */
export default defineConfig({
  root: fileURLToPath(new URL("./", import.meta.url)),
  test: {
    include: ["**/*.e2e.test.ts"],
    globalSetup: ["./support/global-setup.ts"],
    // One server and one database for the whole run: files run one after another, in name order.
    fileParallelism: false,
    sequence: { shuffle: false, sequencer: ByNameSequencer },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
