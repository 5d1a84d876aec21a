import { describe, expect, it } from "vitest";
import { errorFromBody } from "./api-error.js";
import { apiUrl } from "./client.js";

describe("errorFromBody", () => {
  it("keeps the API's code and Vietnamese message", () => {
    const error = errorFromBody(403, {
      code: "forbidden",
      message: "Nhiệm vụ này không thuộc đơn vị của bạn.",
    });
    expect([error.status, error.code, error.message]).toEqual([
      403,
      "forbidden",
      "Nhiệm vụ này không thuộc đơn vị của bạn.",
    ]);
  });
  it("falls back to a Vietnamese message by status when the body is not the API's", () => {
    expect(errorFromBody(413, null).message).toMatch(/dung lượng/);
    expect(errorFromBody(502, "<html>").message).toMatch(/Lỗi máy chủ/);
  });
  it("keeps only the server's own codes (a proxy's body gets the status instead)", () => {
    expect(errorFromBody(429, { code: "rate_limited", message: "x" }).code).toBe("rate_limited");
    expect(errorFromBody(502, { code: "upstream_down", message: "x" }).code).toBe("http_502");
  });
});

describe("apiUrl", () => {
  it("drops empty values so shared addresses stay short", () => {
    expect(
      apiUrl("/api/tasks", { plan: "3", asOf: "2026-06-01", q: "", lead: null, limit: 50 }),
    ).toBe("/api/tasks?plan=3&asOf=2026-06-01&limit=50");
    expect(apiUrl("/api/plans")).toBe("/api/plans");
  });
});
