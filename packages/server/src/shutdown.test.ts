/**
 * Graceful shutdown of a real `giamsat serve` process: SIGTERM arrives while a report is still
 * being uploaded; the server stops taking connections, lets that request finish (201, stored),
 * then exits 0. Its log is one JSON object per line carrying the request id the client sent.
 */
import { request } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";
import { openRuntime } from "./runtime.js";
import { importSeed, makeUser, unitTask } from "./test-support/server-harness.js";
import { buildCli, startServe, type ServeProcess } from "./test-support/serve-process.js";

const until = async (ready: () => boolean) => {
  while (!ready()) await new Promise((r) => setTimeout(r, 20));
};

describe("graceful shutdown (sqlite)", () => {
  beforeAll(buildCli, 600_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "giamsat-shutdown-"));
  let serve: ServeProcess | undefined;
  afterAll(() => {
    serve?.process.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("finishes the request in flight on SIGTERM, refuses new ones, exits 0", async () => {
    const env = { GIAMSAT_DATA_DIR: dataDir, GIAMSAT_LOG: "info" };
    const setup = await openRuntime(loadConfig({ ...env, GIAMSAT_LOG: "silent" }));
    const { taskId, unitId } = await unitTask(setup.ctx, await importSeed(setup.ctx, "qd596"));
    const staff = await makeUser(setup.ctx, "unit_staff", unitId);
    await setup.close();
    serve = await startServe(env);
    const server = serve;

    const body = Buffer.from(
      JSON.stringify({ period: "2026-05", state: "in_progress", summary: "Gửi trong lúc tắt máy" }),
    );
    const url = new URL(`${server.address}/api/tasks/${taskId}/reports`);
    let answer = "";
    const req = request(url, {
      method: "POST",
      headers: {
        ...staff.headers,
        "content-type": "application/json",
        "content-length": body.length,
        "x-request-id": "tat-may-1",
      },
    });
    const response = new Promise<number>((resolve, reject) => {
      req.on("response", (res) => {
        res.on("data", (chunk: Buffer) => (answer += chunk.toString()));
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", reject);
    });
    req.write(body.subarray(0, 20));
    await new Promise((r) => setTimeout(r, 200));

    server.process.kill("SIGTERM");
    await until(() => server.stderr().includes("dừng nhận yêu cầu mới"));
    await expect(fetch(`${server.address}/api/health`)).rejects.toThrow();
    req.end(body.subarray(20));

    expect(await response).toBe(201);
    expect(JSON.parse(answer)).toMatchObject({ summary: "Gửi trong lúc tắt máy" });
    expect(await server.exited).toBe(0);
    expect(server.stderr()).toContain("Đã dừng.");

    const lines = server
      .stdout()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as { reqId?: string; msg?: string; res?: { statusCode: number } });
    expect(lines.length).toBeGreaterThan(0);
    expect(lines).toContainEqual(
      expect.objectContaining({
        reqId: "tat-may-1",
        msg: "request completed",
        res: { statusCode: 201 },
      }),
    );

    const after = await openRuntime(loadConfig({ ...env, GIAMSAT_LOG: "silent" }));
    try {
      const stored = await after.ctx.db
        .selectFrom("progress_reports")
        .select("summary")
        .where("task_id", "=", taskId)
        .execute();
      expect(stored.map((r) => r.summary)).toEqual(["Gửi trong lúc tắt máy"]);
    } finally {
      await after.close();
    }
  });
});
