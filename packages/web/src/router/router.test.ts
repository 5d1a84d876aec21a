import { describe, expect, it } from "vitest";
import { matchPath } from "./router.js";

describe("matchPath", () => {
  it("extracts and decodes parameters", () => {
    expect(matchPath("/nhiem-vu/:id/bao-cao", "/nhiem-vu/42/bao-cao")).toEqual({ id: "42" });
    expect(matchPath("/ke-hoach/:id", "/ke-hoach/a%20b")).toEqual({ id: "a b" });
  });
  it("rejects other shapes", () => {
    expect(matchPath("/nhiem-vu/:id", "/nhiem-vu/42/bao-cao")).toBeNull();
    expect(matchPath("/duyet", "/don-vi")).toBeNull();
    expect(matchPath("/", "/")).toEqual({});
  });
});
