/**
 * Test support for the server (not part of the build): a fresh migrated database per test on
 * each dialect, the app over it, seed plans imported through the real importer, and users with
 * API tokens or password sessions.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DialectName } from "@giamsat/db";
import type { FastifyInstance, InjectOptions } from "fastify";
import { createTestDatabase } from "../../../db/src/test-support/index.js";
import { createApp } from "../app.js";
import { loadConfig } from "../config.js";
import type { Role } from "../services/actor.js";
import type { Ctx } from "../services/context.js";
import { importPlanBytes } from "../services/import.service.js";
import { createUser, issueTokenFor } from "../services/user.service.js";

export const SEEDS = {
  qd596: "qd596-bct-2026-nq57-plan.txt",
  qd405: "qd405-bct-2026-2030-digital-transformation.txt",
  bcdcp: "bcdcp-2026-appendix2-interministerial-tasks.txt",
} as const;

export function seedPath(name: keyof typeof SEEDS): string {
  return path.resolve(
    new URL("../../../../../shared/seeds/", import.meta.url).pathname,
    SEEDS[name],
  );
}

export type Harness = {
  app: FastifyInstance;
  ctx: Ctx;
  dataDir: string;
  /** the served web folder (dataDir/web, absent until a test builds it) */
  webDir: string;
  close(): Promise<void>;
};

