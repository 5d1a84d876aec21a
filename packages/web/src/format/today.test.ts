/**
 * "Today" in the web app is Vietnam's day (core's vietnamDay), as on the server: a date or a
 * year is never read from the browser's clock in its own time zone, nor from the UTC day.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SRC, sourceFiles } from "../test-support/source-files.js";

const BROWSER_DAY =
  /getFullYear\(|getMonth\(|getDate\(|getDay\(|getHours\(|toISOString\(\)\.(slice|substring)\(0|toLocaleDateString|toLocaleTimeString/;

describe("the web app's day", () => {
  it("is taken from vietnamDay only, never from the browser's or the UTC date", () => {
    const found = sourceFiles(/\.tsx?$/).flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, i) =>
          BROWSER_DAY.test(line) ? [`${file.slice(SRC.length)}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(found).toEqual([]);
  });
});
