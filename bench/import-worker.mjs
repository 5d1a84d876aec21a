// Oversized and hostile uploads against the running app. Not a test.
// Run after `npm run build`:  node bench/import-worker.mjs   (or: npm run bench -- import-worker)
// Starts the app in this process on a fresh SQLite folder with a monitor's API token; for each
// workbook below, uploads it to POST /api/imports/preview (parsed in a worker thread) while
// /api/health is asked again and again (every 10 ms, one at a time), and records the import's
// status, message and time and the health answers' count, p50, p95 and max meanwhile.
// Goals: every workbook refused or read within 10 s; /api/health p95 < 100 ms throughout.
// Writes bench/results/import-worker.json with the machine's load average.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { createApp, createUser, issueTokenFor, loadConfig, openRuntime } from "@giamsat/server";

const root = fileURLToPath(new URL("..", import.meta.url));
const { writeXlsx } = await import(
  pathToFileURL(join(root, "packages/core/dist/office/xlsx.writer.js")).href
);

const t = (text) => ({ text });
const header = [t("STT"), t("Nội dung nhiệm vụ"), t("Cơ quan chủ trì"), t("Thời hạn")];
const task = (i) => [t(`${i}`), t(`Nhiệm vụ số ${i}`), t("Bộ Tài chính"), t("12/2026")];

const workbooks = {
  "100,000 task rows": () =>
    writeXlsx([
      {
        name: "Phụ lục I",
        rows: [header, ...Array.from({ length: 100_000 }, (_, i) => task(i + 1))],
      },
    ]),
  "one cell in column IU of row 100,000 (2,000 task rows)": () => {
    const rows = Array.from({ length: 100_000 }, () => []);
    rows[0] = header;
    for (let i = 1; i <= 2000; i++) rows[i] = task(i);
    rows[99_999] = [...Array(254).fill(null), t("x")];
    return writeXlsx([{ name: "Phụ lục I", rows }]);
  },
  "20,000 merged ranges": () =>
    writeXlsx([
      {
        name: "Phụ lục I",
        rows: [header, task(1)],
        merges: Array.from({ length: 20_000 }, (_, i) => `E${i + 1}:F${i + 2}`),
      },
    ]),
  "100,000 nested elements": () => {
    const parts = unzipSync(writeXlsx([{ name: "Phụ lục I", rows: [header] }]));
    const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]);
    const deep = "<x>".repeat(100_000) + "</x>".repeat(100_000);
    parts["xl/worksheets/sheet1.xml"] = strToU8(sheet.replace("<sheetData>", `<sheetData>${deep}`));
    return zipSync(parts);
  },
};

const dataDir = mkdtempSync(join(tmpdir(), "giamsat-import-worker-"));
const config = loadConfig({ GIAMSAT_DATA_DIR: dataDir, GIAMSAT_LOG: "silent" });
const rt = await openRuntime(config);
await createUser(rt.ctx, null, {
  username: "bench-monitor",
  role: "monitor",
  orgId: null,
  password: "mat-khau-thu-nghiem",
});
const token = await issueTokenFor(rt.ctx, null, "bench-monitor");
const app = await createApp(rt.ctx);
await app.listen({ port: 0, host: "127.0.0.1" });
const base = `http://127.0.0.1:${app.server.address().port}`;

const percentile = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : null;
const round = (ms) => (ms === null ? null : Math.round(ms * 10) / 10);

async function measure(name, bytes) {
  let done = false;
  const health = [];
  const sampler = (async () => {
    while (!done) {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/health`);
      await res.arrayBuffer();
      health.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  const form = new FormData();
  form.append("file", new Blob([bytes]), "ke-hoach.xlsx");
  const t0 = performance.now();
  const res = await fetch(`${base}/api/imports/preview`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const body = await res.json();
  const importMs = performance.now() - t0;
  done = true;
  await sampler;
  const sorted = [...health].sort((a, b) => a - b);
  return {
    workbook: name,
    bytes: bytes.length,
    status: res.status,
    message: body.message ?? `${body.result?.appendices?.[0]?.tasks?.length ?? 0} nhiệm vụ`,
    importMs: round(importMs),
    health: {
      answers: health.length,
      p50Ms: round(percentile(sorted, 0.5)),
      p95Ms: round(percentile(sorted, 0.95)),
      maxMs: round(sorted.at(-1) ?? null),
    },
  };
}

const loadBefore = loadavg();
const runs = [];
for (const [name, make] of Object.entries(workbooks)) {
  const run = await measure(name, make());
  runs.push(run);
  console.log(
    `${name}: ${run.status} in ${run.importMs} ms (${run.message}); /api/health ` +
      `${run.health.answers} answers, p95 ${run.health.p95Ms} ms, max ${run.health.maxMs} ms`,
  );
}
await app.close();
await rt.close();
rmSync(dataDir, { recursive: true, force: true });

const goals = {
  importWithin10s: runs.every((r) => r.importMs < 10_000 && (r.status === 200 || r.status === 413)),
  healthP95Under100ms: runs.every((r) => r.health.p95Ms !== null && r.health.p95Ms < 100),
};
const out = join(root, "bench/results");
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, "import-worker.json"),
  JSON.stringify(
    {
      node: process.version,
      cpus: cpus().length,
      loadAverage: { before: loadBefore, after: loadavg() },
      limits: config.importLimits,
      goals,
      runs,
    },
    null,
    2,
  ) + "\n",
);
console.log(`goals: ${JSON.stringify(goals)}`);
process.exit(goals.importWithin10s && goals.healthP95Under100ms ? 0 : 1);
