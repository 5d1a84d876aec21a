// Fails when a production dependency declares an `engines.node` range that leaves out a
// supported Node.js line (the oldest release of each line the root package.json accepts).
// Run by scripts/test-all.sh; `npm ls --omit=dev --all --parseable` lists what production loads.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const semver = require("semver");
const SUPPORTED = ["20.19.0", "22.12.0", "24.0.0"];

const root = JSON.parse(readFileSync("package.json", "utf8"));
const own = SUPPORTED.filter((v) => !semver.satisfies(v, root.engines.node));
if (own.length) {
  console.error(`package.json engines.node "${root.engines.node}" leaves out ${own.join(", ")}`);
  process.exit(1);
}
// stdout lists the tree even when npm ls also complains (e.g. about an overridden version)
const dirs = spawnSync("npm", ["ls", "--omit=dev", "--all", "--parseable"], {
  encoding: "utf8",
  maxBuffer: 64 * 1024 * 1024,
})
  .stdout.split("\n")
  .filter((d) => d.includes("node_modules"));
const problems = [];
for (const dir of new Set(dirs)) {
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const range = pkg.engines?.node;
  if (!range) continue;
  const left = SUPPORTED.filter((v) => !semver.satisfies(v, range));
  if (left.length) problems.push(`${pkg.name}@${pkg.version} engines.node "${range}": not ${left}`);
}
if (problems.length) {
  console.error(
    `Production dependencies that exclude a supported Node.js:\n${problems.join("\n")}`,
  );
  process.exit(1);
}
console.log(`${new Set(dirs).size} production packages accept Node ${SUPPORTED.join(", ")}`);
