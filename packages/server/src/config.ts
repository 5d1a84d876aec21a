/**
 * The one place the environment is read. Every variable of the configuration tables in the
 * README and packages/server/README.md is parsed here, once, by one zod schema; its output type
 * is the `Config` passed down to the runtime, the services, the database and the CLI (no other
 * module reads a GIAMSAT_ variable; config.test.ts checks that each documented one takes effect).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const flag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const defaultWebDir = fileURLToPath(new URL("../../web/dist", import.meta.url));

const isLoopback = (host: string) => host === "127.0.0.1" || host === "localhost" || host === "::1";

/**
 * HOST defaults to loopback (127.0.0.1): an installation is exposed deliberately (HOST=0.0.0.0,
 * usually behind a reverse proxy that terminates TLS), never by accident.
 */
const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default("127.0.0.1"),
    GIAMSAT_DATA_DIR: z.string().min(1).default("./data"),
    DATABASE_URL: z
      .string()
      .url()
      .regex(/^postgres(ql)?:\/\//, "phải bắt đầu bằng postgres://")
      .optional(),
    GIAMSAT_SQLITE_SYNC: z.enum(["NORMAL", "FULL"]).default("NORMAL"),
    GIAMSAT_UPLOAD_MAX_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(20 * 1024 * 1024),
    GIAMSAT_IMPORT_TIMEOUT_SECONDS: z.coerce.number().positive().default(120),
    GIAMSAT_IMPORT_MEMORY_MB: z.coerce.number().int().min(16).default(512),
    GIAMSAT_TESSERACT: z.string().min(1).default("tesseract"),
    GIAMSAT_PDFTOPPM: z.string().min(1).default("pdftoppm"),
    GIAMSAT_ANTIWORD: z.string().min(1).default("antiword"),
    GIAMSAT_SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
    GIAMSAT_COOKIE_SECURE: flag.optional(),
    GIAMSAT_TRUST_PROXY: z
      .string()
      .trim()
      .regex(
        /^(true|false|[\d.:a-fA-F/]+(\s*,\s*[\d.:a-fA-F/]+)*)$/,
        "cần true, false hoặc địa chỉ/CIDR của proxy, cách nhau bởi dấu phẩy",
      )
      .optional(),
    GIAMSAT_WEB_DIR: z.string().min(1).optional(),
    GIAMSAT_DUE_SOON_DAYS: z.coerce.number().int().min(0).default(15),
    GIAMSAT_ORGS_FILE: z.string().min(1).optional(),
    GIAMSAT_LOG: z.enum(["silent", "error", "warn", "info", "debug"]).default("info"),
    GIAMSAT_SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/\S+$/, "cần dạng smtp://người-dùng:mật-khẩu@máy:cổng hoặc smtps://…")
      .optional(),
    GIAMSAT_MAIL_FROM: z.string().min(3).default("Giám sát <giamsat@localhost>"),
    GIAMSAT_SITE_URL: z.string().url().optional(),
    GIAMSAT_REMIND_CRON: z.string().min(9).default("0 7 * * *"),
    GIAMSAT_OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
    GIAMSAT_METRICS_TOKEN: z.string().min(16, "cần ít nhất 16 ký tự").optional(),
    GIAMSAT_SHUTDOWN_SECONDS: z.coerce.number().positive().max(3600).default(30),
    GIAMSAT_REPORT_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(60),
    GIAMSAT_REPORT_RATE_MINUTES: z.coerce
      .number()
      .positive()
      .max(24 * 60)
      .default(10),
    GIAMSAT_ALTCHA_MAX_NUMBER: z.coerce.number().int().min(1000).max(10_000_000).default(50_000),
    GIAMSAT_ALTCHA_KEY: z.string().min(32, "cần ít nhất 32 ký tự").optional(),
    GIAMSAT_EVIDENCE_STORE: z.enum(["local", "database"]).default("local"),
  })
  .superRefine((e, check) => {
    if (e.GIAMSAT_EVIDENCE_STORE === "database" && !e.DATABASE_URL) {
      check.addIssue({
        code: "custom",
        path: ["GIAMSAT_EVIDENCE_STORE"],
        message:
          "kho minh chứng trong cơ sở dữ liệu (database) chỉ dùng được với PostgreSQL: hãy đặt DATABASE_URL, hoặc để local (thư mục dữ liệu)",
      });
    }
  })
  .transform((e) => {
    const dataDir = path.resolve(e.GIAMSAT_DATA_DIR);
    return {
      port: e.PORT,
      host: e.HOST,
      dataDir,
      /** what `openDatabase` of @giamsat/db takes: PostgreSQL when a URL is set, else SQLite */
      database: {
        ...(e.DATABASE_URL ? { url: e.DATABASE_URL } : {}),
        dataDir,
        synchronous: e.GIAMSAT_SQLITE_SYNC,
      },
      uploadMaxBytes: e.GIAMSAT_UPLOAD_MAX_BYTES,
      /** the worker thread that reads an uploaded plan document is stopped past these */
      importLimits: {
        timeoutMs: e.GIAMSAT_IMPORT_TIMEOUT_SECONDS * 1000,
        memoryMb: e.GIAMSAT_IMPORT_MEMORY_MB,
      },
      /** the programs that read a scanned PDF (OCR) */
      ocrPrograms: { tesseract: e.GIAMSAT_TESSERACT, pdftoppm: e.GIAMSAT_PDFTOPPM },
      /** the program that converts a legacy Word document (.doc) */
      antiword: e.GIAMSAT_ANTIWORD,
      sessionTtlMs: e.GIAMSAT_SESSION_TTL_HOURS * 3600_000,
      /** Secure cookies: on unless explicitly off (off by default only on loopback). */
      cookieSecure: e.GIAMSAT_COOKIE_SECURE ?? !isLoopback(e.HOST),
      /**
       * Fastify's `trustProxy`: whom to believe for X-Forwarded-For/-Proto (the client address
       * the login throttle keys on, HTTPS for Secure cookies and HSTS); off by default.
       */
      trustProxy: trustProxyOf(e.GIAMSAT_TRUST_PROXY),
      webDir: e.GIAMSAT_WEB_DIR ? path.resolve(e.GIAMSAT_WEB_DIR) : defaultWebDir,
      dueSoonDays: e.GIAMSAT_DUE_SOON_DAYS,
      /** extra organisation directory entries (JSON), read once at start */
      orgsFile: e.GIAMSAT_ORGS_FILE ? path.resolve(e.GIAMSAT_ORGS_FILE) : undefined,
      logLevel: e.GIAMSAT_LOG,
      /** e-mail notifications: none without an SMTP server (in-app only) */
      mail: { smtpUrl: e.GIAMSAT_SMTP_URL, from: e.GIAMSAT_MAIL_FROM },
      /** the address links in notifications point to */
      siteUrl:
        e.GIAMSAT_SITE_URL ?? `http://${isLoopback(e.HOST) ? "127.0.0.1" : e.HOST}:${e.PORT}`,
      /** when `giamsat serve` computes the day's reminders (croner pattern, Vietnam time) */
      remindCron: e.GIAMSAT_REMIND_CRON,
      /** how long a worker holds the outbox rows it claimed before another may take them */
      outboxLeaseMs: e.GIAMSAT_OUTBOX_LEASE_SECONDS * 1000,
      /** the bearer token that reads /metrics; without one /metrics is off */
      metricsToken: e.GIAMSAT_METRICS_TOKEN,
      /** on SIGTERM, how long requests in flight may take before their connections are cut */
      shutdownGraceMs: e.GIAMSAT_SHUTDOWN_SECONDS * 1000,
      /** at most `max` report submissions per user within `windowMs` (429 beyond) */
      reportRate: {
        max: e.GIAMSAT_REPORT_RATE_LIMIT,
        windowMs: e.GIAMSAT_REPORT_RATE_MINUTES * 60_000,
      },
      /** the public forms' proof of work: the browser tries up to this many numbers (half on average) */
      altchaMaxNumber: e.GIAMSAT_ALTCHA_MAX_NUMBER,
      /** the proof of work's HMAC key; without one, a key generated once and kept in the database */
      altchaKey: e.GIAMSAT_ALTCHA_KEY,
      /** where evidence files are kept: the data folder, or PostgreSQL (shared by several servers) */
      evidenceStore: e.GIAMSAT_EVIDENCE_STORE,
    };
  });

export type Config = z.output<typeof envSchema>;

/** `true`, `false`, or the proxies' addresses/CIDRs (`127.0.0.1,10.0.0.0/8`). */
function trustProxyOf(value: string | undefined): boolean | string[] {
  if (value === undefined || value === "false") return false;
  if (value === "true") return true;
  return value.split(",").map((s) => s.trim());
}

/** Parses the environment; throws one Vietnamese message naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Cấu hình môi trường không hợp lệ:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
