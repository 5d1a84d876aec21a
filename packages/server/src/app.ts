import fastifyCookie from "@fastify/cookie";
import fastifyMultipart from "@fastify/multipart";
import type { Database, DialectName } from "@giamsat/db";
import Fastify, { type FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { Config } from "./config.js";
import { installAuth } from "./http/auth.js";
import { installErrorHandler } from "./http/errors.js";
import { openApiDocument } from "./http/openapi.js";
import { RouteTable } from "./http/route.js";
import { installSecurityHeaders } from "./http/security.js";
import { installWebApp } from "./http/static.js";
import { installRequestId, requestIdOf } from "./http/request-id.js";
import { installMetrics } from "./metrics/metrics.install.js";
import { registerRoutes } from "./routes/index.js";
import type { Ctx } from "./services/context.js";

export type AppOptions = {
  db: Kysely<Database>;
  dialect: DialectName;
  config: Config;
  poolStats?: Ctx["poolStats"];
  now?: Ctx["now"];
};

/** The HTTP application (not listening): tests drive it with app.inject, `serve` listens. */
export async function createApp(opts: AppOptions): Promise<FastifyInstance> {
  const ctx: Ctx = {
    db: opts.db,
    dialect: opts.dialect,
    config: opts.config,
    poolStats: opts.poolStats,
    now: opts.now,
  };
  const app = Fastify({
    // one JSON object per line (pino), each with the request's id as reqId
    logger: opts.config.logLevel === "silent" ? false : { level: opts.config.logLevel },
    requestIdHeader: false,
    genReqId: requestIdOf,
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: opts.config.trustProxy,
  });
  installErrorHandler(app);
  installRequestId(app);
  installMetrics(app, ctx);
  installSecurityHeaders(app);
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: { fileSize: opts.config.uploadMaxBytes, files: 20, fields: 50, fieldSize: 1024 * 1024 },
  });
  installAuth(app, ctx);

  const table = new RouteTable(app);
  registerRoutes(table, ctx);
  const document = openApiDocument(table.routes);
  app.get("/api/openapi.json", async () => document);

  await installWebApp(app, opts.config.webDir);
  return app;
}
