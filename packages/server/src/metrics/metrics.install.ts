/**
 * `/metrics` in the Prometheus text format: request counts and latency histograms per route
 * pattern, requests in flight, the notification outbox's waiting rows per status (the job
 * queue), the PostgreSQL pool's connections (SQLite has no pool) and the process's memory.
 * Off unless GIAMSAT_METRICS_TOKEN is set; then only `Authorization: Bearer <token>` reads it
 * (401 otherwise), so that it can sit on the public address behind the proxy or be kept off it
 * by the proxy (docs/operations.md). It is not part of the API (no session, not in OpenAPI).
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { outboxDepths } from "@giamsat/db";
import { prometheusText, type MetricFamily } from "@giamsat/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { sendError } from "../http/errors.js";
import type { Ctx } from "../services/context.js";
import { httpMetrics } from "./http-metrics.js";

const digest = (text: string) => createHash("sha256").update(text).digest();

function authorised(request: FastifyRequest, token: string): boolean {
  const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1] ?? "";
  return timingSafeEqual(digest(given), digest(token));
}

async function gauges(ctx: Ctx): Promise<MetricFamily[]> {
  const outbox = await outboxDepths(ctx.db);
  const pool = ctx.poolStats?.();
  const families: MetricFamily[] = [
    {
      name: "giamsat_outbox_messages",
      help: "Notification outbox rows not delivered yet, per status (the job queue).",
      type: "gauge",
      samples: Object.entries(outbox).map(([status, value]) => ({ labels: { status }, value })),
    },
    {
      name: "giamsat_process_resident_memory_bytes",
      help: "Resident memory of this server process.",
      type: "gauge",
      samples: [{ labels: {}, value: process.memoryUsage().rss }],
    },
  ];
  if (pool) {
    families.push({
      name: "giamsat_db_pool_connections",
      help: "PostgreSQL pool: open connections, idle ones, and requests waiting for one.",
      type: "gauge",
      samples: Object.entries(pool).map(([state, value]) => ({ labels: { state }, value })),
    });
  }
  return families;
}

export function installMetrics(app: FastifyInstance, ctx: Ctx): void {
  const token = ctx.config.metricsToken;
  if (!token) return;
  const http = httpMetrics();
  const startedAt = new WeakMap<FastifyRequest, bigint>();
  app.addHook("onRequest", async (request) => {
    startedAt.set(request, process.hrtime.bigint());
    http.started();
  });
  app.addHook("onResponse", async (request, reply) => {
    const start = startedAt.get(request);
    if (start === undefined) return;
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    http.finished(
      request.method,
      request.routeOptions.url ?? "unmatched",
      reply.statusCode,
      seconds,
    );
  });
  app.get("/metrics", async (request, reply) => {
    if (!authorised(request, token)) {
      return sendError(
        reply,
        "unauthenticated",
        "Cần mã truy cập của /metrics (GIAMSAT_METRICS_TOKEN).",
      );
    }
    const text = prometheusText([...http.families(), ...(await gauges(ctx))]);
    return reply.type("text/plain; version=0.0.4; charset=utf-8").send(text);
  });
}
