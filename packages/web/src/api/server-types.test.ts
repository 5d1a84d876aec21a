/** The web app takes the API's types from the server, and nothing else of it. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SRC, sourceFiles } from "../test-support/source-files.js";

describe("server types in the web app", () => {
  it("imports @giamsat/server only as types, and only its api entry", () => {
    const imports = sourceFiles(/\.tsx?$/).flatMap((file) =>
      [
        ...readFileSync(file, "utf8").matchAll(
          /^import (type )?[^;]*?from "(@giamsat\/server[^"]*)";/gms,
        ),
      ].map((m) => ({ file: file.slice(SRC.length), typeOnly: m[1] === "type ", from: m[2] })),
    );
    expect(imports.map((i) => i.file)).toContain("api/types.ts");
    expect(imports.filter((i) => !i.typeOnly || i.from !== "@giamsat/server/api")).toEqual([]);
  });
});
