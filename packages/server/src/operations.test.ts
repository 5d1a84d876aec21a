/**
 * Operating the server: `/api/health` asks the database (503 when it does not answer), every
 * response carries its request id (the proxy's `x-request-id` kept when usable), and `/metrics`
 * (only with GIAMSAT_METRICS_TOKEN) counts requests per route pattern with their latencies,
 * shows the outbox's waiting rows and, on PostgreSQL, the pool.
 */
import { enqueueOutbox } from "@giamsat/db";
import { afterEach, describe, expect, it } from "vitest";
import { dialects } from "../../db/src/test-support/index.js";
import { call, makeUser, startHarness, type Harness } from "./test-support/server-harness.js";

const TOKEN = "mã-đọc-số-liệu-vận-hành-0123";

describe.each(dialects())("operations (%s)", (dialect) => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("answers /api/health from the database, and 503 when the database is gone", async () => {
    h = await startHarness(dialect);
    expect((await call(h.app, { url: "/api/health" })).body).toEqual({ status: "ok" });
    await h.ctx.db.destroy();
    const down = await call(h.app, { url: "/api/health" });
    expect(down.status).toBe(503);
    expect(down.body).toEqual({ status: "unavailable" });
  });

  it("returns the request id it was given, or a new one", async () => {
    h = await startHarness(dialect);
    const given = await call(h.app, {
      url: "/api/health",
      headers: { "x-request-id": "proxy-7f3a.1" },
    });
    expect(given.res.headers["x-request-id"]).toBe("proxy-7f3a.1");
    const unusable = await call(h.app, {
      url: "/api/health",
      headers: { "x-request-id": 'xấu"<script>' },
    });
    const fresh = await call(h.app, { url: "/api/nothing-here" });
    for (const res of [unusable.res, fresh.res]) {
      expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(unusable.res.headers["x-request-id"]).not.toBe(fresh.res.headers["x-request-id"]);
  });

  it("serves /metrics in the Prometheus format to the token's holder only", async () => {
    h = await startHarness(dialect, { GIAMSAT_METRICS_TOKEN: TOKEN });
    const leader = await makeUser(h.ctx, "leader");
    await enqueueOutbox(h.ctx.db, [
      {
        rule: "test",
        item: "1",
        period: "2026-06",
        recipient_id: leader.user.id,
        step: "1",
        channel: "in_app",
        kind: "report_due",
        address: null,
        subject: "Thử",
        link: "/",
        next_attempt_at: "2000-01-01T00:00:00.000Z",
        body: { text: "Nội dung", html: "<p>Nội dung</p>" },
      },
    ]);
    for (const id of [1, 2, 3]) {
      await call(h.app, { url: `/api/tasks/${id}`, headers: leader.headers });
    }
    await call(h.app, { url: "/api/health" });

    expect((await call(h.app, { url: "/metrics" })).status).toBe(401);
    const wrong = await call(h.app, {
      url: "/metrics",
      headers: { authorization: `Bearer ${TOKEN}x` },
    });
    expect(wrong.status).toBe(401);
    const res = await h.app.inject({
      url: "/metrics",
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.body;
    expect(text).toContain("# TYPE giamsat_http_requests_total counter");
    expect(text).toContain(
      'giamsat_http_requests_total{method="GET",route="/api/tasks/:id",status="404"} 3',
    );
    expect(text).toContain(
      'giamsat_http_request_duration_seconds_count{method="GET",route="/api/tasks/:id"} 3',
    );
    expect(text).toContain(
      'giamsat_http_request_duration_seconds_bucket{method="GET",route="/api/tasks/:id",le="+Inf"} 3',
    );
    expect(text).toContain(
      'giamsat_http_requests_total{method="GET",route="/metrics",status="401"} 2',
    );
    expect(text).toContain('giamsat_outbox_messages{status="pending"} 1');
    expect(text).toContain("giamsat_http_requests_in_flight 1");
    if (dialect === "postgres")
      expect(text).toMatch(/giamsat_db_pool_connections\{state="total"\} [1-9]/);
    else expect(text).not.toContain("giamsat_db_pool_connections");
  });

  it("has no /metrics without a token", async () => {
    h = await startHarness(dialect);
    expect((await call(h.app, { url: "/metrics" })).status).toBe(404);
  });
});