export async function startHarness(
  dialect: DialectName,
  env: Record<string, string> = {},
  clock: { now?: Date } = {},
): Promise<Harness> {
  const handle = await createTestDatabase(dialect);
  const dataDir = mkdtempSync(path.join(tmpdir(), "giamsat-test-"));
  const config = loadConfig({
    GIAMSAT_DATA_DIR: dataDir,
    GIAMSAT_LOG: "silent",
    GIAMSAT_WEB_DIR: path.join(dataDir, "web"),
    // tests of other features send many reports from one account; the limit's own test
    // (config.test.ts) sets it
    GIAMSAT_REPORT_RATE_LIMIT: "100000",
    // the proof of work stays real, only shorter: a few thousand hashes per solved challenge
    GIAMSAT_ALTCHA_MAX_NUMBER: "5000",
    // the database evidence store needs the PostgreSQL URL in the configuration
    ...(env.GIAMSAT_EVIDENCE_STORE === "database" && handle.url
      ? { DATABASE_URL: handle.url }
      : {}),
    ...env,
  });
  const ctx: Ctx = { db: handle.db, dialect: handle.dialect, config, poolStats: handle.poolStats };
  const fixed = clock.now;
  if (fixed) ctx.now = () => new Date(fixed);
  const app = await createApp(ctx);
  return {
    app,
    ctx,
    dataDir,
    webDir: config.webDir,
    close: async () => {
      await app.close();
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Imports a seed plan through the real importer and storePlan; returns its plan id. */
export async function importSeed(ctx: Ctx, name: keyof typeof SEEDS): Promise<number> {
  const outcome = await importPlanBytes(ctx, null, readFileSync(seedPath(name)), SEEDS[name]);
  return outcome.planId;
}

export async function orgId(ctx: Ctx, name: string): Promise<number> {
  const row = await ctx.db
    .selectFrom("organisations")
    .select("id")
    .where("name", "=", name)
    .orderBy("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The id of the plan's task named `name`. */
export async function taskIdNamed(ctx: Ctx, planId: number, name: string): Promise<number> {
  const row = await ctx.db
    .selectFrom("tasks")
    .select("id")
    .where("plan_id", "=", planId)
    .where("name", "=", name)
    .executeTakeFirstOrThrow();
  return row.id;
}

let counter = 0;

/** A user with a known password and an API token; `headers` authenticate with the token. */
export async function makeUser(ctx: Ctx, role: Role, org: number | null = null) {
  const username = `${role.replace("_", "-")}-${++counter}`;
  const password = "mat-khau-thu-nghiem";
  const { user } = await createUser(ctx, null, { username, role, orgId: org, password });
  const token = await issueTokenFor(ctx, null, username);
  return { user, username, password, token, headers: { authorization: `Bearer ${token}` } };
}

/** `PUT /api/plans/:id/published` (published, with `reason`) as `headers`' user. */
export function publishPlan(
  app: FastifyInstance,
  headers: Record<string, string>,
  planId: number,
  reason = "Công khai theo Nghị quyết 57",
) {
  return call(app, {
    method: "PUT",
    url: `/api/plans/${planId}/published`,
    headers,
    payload: { published: true, reason },
  });
}

/** Logs in with a password: the session cookie and CSRF token for later requests. */
export async function login(app: FastifyInstance, username: string, password: string) {
  const res = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookies = Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return { cookies, csrf };
}

export async function call(app: FastifyInstance, opts: InjectOptions) {
  const res = await app.inject(opts);
  return { status: res.statusCode, body: res.body ? (safeJson(res.body) as any) : null, res }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A multipart/form-data body for app.inject. */
export function multipart(
  fields: Record<string, string>,
  files: { field: string; name: string; content: Buffer }[],
) {
  const boundary = `----giamsat${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      f.content,
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

/** `POST /api/tasks/:taskId/reports` with `files` (an in-progress report unless `data` says more). */
export function postReportWithFiles(
  app: FastifyInstance,
  headers: Record<string, string>,
  taskId: number,
  files: { name: string; content: Buffer }[],
  data: Record<string, unknown> = {},
) {
  const form = multipart(
    { data: JSON.stringify({ state: "in_progress", summary: "Có tệp", progress: 5, ...data }) },
    files.map((f) => ({ field: "files", ...f })),
  );
  return call(app, {
    method: "POST",
    url: `/api/tasks/${taskId}/reports`,
    headers: { ...headers, ...form.headers },
    payload: form.payload,
  });
}

/** `POST /api/imports/preview` of one file (with the form's other fields) as `headers`' user. */
export function previewUpload(
  app: FastifyInstance,
  headers: Record<string, string>,
  file: { name: string; content: Buffer },
  fields: Record<string, string> = {},
) {
  const form = multipart(fields, [{ field: "file", ...file }]);
  return call(app, {
    method: "POST",
    url: "/api/imports/preview",
    headers: { ...headers, ...form.headers },
    payload: form.payload,
  });
}

/**
 * A file as an upload hands it to a service once received: written to a temporary file in
 * `dataDir`, with its size and hash (what `withUpload` gives the report service).
 */
export function receivedFile(dataDir: string, fileName: string, content: Buffer) {
  const file = path.join(dataDir, `received-${randomBytes(6).toString("hex")}.tmp`);
  writeFileSync(file, content);
  const sha256 = createHash("sha256").update(content).digest("hex");
  return { fileName, path: file, size: content.length, sha256 };
}

/** Small files with the right (or wrong) magic bytes. */
export const FILES = {
  pdf: Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.from("1 0 obj << >> endobj\n%%EOF\n")]),
  png: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
};

/** The first task of a plan led by a resolved unit, with that unit's id. */
export async function unitTask(
  ctx: Ctx,
  planId: number,
  kind: "time-bound" | "recurring" = "time-bound",
) {
  const row = await ctx.db
    .selectFrom("tasks")
    .select(["id", "lead_org_id"])
    .where("plan_id", "=", planId)
    .where("kind", "=", kind)
    .where("lead_org_id", "is not", null)
    .orderBy("ordinal")
    .executeTakeFirstOrThrow();
  return { taskId: row.id, unitId: row.lead_org_id as number };
}

/** The first time-bound task of a plan with a lead unit and another, coordinating, unit. */
export async function leadAndCoordinatorTask(ctx: Ctx, planId: number) {
  const row = await ctx.db
    .selectFrom("tasks")
    .innerJoin("task_orgs", "task_orgs.task_id", "tasks.id")
    .select(["tasks.id", "tasks.lead_org_id", "task_orgs.org_id"])
    .where("tasks.plan_id", "=", planId)
    .where("tasks.kind", "=", "time-bound")
    .where("task_orgs.role", "=", "coordinator")
    .where("task_orgs.org_id", "is not", null)
    .where("tasks.lead_org_id", "is not", null)
    .whereRef("task_orgs.org_id", "!=", "tasks.lead_org_id")
    .orderBy("tasks.ordinal")
    .executeTakeFirstOrThrow();
  return { taskId: row.id, leadId: row.lead_org_id!, coordinatorId: row.org_id! };
}

const periodsUsed = new WeakMap<object, number>();
/**
 * A monthly period key not handed out before for this database (its harness or context), within
 * the seed plans' years (2026-01 … 2030-12): a task keeps one live report per period, so tests
 * that send several reports on one task give each its own.
 */
export function freshPeriod(database: object): string {
  const n = periodsUsed.get(database) ?? 0;
  if (n >= 60) throw new Error("freshPeriod: only the 60 months of 2026–2030 are available");
  periodsUsed.set(database, n + 1);
  return `${2026 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}`;
}

/**
 * Every (task, month) a unit can report on in a plan — its led tasks × the 60 months of
 * 2026–2030 — for load tests: a task keeps one live report per period, so each request of a
 * stream takes a slot of its own.
 */
export async function reportSlots(ctx: Ctx, planId: number, unitId: number) {
  const taskIds = (
    await ctx.db
      .selectFrom("tasks")
      .select("id")
      .where("plan_id", "=", planId)
      .where("lead_org_id", "=", unitId)
      .execute()
  ).map((t) => t.id);
  const months = Array.from({ length: 60 }, () => freshPeriod(ctx));
  return {
    taskIds,
    slots: taskIds.flatMap((taskId) => months.map((period) => ({ taskId, period }))),
  };
}
