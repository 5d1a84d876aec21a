/**
 * No dead CSS: every class a stylesheet styles is named by the app's code — literally, or by a
 * class built from a prefix (`s-${status}` styles `.s-overdue`, `line-`→`dot-` in the chart).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SRC, sourceFiles } from "../test-support/source-files.js";

describe("stylesheets", () => {
  it("style only classes the app uses", () => {
    const code = sourceFiles(/\.tsx?$/)
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    // prefixes of built class names: `chip s-${…}`, "line-" replaced by "dot-"
    const prefixes = [
      ...[...code.matchAll(/([a-z][\w-]*-)\$\{/g)].map((m) => m[1]!),
      ...[...code.matchAll(/replace\("[\w-]+", "([\w-]+)"\)/g)].map((m) => m[1]!),
    ];
    const named = (c: string) =>
      new RegExp(`(?<![\\w-])${c}(?![\\w-])`).test(code) || prefixes.some((p) => c.startsWith(p));
    const unused = sourceFiles(/\.css$/, join(SRC, "styles")).flatMap((f) => {
      const css = readFileSync(f, "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/url\([^)]*\)/g, "");
      const classes = new Set([...css.matchAll(/\.([a-zA-Z][\w-]*)/g)].map((m) => m[1]!));
      return [...classes].filter((c) => !named(c)).map((c) => `${f.slice(SRC.length)} .${c}`);
    });
    expect(unused).toEqual([]);
  });
});
