/**
 * The public pages' cache as a burst of visitors meets it: ready bytes in each coding a browser
 * accepts (the same content), strong ETags and 304, and the data version read at most once every
 * PUBLIC_RECHECK_MS — a write through another server on the same database shows after that, a
 * write through this server at once.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import zlib from "node:zlib";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { latestAuditId } from "@giamsat/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../../db/src/test-support/index.js";
import { createApp } from "../app.js";
import { INDEX_RECHECK_MS } from "../http/static.js";
import {
  call,
  importSeed,
  makeUser,
  publishPlan,
  startHarness,
  taskIdNamed,
  type Harness,
} from "../test-support/server-harness.js";
import { DataVersion } from "./data-version.js";
import { PUBLIC_RECHECK_MS } from "./public-plans.routes.js";

/** Chromium's Accept-Encoding. */
const BROWSER = "gzip, deflate, br, zstd";

/** The bytes a visitor reads once it has undone the response's Content-Encoding. */
function decoded(res: LightMyRequestResponse): Buffer {
  const coding = res.headers["content-encoding"];
  if (coding === "br") return zlib.brotliDecompressSync(res.rawPayload);
  if (coding === "gzip") return zlib.gunzipSync(res.rawPayload);
  expect(coding).toBeUndefined();
  return res.rawPayload;
}

