// Loaded by scripts/test-node24.sh with --import: every resolution of better-sqlite3 (import,
// require, a path vitest resolved, a child process's) goes to the copy built for this Node.
import { registerHooks } from "node:module";
import { pathToFileURL } from "node:url";

const copy = process.env.GIAMSAT_NODE24_SQLITE;
if (copy) {
  const target = pathToFileURL(`${copy}/`).href;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      const result = nextResolve(specifier, context);
      const at = result.url.indexOf("/node_modules/better-sqlite3/");
      if (at < 0) return result;
      const rest = result.url.slice(at + "/node_modules/better-sqlite3/".length);
      return { ...result, url: target + rest };
    },
  });
}
