import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, startHarness, type Harness } from "./test-support/server-harness.js";

describe("the web app, OpenAPI and configuration", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness("sqlite");
  });
  afterAll(async () => h.close());

  it("serves a build made after the start, with an SPA fallback and strict headers, JSON 404 under /api", async () => {
    // no build yet: pages are 404, the API works
    expect((await h.app.inject({ url: "/plans/3" })).statusCode).toBe(404);
    expect((await call(h.app, { url: "/api/health" })).status).toBe(200);
    // `vite build` while the server runs
    mkdirSync(path.join(h.webDir, "assets"), { recursive: true });
    writeFileSync(path.join(h.webDir, "assets", "app.js"), "console.log('giám sát');");
    writeFileSync(
      path.join(h.webDir, "index.html"),
      '<!doctype html><script type="module" src="/assets/app.js"></script>',
    );
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
    // a rebuild with new hashed assets is served at once
    writeFileSync(path.join(h.webDir, "assets", "app-2.js"), "console.log(2);");
    expect((await h.app.inject({ url: "/assets/app-2.js" })).statusCode).toBe(200);
    const root = await h.app.inject({ url: "/" });
    expect(root.statusCode).toBe(200);
    expect(root.headers["cache-control"]).toBe("no-cache");
  });

  it("never serves a file outside the web folder, nor a dotfile", async () => {
    mkdirSync(h.webDir, { recursive: true });
    writeFileSync(path.join(h.webDir, "index.html"), "<!doctype html><p>app</p>");
    writeFileSync(path.join(h.dataDir, "secret.txt"), "SECRET-OUTSIDE");
    writeFileSync(path.join(h.webDir, ".env"), "SECRET-DOTFILE");
    const attempts = [
      "/../secret.txt",
      "/%2e%2e/secret.txt",
      "/assets/..%2f..%2fsecret.txt",
      "/..%2fsecret.txt",
      "/..%5csecret.txt",
      "/%2e%2e%2fsecret.txt",
      "/.env",
      "/assets/../.env",
    ];
    for (const url of attempts) {
      const res = await h.app.inject({ url });
      expect(res.body, url).not.toMatch(/SECRET-/);
      expect(res.headers["content-security-policy"], url).toContain("default-src 'self'");
    }
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
});
