/**
 * No dead CSS: every class a stylesheet styles is named by the app's code — literally, or by a
 * class built from a prefix (`s-${status}` styles `.s-overdue`, `line-`→`dot-` in the chart).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("..", import.meta.url));

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? files(join(dir, e.name), pattern)
      : pattern.test(e.name) && !e.name.includes(".test.")
        ? [join(dir, e.name)]
        : [],
  );
}

describe("stylesheets", () => {
  it("style only classes the app uses", () => {
    const code = files(SRC, /\.tsx?$/)
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    // prefixes of built class names: `chip s-${…}`, "line-" replaced by "dot-"
    const prefixes = [
      ...[...code.matchAll(/([a-z][\w-]*-)\$\{/g)].map((m) => m[1]!),
      ...[...code.matchAll(/replace\("[\w-]+", "([\w-]+)"\)/g)].map((m) => m[1]!),
    ];
    const named = (c: string) =>
      new RegExp(`(?<![\\w-])${c}(?![\\w-])`).test(code) || prefixes.some((p) => c.startsWith(p));
    const unused = files(join(SRC, "styles"), /\.css$/).flatMap((f) => {
      const css = readFileSync(f, "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/url\([^)]*\)/g, "");
      const classes = new Set([...css.matchAll(/\.([a-zA-Z][\w-]*)/g)].map((m) => m[1]!));
      return [...classes].filter((c) => !named(c)).map((c) => `${f.slice(SRC.length)} .${c}`);
    });
    expect(unused).toEqual([]);
  });
});
