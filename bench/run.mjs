// `npm run bench`: builds nothing itself (run `npm run build` first, as `npm install` does) and
// runs each benchmark in its own Node process. Results land in bench/results/*.json.
// Pick some with: npm run bench -- import api
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const all = [
  "import",
  "import-worker",
  "api",
  "report-submit",
  "backup",
  "web",
  "reminders",
  "public-pages",
  "feedback",
  "uploads",
  "login-timing",
];
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : all;
let failed = 0;
for (const name of wanted) {
  const script = join(here, `${name}.mjs`);
  if (!existsSync(script)) {
    console.error(`Không có benchmark "${name}" (${script}).`);
    failed++;
    continue;
  }
  console.log(`\n== bench/${name}.mjs`);
  const run = spawnSync(process.execPath, ["--expose-gc", script], { stdio: "inherit" });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
