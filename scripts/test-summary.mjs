// Reads vitest's JSON reports and the contract check's output, names every failed test (file,
// test, the first lines of its error) and prints one closing line "N passed, N failed" over all
// of them; exits non-zero when anything failed. CI keeps only the end of the output, so the
// failures are listed last, just above that line.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const dir = process.argv[2] ?? "test-results";
let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];

function firstLines(message, count) {
  return String(message ?? "")
    .replace(/\u001b\[[0-9;]*m/g, "")
    .split("\n")
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== "")
    .slice(0, count)
    .join("\n      ");
}

for (const file of existsSync(dir) ? readdirSync(dir).sort() : []) {
  if (!statSync(join(dir, file)).isFile()) continue; // screenshots/ and the like
  const text = readFileSync(join(dir, file), "utf8");
  if (file.endsWith(".json")) {
    const report = JSON.parse(text);
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    for (const suite of report.testResults ?? []) {
      const where = relative(process.cwd(), suite.name ?? "");
      const failedTests = (suite.assertionResults ?? []).filter((t) => t.status === "failed");
      for (const test of failedTests) {
        failures.push(
          `[${file}] ${where} › ${test.fullName}\n      ${firstLines(test.failureMessages?.[0], 6)}`,
        );
      }
      if (suite.status === "failed" && failedTests.length === 0) {
        failed += 1; // a file that failed before or outside its tests
        failures.push(`[${file}] ${where}\n      ${firstLines(suite.message, 6)}`);
      }
    }
  } else {
    const last = text.trim().split("\n").at(-1) ?? "";
    const m = /(\d+) passed, (\d+) failed/.exec(last);
    if (m) {
      passed += Number(m[1]);
      failed += Number(m[2]);
      if (Number(m[2]) > 0) failures.push(`[${file}] ${last}`);
    }
  }
}
if (failures.length > 0) {
  console.log(`\nFailed (${failures.length}):`);
  for (const failure of failures) console.log(`  ${failure}`);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
