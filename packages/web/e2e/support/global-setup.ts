import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { addUser, giamsat, serverEnv } from "./cli.js";
import { cliBin, repoRoot, webDist } from "./paths.js";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    dataDir: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === "object"
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

async function waitForHealth(
  baseUrl: string,
  server: ChildProcess,
  log: () => string,
): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null)
      throw new Error(`Máy chủ dừng với mã ${server.exitCode}:\n${log()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Máy chủ không trả lời /api/health sau 30 giây:\n${log()}`);
}

/**
 * Starts the real, built server (`giamsat serve`) on a fresh data folder and a free loopback port,
 * with an admin, a monitor and a leader created by the CLI. Builds nothing: run `npm run build` first.
 */
export default async function setup(project: TestProject) {
  for (const [file, hint] of [
    [path.join(webDist, "index.html"), "npm run build -w @giamsat/web"],
    [cliBin.replace(/bin[\\/]giamsat\.js$/, "dist/main.js"), "npm run build"],
  ] as const) {
    if (!existsSync(file))
      throw new Error(`Thiếu ${file}: hãy chạy \`${hint}\` trước khi chạy kiểm thử trình duyệt.`);
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "giamsat-e2e-"));
  await giamsat(dataDir, ["migrate"]);
  await addUser(dataDir, "quantri", "admin");
  await addUser(dataDir, "theodoi", "monitor");
  await addUser(dataDir, "lanhdao", "leader");

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = "";
  const server = spawn(process.execPath, [cliBin, "serve"], {
    cwd: repoRoot,
    env: serverEnv(dataDir, { PORT: String(port), HOST: "127.0.0.1" }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await waitForHealth(baseUrl, server, () => output);

  project.provide("baseUrl", baseUrl);
  project.provide("dataDir", dataDir);

  return async () => {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r).once("error", r));
    rmSync(dataDir, { recursive: true, force: true });
  };
}
