/**
 * Every variable documented in the configuration tables of the README and of the server's README
 * takes effect: each has a check below that observes what it changes (a port bound, a file
 * created, a pragma, a cookie, a status…). A variable documented without a check fails the
 * first test, so the tables, the schema and the behaviour stay one.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  buildOrganisation,
  buildTask,
  createTestDatabase,
} from "../../db/src/test-support/index.js";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTextBlocks } from "@giamsat/core";
import { writeDoc } from "../../core/src/import/fixtures/doc.writer.js";
import { blocksToDocx } from "../../core/src/import/fixtures/office.from-blocks.js";
import { loadConfig } from "./config.js";
import { NO_ANTIWORD } from "./import-doc/antiword.runner.js";
import { closeGracefully, listen, openRuntime } from "./runtime.js";
import {
  call,
  FILES,
  freshPeriod,
  importSeed,
  makeUser,
  multipart,
  postReportWithFiles,
  startHarness,
  unitTask,
  type Harness,
} from "./test-support/server-harness.js";
import { importPlanBytes } from "./services/import.service.js";
import type { Ctx } from "./services/context.js";
import type { Channel } from "./notifications/channel.js";
import { channelsFor } from "./notifications/channels.js";
import type { Told } from "./notifications/fanout.js";
import { drainOutbox } from "./notifications/outbox.worker.js";
import { planReminders } from "./notifications/reminder.planner.js";
import { startScheduler } from "./notifications/scheduler.js";
import { solvedChallenge } from "./test-support/altcha.js";
import { startSmtpSink } from "./test-support/smtp-sink.js";
import { enqueueOutbox, type DialectName, type NewOutboxRow, type OutboxRow } from "@giamsat/db";

/** An outbox row as the worker claims it (the parts a channel reads). */
function outboxRow(over: Partial<OutboxRow> = {}): OutboxRow & NewOutboxRow {
  return {
    id: 1,
    rule: "test",
    item: "1",
    period: "2026-06",
    recipient_id: 1,
    step: "1",
    channel: "in_app",
    kind: "report_due",
    address: null,
    subject: "Thử",
    body_text: "Nội dung",
    body_html: "<p>Nội dung</p>",
    link: "/",
    message_id: null,
    status: "pending",
    attempts: 0,
    next_attempt_at: "2000-01-01T00:00:00.000Z",
    claimed_until: null,
    last_error: null,
    created_at: "2000-01-01T00:00:00.000Z",
    sent_at: null,
    ...over,
  };
}

const repo = new URL("../../../", import.meta.url).pathname;

/** The variable names in the first column of every `| variable | … |` table of a README. */
function documentedVariables(file: string): string[] {
  const text = readFileSync(path.join(repo, file), "utf8");
  return [...text.matchAll(/^\| `([A-Z][A-Z0-9_]+)` +\|/gm)].map((m) => m[1] as string);
}

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), "giamsat-config-"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const dir = (name: string) => {
  const d = path.join(scratch, name);
  mkdirSync(d, { recursive: true });
  return d;
};

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts the server of `env` (a fresh SQLite data folder) and returns what it bound. */
async function bound(env: Record<string, string>) {
  const config = loadConfig({ GIAMSAT_DATA_DIR: dir(`bind-${Math.random()}`), ...env });
  const runtime = await openRuntime({ ...config, logLevel: "silent" });
  const { app } = await listen(runtime.ctx);
  const address = app.server.address() as { address: string; port: number };
  await app.close();
  await runtime.close();
  return address;
}

/** Two reports by one unit user (`pause` ms apart): their statuses and the second's Retry-After. */
async function twoReports(env: Record<string, string>, pause = 0) {
  return withHarness(env, async (h) => {
    const { taskId, unitId } = await unitTask(h.ctx, await importSeed(h.ctx, "qd596"));
    const staff = await makeUser(h.ctx, "unit_staff", unitId);
    const send = () =>
      call(h.app, {
        method: "POST",
        url: `/api/tasks/${taskId}/reports`,
        headers: staff.headers,
        payload: { period: freshPeriod(h), state: "in_progress", summary: "Tiến độ", progress: 10 },
      });
    const first = await send();
    await new Promise((resolve) => setTimeout(resolve, pause));
    const second = await send();
    return [first.status, second.status, second.res.headers["retry-after"]];
  });
}

