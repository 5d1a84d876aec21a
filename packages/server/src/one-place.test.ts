/**
 * Rules that live in one place, found by reading the code:
 * - every database query is in packages/db (repositories and their helpers): the server's
 *   services and routes and the CLI's commands call them, keeping authorisation and
 *   orchestration — a query written elsewhere shows as a Kysely builder or an SQL template;
 * - Vietnamese diacritics are dropped only by core's text/fold.ts (stripDiacritics, fold),
 *   which search, matching and file names call — elsewhere the combining marks' range would
 *   show a second definition.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const PACKAGES = fileURLToPath(new URL("../../", import.meta.url));

/** The TypeScript files under `dir`, tests and test support left out. */
function code(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? e.name === "test-support"
        ? []
        : code(join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !e.name.includes(".test.")
        ? [join(dir, e.name)]
        : [],
  );
}

/** `package/path:line: text` of every line matching `pattern` in these folders' code. */
function linesMatching(pattern: RegExp, dirs: string[]): string[] {
  return dirs.flatMap((dir) =>
    code(join(PACKAGES, dir)).flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, i) =>
          pattern.test(line) ? [`${file.slice(PACKAGES.length)}:${i + 1}: ${line.trim()}`] : [],
        ),
    ),
  );
}

describe("rules in one place", () => {
  it("queries are written in packages/db only, not in the server or the CLI", () => {
    const query =
      /\.(selectFrom|updateTable|insertInto|deleteFrom|replaceInto|mergeInto)\(|\bsql(<[^>]*>)?`/;
    expect(linesMatching(query, ["server/src", "cli/src"])).toEqual([]);
  });

  it("diacritics are dropped by core's fold only", () => {
    const marks = /\\u0300-\\u036f|\\u{300}|[\u0300-\u036f]-/u;
    expect(
      linesMatching(marks, ["core/src", "db/src", "server/src", "cli/src", "web/src", "web/e2e"]),
    ).toEqual(['core/src/text/fold.ts:8: .replace(/[\\u0300-\\u036f]/g, "")']);
  });
});
