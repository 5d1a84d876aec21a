import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, startHarness, type Harness } from "./test-support/server-harness.js";

describe("the web app, OpenAPI and configuration", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness("sqlite");
    // startHarness serves its data folder as the web folder: give it a built page.
    mkdirSync(path.join(h.dataDir, "assets"), { recursive: true });
    writeFileSync(path.join(h.dataDir, "assets", "app.js"), "console.log('giám sát');");
    writeFileSync(
      path.join(h.dataDir, "index.html"),
      '<!doctype html><script type="module" src="/assets/app.js"></script>',
    );
    await h.app.close();
    const { createApp } = await import("./app.js");
    h.app = await createApp(h.ctx);
  });
  afterAll(async () => h.close());

  it("serves the built pages with an SPA fallback and strict headers, JSON 404 under /api", async () => {
    const page = await h.app.inject({ url: "/plans/3?asOf=2026-06-01" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toMatch(/text\/html/);
    expect(page.body).toContain("/assets/app.js");
    expect(page.headers["content-security-policy"]).toContain("script-src 'self'");
    const script = await h.app.inject({ url: "/assets/app.js" });
    expect(script.headers["content-type"]).toMatch(/javascript/);
    const api = await call(h.app, { url: "/api/nothing-here" });
    expect(api.status).toBe(404);
    expect(api.body).toEqual({ code: "not_found", message: "Không tìm thấy địa chỉ yêu cầu." });
  });

  it("publishes an OpenAPI 3 document generated from the route schemas", async () => {
    const doc = (await call(h.app, { url: "/api/openapi.json" })).body;
    expect(doc.openapi).toMatch(/^3\./);
    const tasks = doc.paths["/api/tasks"].get;
    expect(tasks.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(["plan", "asOf", "status", "lead", "q", "limit", "offset"]),
    );
    const item = tasks.responses["200"].content["application/json"].schema.properties.items.items;
    expect(item.required).toEqual(
      expect.arrayContaining(["id", "number", "kind", "name", "status", "deadline", "lead"]),
    );
    const report = doc.paths["/api/tasks/{id}/reports"].post.requestBody.content;
    expect(Object.keys(report)).toEqual(["application/json", "multipart/form-data"]);
  });

  it("fails fast on a bad environment, naming the variable", async () => {
    const { loadConfig } = await import("./config.js");
    expect(() => loadConfig({ PORT: "http" })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: "not a url" })).toThrow(/DATABASE_URL/);
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      uploadMaxBytes: 20 * 1024 * 1024,
      cookieSecure: false,
    });
    expect(loadConfig({ HOST: "0.0.0.0" }).cookieSecure).toBe(true);
  });
});
