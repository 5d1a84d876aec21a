import { keepSoonWindow, migrateToLatest, openDatabase, upsertDirectory } from "@giamsat/db";
import type { FastifyInstance } from "fastify";
import { createApp } from "./app.js";
import { orgDirectory } from "./directory/org-directory-file.js";
import type { Config } from "./config.js";
import type { Ctx } from "./services/context.js";
import { removeStaleUploads } from "./http/upload-temp.js";
import { removeStaleTempFiles } from "./services/evidence.store.js";

export type Runtime = { ctx: Ctx; applied: string[]; close(): Promise<void> };

/**
 * Opens the configured database (PostgreSQL when DATABASE_URL is set, else SQLite) and migrates
 * it; reads the configured organisation directory first, so that a bad file stops the start.
 * The directory's entries not stored yet are added then (a fresh install has every unit to
 * choose before its first plan import); stored ones are left as the administrators edited them.
 * Temporary evidence files left by a process killed mid-write are removed.
 */
export async function openRuntime(config: Config): Promise<Runtime> {
  const directory = orgDirectory(config.orgsFile);
  const handle = openDatabase(config.database);
  try {
    const { applied } = await migrateToLatest(handle.db);
    await keepSoonWindow(handle.db, config.dueSoonDays);
    await handle.db
      .transaction()
      .execute((trx) => upsertDirectory(trx, directory.entries, { keepStored: true }));
    await removeStaleTempFiles(config.dataDir);
    await removeStaleUploads(config.dataDir);
    return {
      ctx: { db: handle.db, dialect: handle.dialect, config, poolStats: handle.poolStats },
      applied,
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Builds the app and listens on the configured host and port; returns the address. */
export async function listen(ctx: Ctx): Promise<{ app: FastifyInstance; address: string }> {
  const app = await createApp(ctx);
  await app.listen({ port: ctx.config.port, host: ctx.config.host });
  const info = app.server.address();
  const port = typeof info === "object" && info ? info.port : ctx.config.port;
  const host =
    ctx.config.host === "0.0.0.0" || ctx.config.host === "::" ? "localhost" : ctx.config.host;
  return { app, address: `http://${host}:${port}` };
}

/**
 * Stops taking connections and lets the requests in flight finish (Fastify answers new requests
 * on kept-alive connections with 503 meanwhile and closes idle ones); connections still busy
 * after `graceMs` are cut, so that a stuck client cannot hold a restart.
 */
export async function closeGracefully(app: FastifyInstance, graceMs: number): Promise<void> {
  const cut = setTimeout(() => app.server.closeAllConnections(), graceMs);
  // a kept-alive connection whose request ends meanwhile is closed at once, not at its timeout
  const idle = setInterval(() => app.server.closeIdleConnections(), 50);
  try {
    await app.close();
  } finally {
    clearTimeout(cut);
    clearInterval(idle);
  }
}

/** Resolves on SIGINT or SIGTERM (the end of `giamsat serve`). */
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve(signal);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
