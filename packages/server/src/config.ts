import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const flag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

/**
 * Every setting the server reads from the environment, parsed once. HOST defaults to loopback
 * (127.0.0.1): an installation is exposed deliberately (HOST=0.0.0.0, usually behind a reverse
 * proxy that terminates TLS), never by accident.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  GIAMSAT_DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z.string().url().optional(),
  GIAMSAT_UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(20 * 1024 * 1024),
  GIAMSAT_SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  GIAMSAT_COOKIE_SECURE: flag.optional(),
  GIAMSAT_WEB_DIR: z.string().min(1).optional(),
  GIAMSAT_DUE_SOON_DAYS: z.coerce.number().int().min(0).default(15),
  GIAMSAT_LOG: z.enum(["silent", "error", "warn", "info", "debug"]).default("info"),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  uploadMaxBytes: number;
  sessionTtlMs: number;
  /** Secure cookies: on unless explicitly off (off by default only on loopback). */
  cookieSecure: boolean;
  webDir: string;
  dueSoonDays: number;
  logLevel: "silent" | "error" | "warn" | "info" | "debug";
};

const defaultWebDir = fileURLToPath(new URL("../../web/dist", import.meta.url));

/** Parses the environment; throws one Vietnamese message naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Cấu hình môi trường không hợp lệ:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const loopback = e.HOST === "127.0.0.1" || e.HOST === "localhost" || e.HOST === "::1";
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.GIAMSAT_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    uploadMaxBytes: e.GIAMSAT_UPLOAD_MAX_BYTES,
    sessionTtlMs: e.GIAMSAT_SESSION_TTL_HOURS * 3600_000,
    cookieSecure: e.GIAMSAT_COOKIE_SECURE ?? !loopback,
    webDir: e.GIAMSAT_WEB_DIR ? path.resolve(e.GIAMSAT_WEB_DIR) : defaultWebDir,
    dueSoonDays: e.GIAMSAT_DUE_SOON_DAYS,
    logLevel: e.GIAMSAT_LOG,
  };
}
