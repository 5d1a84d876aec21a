// Reads vitest's JSON reports and the contract check's output, prints one closing line
// "N passed, N failed" over all of them, and exits non-zero when anything failed.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2] ?? "test-results";
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of existsSync(dir) ? readdirSync(dir) : []) {
  if (!statSync(join(dir, file)).isFile()) continue; // screenshots/ and the like
  const text = readFileSync(join(dir, file), "utf8");
  if (file.endsWith(".json")) {
    const report = JSON.parse(text);
    passed += report.numPassedTests ?? 0;
    failed += (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  } else {
    const last = text.trim().split("\n").at(-1) ?? "";
    const m = /(\d+) passed, (\d+) failed/.exec(last);
    if (m) {
      passed += Number(m[1]);
      failed += Number(m[2]);
    }
  }
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