async function withHarness<T>(env: Record<string, string>, fn: (h: Harness) => Promise<T>) {
  const h = await startHarness("sqlite", env);
  try {
    return await fn(h);
  } finally {
    await h.close();
  }
}

/** A report with one file sent under `env`: the files in the data folder, the blobs in the database. */
async function whereEvidenceGoes(dialect: DialectName, env: Record<string, string>) {
  const h = await startHarness(dialect, env);
  try {
    const { taskId, unitId } = await unitTask(h.ctx, await importSeed(h.ctx, "qd596"));
    const staff = await makeUser(h.ctx, "unit_staff", unitId);
    const sent = await postReportWithFiles(h.app, staff.headers, taskId, [
      { name: "bien-ban.pdf", content: FILES.pdf },
    ]);
    expect(sent.status).toBe(201);
    const folder = path.join(h.dataDir, "evidence");
    const files = existsSync(folder)
      ? readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
      : [];
    const blobs = await h.ctx.db.selectFrom("evidence_blobs").select("sha256").execute();
    return { files: files.length, blobs: blobs.length };
  } finally {
    await h.close();
  }
}

async function loginCookie(env: Record<string, string>) {
  return withHarness(env, async (h) => {
    const u = await makeUser(h.ctx, "leader");
    const res = await h.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: u.username, password: u.password },
    });
    return res.cookies.find((c) => c.name === "giamsat_session");
  });
}

async function sqliteSynchronous(env: Record<string, string>): Promise<number> {
  const runtime = await openRuntime(loadConfig({ GIAMSAT_DATA_DIR: dir("sync"), ...env }));
  try {
    const rows = await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(runtime.ctx.db);
    return rows.rows[0]!.synchronous;
  } finally {
    await runtime.close();
  }
}

async function statusWith(env: Record<string, string>) {
  return withHarness(env, async (h) => {
    const task = await buildTask(h.ctx.db, { due_date: "2026-12-31" });
    const leader = await makeUser(h.ctx, "leader");
    const res = await call(h.app, {
      url: `/api/tasks/${task.id}?asOf=2026-12-21`,
      headers: leader.headers,
    });
    return res.body.status as string;
  });
}

const ORG = "Trung tâm Ươm tạo Công nghệ Hòa Lạc";
const PLAN = `PHỤ LỤC I\nDANH MỤC NHIỆM VỤ\n\nSTT\tTên nhiệm vụ\tĐơn vị chủ trì\tThời hạn\n1.\tVận hành sàn giao dịch công nghệ\t${ORG}\t12/2026\n`;

/** Previews `text` as an uploaded plan under `env`. */
async function previewWith(env: Record<string, string>, text: string) {
  return previewFile(env, "ke-hoach.txt", Buffer.from(text));
}

async function previewFile(env: Record<string, string>, name: string, content: Buffer) {
  return withHarness(env, async (h) => {
    const monitor = await makeUser(h.ctx, "monitor");
    const body = multipart({}, [{ field: "file", name, content }]);
    return call(h.app, {
      method: "POST",
      url: "/api/imports/preview",
      payload: body.payload,
      headers: { ...body.headers, ...monitor.headers },
    });
  });
}

/** A one-page PDF with no text layer: the importer reads it as a scan, through OCR. */
const BLANK_SCAN = Buffer.from(
  "%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n" +
    "2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n" +
    "3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>> endobj\n" +
    "trailer <</Root 1 0 R>>\n%%EOF\n",
);

const NO_OCR = "400 chưa cài Tesseract";

/** What a preview of BLANK_SCAN answers with the OCR programs `env` names: NO_OCR or other. */
async function scanAnswer(env: Record<string, string>): Promise<string> {
  const res = await previewFile(env, "ban-quet.pdf", BLANK_SCAN);
  const missing = res.status === 400 && String(res.body.message).includes("chưa cài Tesseract");
  return missing ? NO_OCR : `${res.status} ${String(res.body.message ?? "")}`;
}

