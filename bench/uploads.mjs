// Large report uploads against the running app. Not a test.
// Run after `npm run build`:  node --expose-gc bench/uploads.mjs   (or: npm run bench -- uploads)
// Starts the app in this process on a fresh SQLite folder with plan 596 imported, a user of a
// task's lead unit and a user of another unit, and sends multipart report uploads of 19 MB PDFs
// (the default limit is 20 MB a file) as a chunked body (no Content-Length, so only the parts
// themselves can be counted), 64 KB at a time, stopping when the server answers. For each case
// it records the status, the bytes the client had sent when the answer came, the process's
// peak memory growth (RSS and array buffers, sampled every 5 ms; the client streams, so it
// holds no file) and what is left in `tmp/` and `evidence/`.
// The probe found +390 MB buffered before the 403 of another unit's 20 × 19 MB upload.
// Goals: that 403 comes before the body is read and memory does not grow with the upload;
// no case leaves a temporary file. Writes bench/results/uploads.json with the load average.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { request } from "node:http";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  createApp,
  createUser,
  importPlanBytes,
  issueTokenFor,
  loadConfig,
  openRuntime,
} from "@giamsat/server";

const root = fileURLToPath(new URL("..", import.meta.url));
const SEED = join(root, "../shared/seeds/qd596-bct-2026-nq57-plan.txt");
const MB = 1024 * 1024;
const FILE_BYTES = 19 * MB;
const PIECE = Buffer.alloc(64 * 1024, 32);

const dataDir = mkdtempSync(join(tmpdir(), "giamsat-uploads-"));
const rt = await openRuntime(loadConfig({ GIAMSAT_DATA_DIR: dataDir, GIAMSAT_LOG: "silent" }));
const { planId } = await importPlanBytes(rt.ctx, null, readFileSync(SEED), "qd596.txt");
const tasks = await rt.ctx.db
  .selectFrom("tasks")
  .select(["id", "lead_org_id"])
  .where("plan_id", "=", planId)
  .where("kind", "=", "time-bound")
  .where("lead_org_id", "is not", null)
  .orderBy("ordinal")
  .execute();
const task = tasks[0];
const otherUnit = tasks.find((t) => t.lead_org_id !== task.lead_org_id).lead_org_id;
async function unitUser(username, orgId) {
  await createUser(rt.ctx, null, { username, role: "unit_staff", orgId });
  return issueTokenFor(rt.ctx, null, username);
}
const own = await unitUser("bench-own", task.lead_org_id);
const stranger = await unitUser("bench-other", otherUnit);
const app = await createApp(rt.ctx);
await app.listen({ port: 0, host: "127.0.0.1" });
const url = `http://127.0.0.1:${app.server.address().port}/api/tasks/${task.id}/reports`;

/** Sends `files` PDFs of FILE_BYTES as one chunked multipart body until the server answers. */
function upload(token, files) {
  const boundary = "bench-upload-boundary";
  const part = (i) =>
    Buffer.from(
      `${i ? "\r\n" : ""}--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="bien-ban-${i}.pdf"\r\n\r\n%PDF-1.4\n`,
    );
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = request(
      url,
      {
        method: "POST",
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": `multipart/form-data; boundary=${boundary}`,
        },
      },
      (res) => {
        answered = true;
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => {
          req.destroy();
          const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
          resolve({ status: res.statusCode, message: body.message ?? null, sentBytes: sent });
        });
      },
    );
    req.on("error", (error) => !answered && reject(error));
    const write = (chunk) =>
      new Promise((done) => {
        sent += chunk.length;
        if (req.write(chunk)) setImmediate(done);
        else req.once("drain", done);
      });
    (async () => {
      const data = `--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n${JSON.stringify({ state: "in_progress", summary: "Biên bản", progress: 10 })}\r\n`;
      await write(Buffer.from(data));
      for (let i = 0; i < files && !answered; i++) {
        await write(part(i));
        for (let n = 9; n < FILE_BYTES && !answered; n += PIECE.length) await write(PIECE);
      }
      if (!answered) {
        await write(Buffer.from(`\r\n--${boundary}--\r\n`));
        req.end();
      }
    })().catch(reject);
  });
}

const filesIn = (folder) =>
  existsSync(join(dataDir, folder))
    ? readdirSync(join(dataDir, folder), { recursive: true, withFileTypes: true }).filter((e) =>
        e.isFile(),
      ).length
    : 0;

async function measure(name, token, files) {
  globalThis.gc?.();
  const base = process.memoryUsage();
  const peak = { rss: base.rss, arrayBuffers: base.arrayBuffers };
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.arrayBuffers = Math.max(peak.arrayBuffers, m.arrayBuffers);
  }, 5);
  const started = performance.now();
  const answer = await upload(token, files);
  const ms = performance.now() - started;
  clearInterval(sampler);
  await new Promise((r) => setTimeout(r, 200)); // the request's end (temporary files removed)
  const result = {
    case: name,
    status: answer.status,
    message: answer.message,
    bodyMB: Math.round(((files * FILE_BYTES) / MB) * 10) / 10,
    sentBeforeAnswerMB: Math.round((answer.sentBytes / MB) * 10) / 10,
    ms: Math.round(ms),
    peakGrowthMB: {
      rss: Math.round(((peak.rss - base.rss) / MB) * 10) / 10,
      arrayBuffers: Math.round(((peak.arrayBuffers - base.arrayBuffers) / MB) * 10) / 10,
    },
    leftInTmp: filesIn("tmp"),
    evidenceFiles: filesIn("evidence"),
  };
  console.error(JSON.stringify(result));
  return result;
}

const results = [];
try {
  results.push(await measure("another unit: 20 × 19 MB → 403", stranger, 20));
  results.push(await measure("own unit: 3 × 19 MB → 201 (streamed to disk)", own, 3));
  results.push(await measure("own unit: 20 × 19 MB, chunked → 413 at the request cap", own, 20));
} finally {
  await app.close();
  await rt.close();
  rmSync(dataDir, { recursive: true, force: true });
}
const out = join(root, "bench/results/uploads.json");
mkdirSync(join(root, "bench/results"), { recursive: true });
writeFileSync(
  out,
  JSON.stringify({ results, loadAverage: loadavg(), node: process.version }, null, 2) + "\n",
);
console.table(
  results.map((r) => ({
    case: r.case,
    status: r.status,
    "sent MB": r.sentBeforeAnswerMB,
    ms: r.ms,
    "RSS +MB": r.peakGrowthMB.rss,
    "buffers +MB": r.peakGrowthMB.arrayBuffers,
    tmp: r.leftInTmp,
  })),
);
