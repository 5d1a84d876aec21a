import { readFileSync } from "node:fs";
import {
  DomainError,
  ERROR_CODES,
  ERROR_STATUS,
  ValidationError,
  type ErrorCode,
} from "@giamsat/core";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { installErrorHandler } from "./errors.js";

async function appThrowing() {
  const app = Fastify({ logger: false });
  installErrorHandler(app);
  app.get<{ Params: { code: ErrorCode } }>("/fail/:code", async (request) => {
    throw new DomainError(request.params.code, `lỗi ${request.params.code}`);
  });
  app.get("/zod", async () => z.object({ n: z.number() }).parse({ n: "một" }));
  app.get("/zod-fields", async () =>
    z
      .object({ summary: z.string().min(1), evidence: z.array(z.object({ url: z.url() })) })
      .parse({ summary: "", evidence: [{ url: "https://a.vn" }, { url: "không phải" }] }),
  );
  app.get("/domain-field", async () => {
    throw new ValidationError("completedOn: ngày hoàn thành không được sau ngày hôm nay.");
  });
  app.get("/domain-given", async () => {
    throw new ValidationError("file: chưa chọn tệp.", { field: "file" });
  });
  app.get("/domain-plain", async () => {
    throw new ValidationError("Tệp không có bảng nhiệm vụ.");
  });
  app.get("/crash", async () => {
    throw new TypeError("undefined is not a function");
  });
  app.post("/json", async () => ({}));
  await app.ready();
  return app;
}

describe("error kinds: a closed set, each with its HTTP status", () => {
  it("answers every kind with its own status and { code, message }", async () => {
    const app = await appThrowing();
    for (const code of ERROR_CODES) {
      const res = await app.inject({ url: `/fail/${code}` });
      expect(res.statusCode, code).toBe(ERROR_STATUS[code]);
      expect(res.json(), code).toEqual({ code, message: `lỗi ${code}` });
    }
    expect((await app.inject({ url: "/zod" })).json()).toMatchObject({ code: "validation" });
    const crash = await app.inject({ url: "/crash" });
    expect([crash.statusCode, crash.json().code]).toEqual([500, "internal"]);
    expect(crash.body).not.toContain("undefined is not a function");
    const malformed = await app.inject({
      method: "POST",
      url: "/json",
      headers: { "content-type": "application/json" },
      payload: "{ không phải json",
    });
    expect([malformed.statusCode, malformed.json().code]).toEqual([400, "bad_request"]);
    await app.close();
  });

  it("names the wrong fields of a validation error in details.fields, each with its own message", async () => {
    const app = await appThrowing();
    const zod = (await app.inject({ url: "/zod-fields" })).json();
    expect(zod.code).toBe("validation");
    expect(zod.details.fields.map((f: { path: string }) => f.path)).toEqual([
      "summary",
      "evidence.1.url",
    ]);
    for (const f of zod.details.fields) expect(f.message).toMatch(/^[A-ZĐÂ]/u);
    expect((await app.inject({ url: "/domain-field" })).json().details).toEqual({
      fields: [{ path: "completedOn", message: "Ngày hoàn thành không được sau ngày hôm nay." }],
    });
    expect((await app.inject({ url: "/domain-given" })).json().details).toEqual({
      field: "file",
      fields: [{ path: "file", message: "Chưa chọn tệp." }],
    });
    expect((await app.inject({ url: "/domain-plain" })).json()).toEqual({
      code: "validation",
      message: "Tệp không có bảng nhiệm vụ.",
    });
    await app.close();
  });

  it("are the codes the server's README documents", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const line = /Errors are always[^]*?\n\n/.exec(readme)?.[0] ?? "";
    const documented = [...line.matchAll(/(\d{3}) `([a-z_]+)`/g)].map((m) => [m[2], Number(m[1])]);
    expect(Object.fromEntries(documented)).toEqual(ERROR_STATUS);
  });
});
