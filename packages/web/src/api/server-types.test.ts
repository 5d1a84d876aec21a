/** The web app takes the API's types from the server, and nothing else of it. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("..", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !e.name.includes(".test.")
        ? [join(dir, e.name)]
        : [],
  );
}

describe("server types in the web app", () => {
  it("imports @giamsat/server only as types, and only its api entry", () => {
    const imports = sources(SRC).flatMap((file) =>
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
