// Web benchmark: the gzip size of the JavaScript the first page loads (target ≤ 250 KB)
// and the time until the leader dashboard shows its numbers with 100k tasks in the database,
// measured in Chromium (performance.now() since navigation start when the status counts appear).
// Builds nothing: run `npm run build` first. Reuses bench/data/giamsat-100000.sqlite (made by
// bench/generate.mjs, generated here when missing) on a copy, so the dataset is never modified.
//
//   node bench/web.mjs [--tasks 100000] [--runs 5]
import { execFileSync, spawn } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { defaultSqliteFile, generateDataset, RESULTS_DIR } from "./generate.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "packages/web/dist");
const cli = join(root, "packages/cli/bin/giamsat.js");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const TASKS = arg("tasks", 100_000);
const RUNS = arg("runs", 5);
const PASSWORD = "MatKhau-Bench-2026!";

/** Every script, module preload and style sheet index.html loads, with raw and gzip sizes. */
function firstPageAssets() {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const refs = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  return [...new Set(refs)].map((file) => {
    const bytes = readFileSync(join(dist, file));
    return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  });
}

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function waitForHealth(url, server) {
  for (let i = 0; i < 300; i++) {
    if (server.exitCode !== null) throw new Error(`giamsat serve dừng với mã ${server.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("giamsat serve không trả lời /api/health sau 60 giây");
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** Opens `path` RUNS + 1 times (the first is the cold run) and times the numbers and the overdue list. */
async function timeView(page, path) {
  const runs = [];
  for (let i = 0; i <= RUNS; i++) {
    await page.goto("about:blank");
    await page.goto(path, { waitUntil: "commit" });
    await page.waitForFunction(
      () => document.querySelector('[data-testid="status-counts"]'),
      null,
      { polling: "raf", timeout: 120_000 },
    );
    const countsMs = await page.evaluate(() => performance.now());
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="overdue-table"], #overdue-title + .empty, .empty'),
      null,
      { polling: "raf", timeout: 120_000 },
    );
    const overdueMs = await page.evaluate(() => performance.now());
    // How long the browser waited for each API answer (resource timing), to show where time goes.
    const api = await page.evaluate(() =>
      Object.fromEntries(
        performance
          .getEntriesByType("resource")
          .filter((e) => e.name.includes("/api/"))
          .map((e) => [new URL(e.name).pathname, Math.round(e.duration)]),
      ),
    );
    runs.push({ countsMs: Math.round(countsMs), overdueMs: Math.round(overdueMs), api });
  }
  const warm = runs.slice(1);
  return {
    path,
    coldCountsMs: runs[0].countsMs,
    countsP50Ms: percentile(
      warm.map((r) => r.countsMs),
      50,
    ),
    countsMaxMs: Math.max(...warm.map((r) => r.countsMs)),
    overdueListP50Ms: percentile(
      warm.map((r) => r.overdueMs),
      50,
    ),
    runs,
  };
}

async function main() {
  if (
    !existsSync(join(dist, "index.html")) ||
    !existsSync(join(root, "packages/cli/dist/main.js"))
  ) {
    throw new Error("Chưa build: chạy `npm run build` trước.");
  }
  const assets = firstPageAssets();
  const js = assets.filter((a) => a.file.endsWith(".js"));
  const jsGzipBytes = js.reduce((sum, a) => sum + a.gzipBytes, 0);
  console.log(
    `JavaScript của trang đầu: ${(jsGzipBytes / 1024).toFixed(1)} KB gzip (${js.length} tệp)`,
  );

  const dataset = defaultSqliteFile(TASKS);
  if (!existsSync(dataset)) {
    console.log(`Tạo dữ liệu ${TASKS} nhiệm vụ (bench/generate.mjs)…`);
    await generateDataset({ tasks: TASKS });
  }
  const dataDir = mkdtempSync(join(tmpdir(), "giamsat-bench-web-"));
  const env = { ...process.env, GIAMSAT_DATA_DIR: dataDir, GIAMSAT_LOG: "error" };
  delete env.DATABASE_URL;
  let server;
  let browser;
  try {
    copyFileSync(dataset, join(dataDir, "giamsat.sqlite"));
    execFileSync(process.execPath, [cli, "migrate"], { env, stdio: "ignore" });
    execFileSync(
      process.execPath,
      [
        cli,
        "user",
        "add",
        "--username",
        "bench-lanhdao",
        "--role",
        "leader",
        "--password",
        PASSWORD,
      ],
      { env, stdio: "ignore" },
    );
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [cli, "serve"], {
      env: { ...env, PORT: String(port), HOST: "127.0.0.1" },
      stdio: "ignore",
    });
    await waitForHealth(url, server);

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    const page = await (
      await browser.newContext({ baseURL: url, viewport: { width: 1366, height: 900 } })
    ).newPage();
    await page.goto("/");
    await page.getByLabel("Tên đăng nhập").fill("bench-lanhdao");
    await page.getByLabel("Mật khẩu").fill(PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByTestId("current-user").waitFor({ state: "attached" });
    const plans = await page.evaluate(async () => (await (await fetch("/api/plans")).json()).items);
    const biggest = [...plans].sort((a, b) => b.taskCount - a.taskCount)[0];

    const views = {
      allPlans: await timeView(page, "/?asOf=2026-06-01"),
      onePlan: await timeView(page, `/?plan=${biggest.id}&asOf=2026-06-01`),
    };
    for (const [name, v] of Object.entries(views)) {
      console.log(
        `${name}: số liệu sau ${v.countsP50Ms} ms (p50, lần đầu ${v.coldCountsMs} ms), danh sách quá hạn ${v.overdueListP50Ms} ms`,
      );
    }
    const result = {
      at: new Date().toISOString(),
      firstPage: {
        jsGzipBytes,
        jsGzipKB: Math.round(jsGzipBytes / 102.4) / 10,
        targetKB: 250,
        assets,
      },
      dashboard: {
        tasks: TASKS,
        plans: plans.length,
        database: "sqlite",
        runsPerView: RUNS,
        ...views,
      },
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model,
        loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
        node: process.version,
        chromium: browser.version(),
      },
    };
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(join(RESULTS_DIR, "web.json"), `${JSON.stringify(result, null, 2)}\n`);
    console.log("Kết quả: bench/results/web.json");
  } finally {
    await browser?.close();
    server?.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
