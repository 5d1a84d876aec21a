/** The web app's own source files (tests left out), for the tests that read its code. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** packages/web/src/, ending with a separator */
export const SRC = fileURLToPath(new URL("..", import.meta.url));

/** Every file under `dir` whose name matches `pattern`, test files left out. */
export function sourceFiles(pattern: RegExp, dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(pattern, join(dir, e.name))
      : pattern.test(e.name) && !e.name.includes(".test.")
        ? [join(dir, e.name)]
        : [],
  );
}
