/**
 * Several `giamsat serve` processes on one PostgreSQL behind a round-robin proxy share what
 * matters through the database: sessions, the login throttle, the public form's challenges and
 * per-IP limit, the daily jobs, the public pages' data version; writes spread over both survive
 * one of them killed mid-load.
 * Runs the built CLI; PostgreSQL only (one SQLite data folder takes one server: serve-lock).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../db/src/test-support/index.js";
import { loadConfig } from "./config.js";
import { PUBLIC_RECHECK_MS } from "./public-plans/public-plans.routes.js";
import { LOGIN_LIMITS } from "./services/login-limiter.js";
import { openRuntime } from "./runtime.js";
import { solvedChallengeAt } from "./test-support/altcha.js";
import { startRoundRobinProxy, type Proxy } from "./test-support/round-robin-proxy.js";
import { importSeed, makeUser, reportSlots, unitTask } from "./test-support/server-harness.js";
import { buildCli, startServe, type ServeProcess } from "./test-support/serve-process.js";

const pgUrl = process.env.GIAMSAT_TEST_PG_URL;

describe.skipIf(!pgUrl)("several servers on one PostgreSQL", () => {
  beforeAll(buildCli, 600_000);
  let db: TestDatabase;
  let dataDir: string;
  let servers: ServeProcess[];
  let proxy: Proxy;
  let staff: Awaited<ReturnType<typeof makeUser>>;
  let monitor: Awaited<ReturnType<typeof makeUser>>;
  let planId: number;
  let slots: { taskId: number; period: string }[];
  let taskIds: number[];

  beforeAll(async () => {
    db = await createTestDatabase("postgres");
    dataDir = mkdtempSync(path.join(tmpdir(), "giamsat-servers-"));
    const env = {
      DATABASE_URL: db.url!,
      GIAMSAT_DATA_DIR: dataDir,
      GIAMSAT_LOG: "info",
      GIAMSAT_REPORT_RATE_LIMIT: "100000",
      GIAMSAT_ALTCHA_MAX_NUMBER: "1000",
      // every second on both servers: one of them runs the day's reminders
      GIAMSAT_REMIND_CRON: "* * * * * *",
    };
    // both start at once on the new database (systemd starts every instance together)
    servers = await Promise.all([startServe(env), startServe(env)]);
    proxy = await startRoundRobinProxy(servers.map((s) => s.address));
    const setup = await openRuntime(loadConfig(env));
    const plan = await importSeed(setup.ctx, "qd596");
    const { unitId } = await unitTask(setup.ctx, plan);
    staff = await makeUser(setup.ctx, "unit_staff", unitId);
    monitor = await makeUser(setup.ctx, "monitor");
    planId = plan;
    ({ slots, taskIds } = await reportSlots(setup.ctx, plan, unitId));
    await setup.close();
  }, 120_000);

  afterAll(async () => {
    await proxy?.close();
    for (const s of servers ?? []) s.process.kill("SIGTERM");
    await Promise.all((servers ?? []).map((s) => s.exited));
    await db?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const [first, second] = [0, 1].map((i) => () => servers[i]!.address);

  it("keeps a session opened on one server valid on the other", async () => {
    const res = await fetch(`${first()}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: staff.username, password: staff.password }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const me = await fetch(`${second()}/api/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { username: string } }).user.username).toBe(
      staff.username,
    );
  });

  it("throttles an account on both servers after failures spread over them", async () => {
    const attempt = (address: string) =>
      fetch(`${address}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "doan-mo", password: "sai" }),
      }).then((r) => r.status);
    const statuses: number[] = [];
    for (let i = 0; i < LOGIN_LIMITS.freeFailures; i++)
      statuses.push(await attempt(i % 2 ? second() : first()));
    expect(statuses).toEqual(Array(LOGIN_LIMITS.freeFailures).fill(401));
    expect(await attempt(first())).toBe(429);
    expect(await attempt(second())).toBe(429);
  });

  it("accepts a challenge from one server on the other, once, and counts one per-IP limit", async () => {
    let n = 0;
    const send = (address: string, altcha: string) =>
      fetch(`${address}/api/public/feedback`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          kind: "kien_nghi",
          title: `Góp ý qua hai máy chủ số ${++n}`,
          content: `Nội dung góp ý thử nghiệm số ${n} gửi qua máy chủ thứ hai.`,
          name: "Người gửi",
          email: "nguoigui@example.vn",
          consent: true,
          publishName: false,
          altcha,
        }),
      }).then((r) => r.status);
    const solved = await solvedChallengeAt(first());
    expect(await send(second(), solved)).toBe(201);
    expect(await send(first(), solved)).toBe(400);
    // 2 of the 10 a minute counted; 8 more pass, spread over both servers, then 429 on either
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const [from, to] = i % 2 ? [first(), second()] : [second(), first()];
      statuses.push(await send(to, await solvedChallengeAt(from)));
    }
    expect(statuses).toEqual([...Array(8).fill(201), 429, 429]);
  });

  it("runs the day's reminders on one server only", async () => {
    const ran = () =>
      servers.flatMap((s, i) =>
        s
          .stdout()
          .split("\n")
          .filter((l) => l.includes("Nhắc việc") && l.includes("xếp hàng"))
          .map(() => i),
      );
    const skipped = () =>
      servers.map(
        (s) =>
          s
            .stdout()
            .split("\n")
            .filter((l) => l.includes("máy chủ khác")).length,
      );
    const until = Date.now() + 30_000;
    while ((ran().length === 0 || skipped().every((k) => k === 0)) && Date.now() < until)
      await new Promise((resolve) => setTimeout(resolve, 200));
    expect(ran()).toHaveLength(1);
    expect(skipped()[1 - ran()[0]!]).toBeGreaterThan(0);
  });

  it("shows a plan published through one server on the other's public page once PUBLIC_RECHECK_MS has passed", async () => {
    const page = () => fetch(`${second()}/api/public/plans/${planId}`);
    expect((await page()).status).toBe(404);
    const published = await fetch(`${first()}/api/plans/${planId}/published`, {
      method: "PUT",
      headers: { ...monitor.headers, "content-type": "application/json" },
      body: JSON.stringify({ published: true, reason: "Công khai theo Nghị quyết 57" }),
    });
    expect(published.status).toBe(200);
    // the second server read the data version at its 404: it reads it again once
    // PUBLIC_RECHECK_MS has passed by the wall clock (a timer may fire a millisecond early by it)
    await sleep(PUBLIC_RECHECK_MS + 10);
    const shown = await page();
    expect(shown.status).toBe(200);
    expect(((await shown.json()) as { plan: { id: number } }).plan.id).toBe(planId);
  });

  it("keeps every acknowledged write when one server is killed mid-load", async () => {
    const acknowledged: { id: number; summary: string }[] = [];
    let sent = 0;
    let killed = false;
    const worker = async () => {
      for (;;) {
        const slot = slots[sent];
        if (!slot || acknowledged.length >= 240) return;
        const summary = `Báo cáo qua bộ chia tải số ${++sent}`;
        try {
          const res = await fetch(`${proxy.address}/api/tasks/${slot.taskId}/reports`, {
            method: "POST",
            headers: { ...staff.headers, "content-type": "application/json" },
            body: JSON.stringify({ period: slot.period, state: "in_progress", summary }),
          });
          if (res.status === 201)
            acknowledged.push({ id: ((await res.json()) as { id: number }).id, summary });
        } catch {
          // cut with the server: never acknowledged
        }
        if (!killed && acknowledged.length >= 80) {
          killed = true;
          servers[0]!.process.kill("SIGKILL");
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    await servers[0]!.exited;
    expect(killed).toBe(true);
    expect(acknowledged.length).toBeGreaterThanOrEqual(240);
    const rows = await db.db
      .selectFrom("progress_reports")
      .select(["id", "summary"])
      .where("task_id", "in", taskIds)
      .execute();
    const stored = new Map(rows.map((r) => [r.id, r.summary]));
    expect(acknowledged.filter((a) => stored.get(a.id) !== a.summary)).toEqual([]);
    // the surviving server answers every task's page with the reports it holds
    for (const taskId of taskIds) {
      const res = await fetch(`${second()}/api/tasks/${taskId}`, { headers: staff.headers });
      expect(res.status).toBe(200);
    }
  });
});