/** One check per documented variable: what changes when it is set. */
const effects: Record<string, () => Promise<void>> = {
  PORT: async () => {
    const port = await freePort();
    expect((await bound({ PORT: String(port) })).port).toBe(port);
  },
  HOST: async () => {
    expect((await bound({ PORT: "0" })).address).toBe("127.0.0.1");
    expect((await bound({ PORT: "0", HOST: "127.0.0.2" })).address).toBe("127.0.0.2");
  },
  GIAMSAT_DATA_DIR: async () => {
    const data = path.join(scratch, "data-here");
    const runtime = await openRuntime(loadConfig({ GIAMSAT_DATA_DIR: data }));
    await runtime.close();
    expect(existsSync(path.join(data, "giamsat.sqlite"))).toBe(true);
  },
  DATABASE_URL: async () => {
    expect(() => loadConfig({ DATABASE_URL: "mysql://u@h/db" })).toThrow(/DATABASE_URL/);
    if (!process.env.GIAMSAT_TEST_PG_URL) return; // PostgreSQL is checked when a cluster is set
    const database = await createTestDatabase("postgres");
    try {
      const config = loadConfig({ DATABASE_URL: database.url, GIAMSAT_DATA_DIR: dir("pg") });
      const runtime = await openRuntime(config);
      expect(runtime.ctx.dialect).toBe("postgres");
      await runtime.close();
    } finally {
      await database.close();
    }
  },
  GIAMSAT_SQLITE_SYNC: async () => {
    // PRAGMA synchronous: 1 NORMAL, 2 FULL — through openRuntime, which `giamsat serve` uses
    expect(await sqliteSynchronous({})).toBe(1);
    expect(await sqliteSynchronous({ GIAMSAT_SQLITE_SYNC: "FULL" })).toBe(2);
    expect(() => loadConfig({ GIAMSAT_SQLITE_SYNC: "OFF" })).toThrow(/GIAMSAT_SQLITE_SYNC/);
  },
  GIAMSAT_UPLOAD_MAX_BYTES: async () => {
    expect((await previewWith({ GIAMSAT_UPLOAD_MAX_BYTES: "1000" }, PLAN.repeat(20))).status).toBe(
      413,
    );
  },
  GIAMSAT_IMPORT_TIMEOUT_SECONDS: async () => {
    const res = await previewWith({ GIAMSAT_IMPORT_TIMEOUT_SECONDS: "0.001" }, PLAN);
    expect(res.status).toBe(413);
    expect(res.body.message).toContain("đọc tệp cần quá 0,001 giây nên đã dừng");
  },
  GIAMSAT_TESSERACT: async () => {
    expect(await scanAnswer({})).not.toBe(NO_OCR);
    expect(await scanAnswer({ GIAMSAT_TESSERACT: "/nonexistent/tesseract" })).toBe(NO_OCR);
  },
  GIAMSAT_PDFTOPPM: async () => {
    expect(await scanAnswer({ GIAMSAT_PDFTOPPM: "/nonexistent/pdftoppm" })).toBe(NO_OCR);
  },
  GIAMSAT_ANTIWORD: async () => {
    const doc = Buffer.from(writeDoc(blocksToDocx(readTextBlocks(PLAN))));
    expect((await previewFile({}, "ke-hoach.doc", doc)).status).toBe(200);
    const res = await previewFile(
      { GIAMSAT_ANTIWORD: "/nonexistent/antiword" },
      "ke-hoach.doc",
      doc,
    );
    expect([res.status, res.body.message]).toEqual([400, NO_ANTIWORD]);
  },
  GIAMSAT_IMPORT_MEMORY_MB: async () => {
    const big =
      PLAN +
      Array.from({ length: 3000 }, (_, i) => `${i + 2}.\tNhiệm vụ ${i}\t${ORG}\t12/2026`).join(
        "\n",
      );
    expect((await previewWith({}, big)).status).toBe(200);
    const res = await previewWith({ GIAMSAT_IMPORT_MEMORY_MB: "16" }, big);
    expect(res.status).toBe(413);
    expect(res.body.message).toContain("đọc tệp cần quá 16 MB bộ nhớ nên đã dừng");
  },
  GIAMSAT_SESSION_TTL_HOURS: async () => {
    expect((await loginCookie({}))?.maxAge).toBe(12 * 3600);
    expect((await loginCookie({ GIAMSAT_SESSION_TTL_HOURS: "2" }))?.maxAge).toBe(2 * 3600);
  },
  GIAMSAT_COOKIE_SECURE: async () => {
    expect((await loginCookie({}))?.secure).toBeFalsy();
    expect((await loginCookie({ GIAMSAT_COOKIE_SECURE: "true" }))?.secure).toBe(true);
    // exposed beyond loopback, cookies are Secure unless turned off explicitly
    expect(loadConfig({ HOST: "0.0.0.0" }).cookieSecure).toBe(true);
    expect(loadConfig({ HOST: "0.0.0.0", GIAMSAT_COOKIE_SECURE: "no" }).cookieSecure).toBe(false);
  },
  GIAMSAT_TRUST_PROXY: async () => {
    const ipSeen = (env: Record<string, string>) =>
      withHarness(env, async (h) => {
        h.app.get("/ip-seen", async (request) => ({ ip: request.ip }));
        const res = await h.app.inject({
          url: "/ip-seen",
          headers: { "x-forwarded-for": "203.0.113.9" },
        });
        return (res.json() as { ip: string }).ip;
      });
    expect(await ipSeen({})).toBe("127.0.0.1");
    expect(await ipSeen({ GIAMSAT_TRUST_PROXY: "127.0.0.1" })).toBe("203.0.113.9");
    expect(() => loadConfig({ GIAMSAT_TRUST_PROXY: "mọi người" })).toThrow(/GIAMSAT_TRUST_PROXY/);
  },
  GIAMSAT_WEB_DIR: async () => {
    const web = dir("web-elsewhere");
    writeFileSync(path.join(web, "index.html"), "<!doctype html><p>bản dựng riêng</p>");
    await withHarness({ GIAMSAT_WEB_DIR: web }, async (h) => {
      expect((await h.app.inject({ url: "/" })).body).toContain("bản dựng riêng");
    });
  },
  GIAMSAT_DUE_SOON_DAYS: async () => {
    // due 31/12/2026, seen on 21/12/2026: within the default 15 days, not within 5
    expect(await statusWith({})).toBe("due_soon");
    expect(await statusWith({ GIAMSAT_DUE_SOON_DAYS: "5" })).toBe("in_time");
  },
  GIAMSAT_ORGS_FILE: async () => {
    const orgs = path.join(scratch, "to-chuc.json");
    writeFileSync(
      orgs,
      JSON.stringify([{ id: "ttut-hoa-lac", name: ORG, kind: "agency", abbreviations: ["TTUT"] }]),
    );
    const leadResolved = (env: Record<string, string>) =>
      withHarness(env, async (h) => {
        const { planId } = await importPlanBytes(h.ctx, null, Buffer.from(PLAN), "ke-hoach.txt");
        const task = await h.ctx.db
          .selectFrom("tasks")
          .select("lead_org_id")
          .where("plan_id", "=", planId)
          .executeTakeFirstOrThrow();
        return task.lead_org_id !== null;
      });
    expect(await leadResolved({})).toBe(false);
    expect(await leadResolved({ GIAMSAT_ORGS_FILE: orgs })).toBe(true);
    const bad = path.join(scratch, "sai.json");
    writeFileSync(bad, "{ khong phai json");
    await expect(openRuntime(loadConfig({ GIAMSAT_ORGS_FILE: bad }))).rejects.toThrow(
      /không phải JSON hợp lệ/,
    );
  },
  GIAMSAT_SMTP_URL: async () => {
    const names = (env: Record<string, string>) =>
      channelsFor({ config: loadConfig(env) } as Ctx).map((c) => c.name);
    expect(names({})).toEqual(["in_app"]);
    expect(names({ GIAMSAT_SMTP_URL: "smtp://127.0.0.1:2525" })).toEqual(["in_app", "email"]);
    expect(() => loadConfig({ GIAMSAT_SMTP_URL: "127.0.0.1" })).toThrow(/GIAMSAT_SMTP_URL/);
  },
  GIAMSAT_MAIL_FROM: async () => {
    const sink = await startSmtpSink();
    const from = "Văn phòng Bộ <vanphong@bo.example.vn>";
    const config = loadConfig({ GIAMSAT_SMTP_URL: sink.url, GIAMSAT_MAIL_FROM: from });
    const email = channelsFor({ config } as Ctx).find((c) => c.name === "email")!;
    try {
      await email.deliver(outboxRow({ address: "a@b.example.vn" }));
      expect(sink.mails[0]?.from).toContain("vanphong@bo.example.vn");
    } finally {
      await email.close();
      await sink.close();
    }
  },
  GIAMSAT_SITE_URL: async () => {
    const site = "https://giamsat.bo.example.vn";
    await withHarness({ GIAMSAT_SITE_URL: site }, async (h) => {
      const unit = await buildOrganisation(h.ctx.db, { name: "Cục Thử nghiệm" });
      const task = await buildTask(h.ctx.db, { due_date: "2026-06-30", lead_org_id: unit.id });
      await makeUser(h.ctx, "unit_staff", unit.id);
      const planned: Told[] = [];
      for await (const chunk of planReminders(h.ctx, "2026-06-15", new Set()))
        planned.push(...chunk);
      const due = planned.find((t) => t.key.rule === "task_due")!.message;
      expect("text" in due && due.text).toContain(`${site}/nhiem-vu/${task.id}`);
    });
  },
  GIAMSAT_REMIND_CRON: async () => {
    await withHarness({ GIAMSAT_REMIND_CRON: "30 6 * * 1-5" }, async (h) => {
      const scheduler = startScheduler(h.ctx, () => undefined);
      const next = scheduler.nextReminders()!;
      await scheduler.stop();
      // 06:30 in Vietnam is 23:30 UTC the day before
      expect(next.toISOString().slice(11, 16)).toBe("23:30");
    });
    await withHarness({ GIAMSAT_REMIND_CRON: "không phải lịch" }, async (h) => {
      expect(() => startScheduler(h.ctx, () => undefined)).toThrow(/GIAMSAT_REMIND_CRON/);
    });
  },
  GIAMSAT_OUTBOX_LEASE_SECONDS: async () => {
    await withHarness({ GIAMSAT_OUTBOX_LEASE_SECONDS: "600" }, async (h) => {
      const user = await makeUser(h.ctx, "leader");
      const {
        body_text: text,
        body_html: html,
        ...row
      } = outboxRow({
        recipient_id: user.user.id,
      });
      await enqueueOutbox(h.ctx.db, [{ ...row, body: { text, html } }]);
      let leased = "";
      const probe: Channel = {
        name: "in_app",
        concurrency: 1,
        deliver: async (row) => {
          leased = row.claimed_until ?? "";
        },
        close: async () => undefined,
      };
      const before = Date.now();
      await drainOutbox(h.ctx, [probe]);
      expect(Date.parse(leased) - before).toBeGreaterThanOrEqual(600_000);
      expect(Date.parse(leased) - before).toBeLessThan(660_000);
    });
  },
  GIAMSAT_METRICS_TOKEN: async () => {
    const token = "jeton-de-mesure-0123456789";
    await withHarness({ GIAMSAT_METRICS_TOKEN: token }, async (h) => {
      const auth = { authorization: `Bearer ${token}` };
      expect((await call(h.app, { url: "/metrics", headers: auth })).status).toBe(200);
    });
    await withHarness({}, async (h) => {
      expect((await call(h.app, { url: "/metrics" })).status).toBe(404);
    });
    expect(() => loadConfig({ GIAMSAT_METRICS_TOKEN: "ngắn" })).toThrow(/GIAMSAT_METRICS_TOKEN/);
  },
  GIAMSAT_REPORT_RATE_LIMIT: async () => {
    // two reports in a row: the second is refused only under a limit of one
    expect((await twoReports({})).slice(0, 2)).toEqual([201, 201]);
    const [first, second, retryAfter] = await twoReports({ GIAMSAT_REPORT_RATE_LIMIT: "1" });
    expect([first, second]).toEqual([201, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(() => loadConfig({ GIAMSAT_REPORT_RATE_LIMIT: "0" })).toThrow(
      /GIAMSAT_REPORT_RATE_LIMIT/,
    );
  },
  GIAMSAT_REPORT_RATE_MINUTES: async () => {
    // a window of 0.001 minutes (60 ms) has passed before the second report
    const statuses = await twoReports(
      { GIAMSAT_REPORT_RATE_LIMIT: "1", GIAMSAT_REPORT_RATE_MINUTES: "0.001" },
      100,
    );
    expect(statuses.slice(0, 2)).toEqual([201, 201]);
  },
  GIAMSAT_ALTCHA_MAX_NUMBER: async () => {
    const challenge = (env: Record<string, string>) =>
      withHarness(env, async (h) => {
        return (await call(h.app, { url: "/api/public/challenge" })).body.maxnumber as number;
      });
    expect(await challenge({ GIAMSAT_ALTCHA_MAX_NUMBER: "200000" })).toBe(200_000);
    expect(loadConfig({}).altchaMaxNumber).toBe(50_000);
    expect(() => loadConfig({ GIAMSAT_ALTCHA_MAX_NUMBER: "10" })).toThrow(
      /GIAMSAT_ALTCHA_MAX_NUMBER/,
    );
  },
  GIAMSAT_ALTCHA_KEY: async () => {
    // two installations (two databases) with the same key accept each other's challenges
    const key = "k".repeat(40);
    const solved = await withHarness({ GIAMSAT_ALTCHA_KEY: key }, (h) => solvedChallenge(h.app));
    const send = (env: Record<string, string>) =>
      withHarness(env, async (h) => {
        const res = await h.app.inject({
          method: "POST",
          url: "/api/public/feedback",
          payload: {
            kind: "kien_nghi",
            title: "Khoá xác minh dùng chung",
            content: "Góp ý gửi tới một máy chủ khác máy đã phát mã xác minh.",
            name: "Người gửi",
            email: "nguoigui@example.vn",
            consent: true,
            publishName: false,
            altcha: solved,
          },
        });
        return res.statusCode;
      });
    expect(await send({ GIAMSAT_ALTCHA_KEY: key })).toBe(201);
    expect(await send({})).toBe(400);
    expect(() => loadConfig({ GIAMSAT_ALTCHA_KEY: "ngắn" })).toThrow(/GIAMSAT_ALTCHA_KEY/);
  },
  GIAMSAT_SHUTDOWN_SECONDS: async () => {
    // a request whose body never comes: closing waits for it, then cuts it after the grace time
    const config = loadConfig({ GIAMSAT_DATA_DIR: dir("shutdown"), GIAMSAT_SHUTDOWN_SECONDS: "1" });
    const runtime = await openRuntime({ ...config, logLevel: "silent", port: 0 });
    const { app } = await listen(runtime.ctx);
    const { port } = app.server.address() as { port: number };
    const socket = connect(port, "127.0.0.1");
    await new Promise((resolve) => socket.on("connect", resolve));
    socket.write(
      "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{",
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const cut = new Promise((resolve) => socket.on("close", resolve));
    await closeGracefully(app, config.shutdownGraceMs);
    await cut;
    await runtime.close();
  },
  GIAMSAT_EVIDENCE_STORE: async () => {
    expect(() => loadConfig({ GIAMSAT_EVIDENCE_STORE: "database" })).toThrow(
      /GIAMSAT_EVIDENCE_STORE: kho minh chứng trong cơ sở dữ liệu .*PostgreSQL/,
    );
    expect(() => loadConfig({ GIAMSAT_EVIDENCE_STORE: "s3" })).toThrow(/GIAMSAT_EVIDENCE_STORE/);
    expect(await whereEvidenceGoes("sqlite", {})).toEqual({ files: 1, blobs: 0 });
    if (!process.env.GIAMSAT_TEST_PG_URL) return; // PostgreSQL is checked when a cluster is set
    const database = { GIAMSAT_EVIDENCE_STORE: "database" };
    expect(await whereEvidenceGoes("postgres", database)).toEqual({ files: 0, blobs: 1 });
  },
  GIAMSAT_LOG: async () => {
    await withHarness({ GIAMSAT_LOG: "debug" }, async (h) => {
      expect(h.app.log.level).toBe("debug");
    });
  },
};

describe("configuration: one schema over the environment", () => {
  it("has a check for every documented variable, and documents every checked one", () => {
    const documented = new Set([
      ...documentedVariables("README.md"),
      ...documentedVariables("packages/server/README.md"),
    ]);
    expect([...documented].sort()).toEqual(Object.keys(effects).sort());
  });

  for (const [name, check] of Object.entries(effects)) {
    it(`${name} takes effect`, check, 30_000);
  }

  it("fails fast on a bad value, naming every bad variable", () => {
    expect(() => loadConfig({ PORT: "http", GIAMSAT_DUE_SOON_DAYS: "-1" })).toThrow(
      /PORT[\s\S]*GIAMSAT_DUE_SOON_DAYS/,
    );
  });
});