describe.each(dialects())("the public pages' cache (%s)", (dialect) => {
  let h: Harness;
  /** A second server on the same database, with the same clock. */
  let other: FastifyInstance;
  let plan: number;
  let monitor: Awaited<ReturnType<typeof makeUser>>;
  const clock = new Date("2026-12-05T03:00:00Z");
  const later = (ms: number) => clock.setTime(clock.getTime() + ms);

  beforeAll(async () => {
    h = await startHarness(dialect, {}, { now: clock });
    other = await createApp(h.ctx);
    plan = await importSeed(h.ctx, "qd596");
    monitor = await makeUser(h.ctx, "monitor");
    const published = await publishPlan(h.app, monitor.headers, plan);
    expect(published.status).toBe(200);
  });
  afterAll(async () => {
    await other.close();
    await h.close();
  });

  const page = (app: FastifyInstance) => call(app, { url: `/api/public/plans/${plan}` });
  const rename = async (app: FastifyInstance, taskId: number, name: string) => {
    const res = await call(app, {
      method: "POST",
      url: `/api/tasks/${taskId}/corrections`,
      headers: monitor.headers,
      payload: { reason: "Sửa tên theo văn bản gốc", name },
    });
    expect(res.status).toBe(200);
  };

  it("shows a write through another server once the version is read again, one through itself at once", async () => {
    const before = await page(h.app);
    await page(other);
    const name = before.body.overdue[0].name as string;
    const taskId = await taskIdNamed(h.ctx, plan, name);

    // written through the other server: it shows it at once, this one within PUBLIC_RECHECK_MS
    await rename(other, taskId, `${name} (máy chủ B)`);
    expect((await page(other)).body.overdue[0].name).toBe(`${name} (máy chủ B)`);
    later(PUBLIC_RECHECK_MS - 1);
    const stale = await page(h.app);
    expect(stale.res.headers.etag).toBe(before.res.headers.etag);
    expect(stale.body.overdue[0].name).toBe(name);
    later(1);
    const fresh = await page(h.app);
    expect(fresh.res.headers.etag).not.toBe(before.res.headers.etag);
    expect(fresh.body.overdue[0].name).toBe(`${name} (máy chủ B)`);

    // written through this server: shown by it at once, whatever the clock
    await rename(h.app, taskId, name);
    const back = await page(h.app);
    expect(back.body.overdue[0].name).toBe(name);
    expect(back.res.headers.etag).toBe(before.res.headers.etag);
  });

  it("reads the version once for a burst, again after the window or a write through this server", async () => {
    let reads = 0;
    const version = new DataVersion(
      () => {
        reads++;
        return latestAuditId(h.ctx.db);
      },
      PUBLIC_RECHECK_MS,
      () => clock.getTime(),
    );
    const burst = await Promise.all(Array.from({ length: 50 }, () => version.current()));
    expect(new Set(burst)).toEqual(new Set([await latestAuditId(h.ctx.db)]));
    expect(reads).toBe(1);
    later(PUBLIC_RECHECK_MS - 1);
    await version.current();
    expect(reads).toBe(1);
    later(1);
    await version.current();
    expect(reads).toBe(2);
    // a write through this server: read again at once
    version.changed();
    const overtaken = version.current();
    expect(reads).toBe(3);
    // a read under way when a write commits is not kept: the next request reads again
    version.changed();
    await overtaken;
    await version.current();
    expect(reads).toBe(4);
    await version.current();
    expect(reads).toBe(4);
  });

  it("sends the same content in brotli, gzip or plain bytes, each with its strong ETag and 304", async () => {
    const month = clock.toISOString().slice(0, 7);
    for (const url of [
      "/api/public/plans",
      `/api/public/plans/${plan}`,
      `/api/public/plans/${plan}/data/${month}.json`,
      `/api/public/plans/${plan}/data/${month}.csv`,
    ]) {
      const plain = await h.app.inject({ url });
      const gzip = await h.app.inject({ url, headers: { "accept-encoding": "gzip, deflate" } });
      const br = await h.app.inject({ url, headers: { "accept-encoding": BROWSER } });
      const refused = await h.app.inject({
        url,
        headers: { "accept-encoding": "br;q=0, gzip;q=0" },
      });
      expect(plain.statusCode, url).toBe(200);
      expect(gzip.headers["content-encoding"], url).toBe("gzip");
      expect(br.headers["content-encoding"], url).toBe("br");
      expect(refused.headers["content-encoding"], url).toBeUndefined();
      expect(br.rawPayload.length, url).toBeLessThan(plain.rawPayload.length);
      for (const res of [gzip, br, refused]) {
        expect(decoded(res).equals(plain.rawPayload), url).toBe(true);
        expect(res.headers["content-type"], url).toBe(plain.headers["content-type"]);
        expect(res.headers.vary, url).toBe("Accept-Encoding");
      }
      const etags = [plain, gzip, br].map((r) => r.headers.etag as string);
      expect(new Set(etags).size, url).toBe(3);
      for (const [i, etag] of etags.entries()) {
        expect(etag, url).toMatch(/^"[\w-]+"$/);
        expect(etag.startsWith(etags[0]!.slice(0, -1)), url).toBe(true);
        const coding = [{}, { "accept-encoding": "gzip" }, { "accept-encoding": BROWSER }][i];
        const again = await h.app.inject({ url, headers: { ...coding, "if-none-match": etag } });
        expect(again.statusCode, url).toBe(304);
        expect(again.rawPayload.length, url).toBe(0);
        expect(again.headers.etag, url).toBe(etag);
        // a shared cache holding another coding than the visitor's hears of the one it holds
        const held = await h.app.inject({
          url,
          headers: { "accept-encoding": BROWSER, "if-none-match": `"other", ${etag}` },
        });
        expect(held.statusCode, url).toBe(304);
        expect(held.headers.etag, url).toBe(etag);
      }
    }
  });

  it("answers a public read without looking up the visitor's session or token", async () => {
    const url = `/api/public/plans/${plan}`;
    const headers = { authorization: "Bearer expired-or-unknown" };
    expect((await call(h.app, { url, headers })).status).toBe(200);
    expect((await call(h.app, { url: "/api/plans", headers })).status).toBe(401);
  });

  it("serves the public pages' index.html from memory in each coding, a new build within the recheck", async () => {
    mkdirSync(h.webDir, { recursive: true });
    const build = (n: number) =>
      writeFileSync(
        path.join(h.webDir, "index.html"),
        `<!doctype html><title>Giám sát</title><script type="module" src="/assets/app-${n}.js"></script>`,
      );
    build(1);
    const url = `/cong-khai/${plan}`;
    const plain = await h.app.inject({ url });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(plain.headers["cache-control"]).toBe("no-cache");
    expect(plain.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(plain.body).toContain("/assets/app-1.js");
    for (const page of ["/gop-y", "/gop-y/GY-20261101-AAAAA2", "/cong-khai", "/ke-hoach/3"]) {
      const res = await h.app.inject({ url: page, headers: { "accept-encoding": BROWSER } });
      expect(res.headers["content-encoding"], page).toBe("br");
      expect(decoded(res).equals(plain.rawPayload), page).toBe(true);
    }
    const revalidated = await h.app.inject({
      url,
      headers: { "if-none-match": plain.headers.etag as string },
    });
    expect(revalidated.statusCode).toBe(304);

    build(22);
    await sleep(INDEX_RECHECK_MS + 100);
    const rebuilt = await h.app.inject({ url, headers: { "accept-encoding": "gzip" } });
    expect(decoded(rebuilt).toString()).toContain("/assets/app-22.js");
    expect(rebuilt.headers.etag).not.toBe(plain.headers.etag);
  });
});
