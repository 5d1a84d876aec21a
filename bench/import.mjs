// Import benchmark (not a test). Run after `npm run build`:
//   node --expose-gc bench/import.mjs        (or: npm run bench -- import)
// Measures, on the seed plans (../shared/seeds, else the examples and test fixtures):
//   - parse throughput in MB/s per document and overall (warm, repeated until stable),
//     also for the same plans written as .docx and .xlsx, as a saved web page (.html) and as
//     text copied from one (cells between `|` lines, or between empty lines);
//   - PDF with a text layer (the plans printed by Chromium, and a large one generated from
//     them): MB/s of PDF, seconds per page, where the time goes (pdf.js, layout, table model)
//     and poppler's pdftotext on the same file for scale;
//   - legacy Word (.doc) written from each plan, through antiword: MB/s of the plan's text;
//   - OCR of one plan's printed pages (pdftoppm + tesseract -l vie on all cores): s per page;
//   - the time to import all three documents in one fresh `node` process (cold: module load,
//     directory build and first, unoptimised runs included);
//   - peak memory of one import against the input size (fresh process per document, with a
//     1 MB young generation so that garbage is collected as it goes and the heap measures what
//     the import keeps alive rather than how much it allocates).
// Writes bench/results/import.json and prints a short table. Targets: ≥ 5 MB/s, memory < 10×.
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { cpus, tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const coreDist = join(root, "packages/core/dist");
const seedsDir = join(root, "..", "shared", "seeds");

function documents() {
  if (existsSync(seedsDir))
    return readdirSync(seedsDir)
      .filter((f) => /\.(txt|md)$/.test(f))
      .sort()
      .map((f) => join(seedsDir, f));
  const examples = join(root, "examples");
  const fixtures = join(root, "packages/core/src/import/fixtures");
  return [
    ...readdirSync(examples)
      .filter((f) => /\.(txt|md)$/.test(f) && f !== "README.md")
      .map((f) => join(examples, f)),
    ...["markdown-plan.md", "province-plan.txt"].map((f) => join(fixtures, f)),
  ];
}

// ---------------------------------------------------------------- child modes
const mode = process.argv[2];
if (mode === "--cold") {
  const start = performance.now();
  const core = await import(pathToFileURL(join(coreDist, "index.js")).href);
  const loaded = performance.now();
  let tasks = 0;
  for (const file of process.argv.slice(3)) {
    const r = core.importDocument(new Uint8Array(readFileSync(file)));
    tasks += r.appendices.reduce((n, a) => n + a.tasks.length + a.indicators.length, 0);
  }
  const done = performance.now();
  process.stdout.write(JSON.stringify({ loadMs: loaded - start, importMs: done - loaded, tasks }));
  process.exit(0);
}
if (mode === "--memory") {
  const core = await import(pathToFileURL(join(coreDist, "index.js")).href);
  const directory = core.createDirectory();
  const bytes = new Uint8Array(readFileSync(process.argv[3]));
  // A first import of the same document compiles the code paths it takes and builds the
  // directory's lazy indexes: that is the process's, not this import's, memory.
  core.importDocument(bytes, { directory });
  const collect = () => {
    for (let i = 0; i < 3; i++) globalThis.gc?.(); // one pass leaves floating garbage behind
  };
  collect();
  const before = process.memoryUsage();
  const rssBefore = process.resourceUsage().maxRSS * 1024;
  // A synchronous import cannot be sampled from inside; the heap right after it (before any
  // collection) bounds what it allocated and kept alive, maxRSS is the process's true peak.
  const result = core.importDocument(bytes, { directory });
  const heapAfter = process.memoryUsage().heapUsed;
  const rssPeak = process.resourceUsage().maxRSS * 1024;
  collect();
  const retained = process.memoryUsage().heapUsed - before.heapUsed;
  process.stdout.write(
    JSON.stringify({
      heapGrowth: heapAfter - before.heapUsed,
      rssGrowth: Math.max(0, rssPeak - rssBefore),
      retained,
      appendices: result.appendices.length,
    }),
  );
  process.exit(0);
}

// ---------------------------------------------------------------- main
if (!existsSync(join(coreDist, "index.js"))) {
  console.error("Chưa build: chạy `npm run build` (hoặc `npx tsc -b packages/core`) trước.");
  process.exit(2);
}
const core = await import(pathToFileURL(join(coreDist, "index.js")).href);
const { writeDocx } = await import(
  pathToFileURL(join(coreDist, "import/fixtures/docx.writer.js")).href
);
const { writeXlsx } = await import(pathToFileURL(join(coreDist, "office/xlsx.writer.js")).href);
const { blocksToDocx, blocksToXlsx } = await import(
  pathToFileURL(join(coreDist, "import/fixtures/office.from-blocks.js")).href
);
const { blocksToHtml, blocksToFlatText } = await import(
  pathToFileURL(join(coreDist, "import/fixtures/web.from-blocks.js")).href
);
const { printPlan, CHROMIUM } = await import(
  pathToFileURL(join(coreDist, "import/fixtures/pdf.print.js")).href
);
const directory = core.createDirectory();
const files = documents();

/** Repeats `fn` until at least `minMs` of CPU time and 5 runs; returns CPU ms per run. */
function measure(fn, minMs = 1500) {
  for (let i = 0; i < 3; i++) fn();
  globalThis.gc?.();
  let runs = 0;
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  let cpuMs = 0;
  while (runs < 5 || cpuMs < minMs) {
    fn();
    runs++;
    const d = process.cpuUsage(cpu0);
    cpuMs = (d.user + d.system) / 1000;
  }
  return { runs, cpuMsPerRun: cpuMs / runs, wallMsPerRun: (performance.now() - wall0) / runs };
}

const mb = (bytes) => bytes / 1e6;
const rows = [];
for (const file of files) {
  const bytes = new Uint8Array(readFileSync(file));
  const text = new TextDecoder().decode(bytes);
  const blocks = core.readTextBlocks(text);
  const forms = [
    ["text", bytes],
    ["docx", writeDocx(blocksToDocx(blocks))],
    ["xlsx", writeXlsx(blocksToXlsx(blocks))],
    ["html", new TextEncoder().encode(blocksToHtml(blocks))],
    ["web|", new TextEncoder().encode(blocksToFlatText(blocks, "pipe"))],
    ["web", new TextEncoder().encode(blocksToFlatText(blocks, "blank"))],
  ];
  for (const [form, input] of forms) {
    const m = measure(() => core.importDocument(input, { directory }));
    rows.push({
      document: basename(file),
      form,
      bytes: input.length,
      textBytes: bytes.length,
      runs: m.runs,
      msPerRun: +m.cpuMsPerRun.toFixed(2),
      wallMsPerRun: +m.wallMsPerRun.toFixed(2),
      // Throughput is counted on the plan's text size, so the three forms compare.
      mbPerSecond: +(mb(bytes.length) / (m.cpuMsPerRun / 1000)).toFixed(2),
    });
  }
}

/**
 * PDF: each plan printed once, and one large plan (596's tables repeated, ~240 pages), imported
 * (asynchronously) three times after a warm-up; where the time goes — pdf.js (text content and
 * operator list of every page), our layout (read − pdf.js) and the table model (import − read);
 * and poppler's `pdftotext -layout` on the same file for scale (text only, no tables).
 */
const pdfRows = [];
if (existsSync(CHROMIUM)) {
  const prints = files.map((file) => [
    basename(file).replace(/\.\w+$/, ".pdf"),
    printPlan(core.readTextBlocks(readFileSync(file, "utf8"))),
  ]);
  const large = files.find((f) => f.includes("596")) ?? files[0];
  const blocks = core.readTextBlocks(readFileSync(large, "utf8"));
  const repeated = blocks.map((b) =>
    b.type === "table"
      ? { ...b, rows: [b.rows[0], ...Array.from({ length: 8 }, () => b.rows.slice(1)).flat()] }
      : b,
  );
  prints.push([`${basename(large, ".txt")} ×8 (generated).pdf`, printPlan(repeated)]);
  for (const [name, pdf] of prints) {
    await core.importDocumentFile(pdf, { directory }); // warm-up
    const pages = await pdfPages(pdf);
    /** CPU and wall ms per run, repeated until 3 runs and 1.5 s of CPU time. */
    const cpu = async (fn) => {
      const cpu0 = process.cpuUsage();
      const wall0 = performance.now();
      let runs = 0;
      let ms = 0;
      while (runs < 3 || ms < 1500) {
        await fn();
        runs++;
        const d = process.cpuUsage(cpu0);
        ms = (d.user + d.system) / 1000;
      }
      return { cpuMs: ms / runs, wallMs: (performance.now() - wall0) / runs };
    };
    const { cpuMs, wallMs } = await cpu(() => core.importDocumentFile(pdf, { directory }));
    const readMs = (await cpu(() => core.readDocumentFile(pdf))).cpuMs;
    const pdfjsMs = (await cpu(() => pdfjsOnly(pdf))).cpuMs;
    const poppler = pdftotextMs(pdf);
    pdfRows.push({
      document: name,
      pdfBytes: pdf.length,
      pages,
      msPerRun: +cpuMs.toFixed(0),
      wallMsPerRun: +wallMs.toFixed(0),
      pdfMbPerSecond: +(mb(pdf.length) / (cpuMs / 1000)).toFixed(2),
      secondsPerPage: +(cpuMs / 1000 / pages).toFixed(3),
      timeSplitMs: {
        pdfjs: +pdfjsMs.toFixed(0),
        layout: +(readMs - pdfjsMs).toFixed(0),
        tableModel: +(cpuMs - readMs).toFixed(0),
      },
      pdftotextWallMs: poppler === null ? null : +poppler.toFixed(0),
      pdftotextMbPerSecond:
        poppler === null ? null : +(mb(pdf.length) / (poppler / 1000)).toFixed(2),
    });
  }
}

async function pdfPages(bytes) {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
  const n = doc.numPages;
  await doc.destroy();
  return n;
}

/** What pdf.js alone costs: every page's text content and operator list (as the reader asks). */
async function pdfjsOnly(bytes) {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    await page.getTextContent();
    await page.getOperatorList();
    page.cleanup();
  }
  await doc.destroy();
}

/** Wall ms of poppler's `pdftotext -layout` on the file (null when it is not installed). */
function pdftotextMs(bytes) {
  const dir = mkdtempSync(join(tmpdir(), "giamsat-bench-"));
  try {
    writeFileSync(join(dir, "plan.pdf"), bytes);
    const t0 = performance.now();
    const run = spawnSync("pdftotext", ["-layout", join(dir, "plan.pdf"), join(dir, "plan.txt")]);
    return run.status === 0 ? performance.now() - t0 : null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** OCR (scanned PDF): the 405 plan's pages rendered and recognised, wall seconds per page. */
const serverDist = join(root, "packages/server/dist/index.js");

/**
 * Legacy Word (.doc): each plan written as a Word 97–2003 file, imported through antiword (an
 * external program: wall time, conversion included), MB/s counted on the plan's text size.
 */
const docRows = [];
if (spawnSync("antiword", ["-h"]).error === undefined && existsSync(serverDist)) {
  const { antiwordReader } = await import(pathToFileURL(serverDist).href);
  const { writeDoc } = await import(
    pathToFileURL(join(coreDist, "import/fixtures/doc.writer.js")).href
  );
  const legacyWord = antiwordReader("antiword");
  for (const file of files) {
    const text = readFileSync(file);
    const doc = writeDoc(blocksToDocx(core.readTextBlocks(text.toString("utf8"))));
    await core.importDocumentFile(doc, { directory, legacyWord }); // warm-up
    const wall0 = performance.now();
    for (let i = 0; i < 5; i++) await core.importDocumentFile(doc, { directory, legacyWord });
    const wallMs = (performance.now() - wall0) / 5;
    docRows.push({
      document: basename(file),
      docBytes: doc.length,
      wallMsPerRun: +wallMs.toFixed(0),
      mbPerSecond: +(mb(text.length) / (wallMs / 1000)).toFixed(2),
    });
  }
}

let ocr = null;
if (existsSync(CHROMIUM) && existsSync("/usr/bin/tesseract") && existsSync(serverDist)) {
  const { scanOcr } = await import(pathToFileURL(serverDist).href);
  const file = files.find((f) => f.includes("405")) ?? files[0];
  const pdf = printPlan(core.readTextBlocks(readFileSync(file, "utf8")));
  const wall0 = performance.now();
  const pages = await scanOcr({ tesseract: "tesseract", pdftoppm: "pdftoppm" })(pdf, "pdf");
  const seconds = (performance.now() - wall0) / 1000;
  const laid0 = performance.now();
  // The recognised pages through the scan path: the printed PDF itself has a text layer, which
  // importDocumentFile would read instead of calling `ocr`; an image's first bytes hand the pages
  // to `ocr` as a scan's would.
  const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const imported = await core.importDocumentFile(PNG, { directory, ocr: async () => pages });
  const layoutMs = performance.now() - laid0;
  const key = (t) => JSON.stringify([t.number, t.lead.map((o) => o.name), t.deadline.due]);
  const fromText = new Set(
    core
      .parsePlanText(readFileSync(file, "utf8"), { directory })
      .appendices.flatMap((a) => a.tasks.map(key)),
  );
  const read = imported.appendices.flatMap((a) => a.tasks);
  ocr = {
    document: basename(file),
    pages: pages.length,
    cores: cpus().length,
    ocrSecondsPerPage: +(seconds / pages.length).toFixed(2),
    layoutMs: +layoutMs.toFixed(0),
    tasksRead: read.length,
    tasksInText: fromText.size,
    tasksAsInText: read.filter((t) => fromText.has(key(t))).length,
  };
}

const textRows = rows.filter((r) => r.form === "text");
const totalText = textRows.reduce((n, r) => n + r.bytes, 0);
const overall = +(mb(totalText) / (textRows.reduce((n, r) => n + r.msPerRun, 0) / 1000)).toFixed(2);

const coldRun = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--cold", ...files], {
  encoding: "utf8",
});
const coldWall0 = performance.now();
const coldAgain = spawnSync(
  process.execPath,
  [fileURLToPath(import.meta.url), "--cold", ...files],
  { encoding: "utf8" },
);
const cold = {
  ...JSON.parse(coldAgain.stdout || coldRun.stdout || "{}"),
  processMs: +(performance.now() - coldWall0).toFixed(0),
};

const memory = files.map((file) => {
  const run = spawnSync(
    process.execPath,
    ["--expose-gc", "--max-semi-space-size=1", fileURLToPath(import.meta.url), "--memory", file],
    { encoding: "utf8" },
  );
  const m = JSON.parse(run.stdout || "{}");
  const size = readFileSync(file).length;
  return {
    document: basename(file),
    inputBytes: size,
    peakHeapGrowthBytes: m.heapGrowth,
    peakRssGrowthBytes: m.rssGrowth,
    retainedBytes: m.retained,
    peakHeapPerInput: +(m.heapGrowth / size).toFixed(1),
    peakRssPerInput: +(m.rssGrowth / size).toFixed(1),
    retainedPerInput: +(m.retained / size).toFixed(1),
  };
});

const results = {
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? null,
  loadAverage: (await import("node:os")).loadavg().map((l) => +l.toFixed(2)),
  note: "ms and MB/s are CPU time of this process per import (warm, directory built once); the machine's load average is recorded because a busy machine slows everything.",
  throughput: rows,
  pdf: pdfRows,
  doc: docRows,
  ocr,
  overallTextMbPerSecond: overall,
  coldAllDocuments: { files: files.map((f) => basename(f)), ...cold },
  memory,
  targets: {
    mbPerSecond: 5,
    webTextMbPerSecond: 5,
    pdfMbPerSecond: 1,
    ocrSecondsPerPage: 10,
    memoryPerInput: 10,
  },
};
mkdirSync(join(here, "results"), { recursive: true });
writeFileSync(join(here, "results", "import.json"), `${JSON.stringify(results, null, 2)}\n`);

const pad = (s, n) => String(s).padEnd(n);
const padL = (s, n) => String(s).padStart(n);
console.log(
  `${pad("tài liệu", 52)}${pad("dạng", 6)}${padL("KB", 8)}${padL("ms/lần", 9)}${padL("MB/s", 8)}`,
);
for (const r of rows) {
  console.log(
    `${pad(r.document, 52)}${pad(r.form, 6)}${padL((r.bytes / 1024).toFixed(0), 8)}${padL(r.msPerRun.toFixed(1), 9)}${padL(r.mbPerSecond.toFixed(2), 8)}`,
  );
}
for (const d of docRows) {
  console.log(
    `${pad(d.document, 52)}${pad("doc", 6)}${padL((d.docBytes / 1024).toFixed(0), 8)}${padL(d.wallMsPerRun, 9)}${padL(d.mbPerSecond.toFixed(2), 8)}  (qua antiword, thời gian thực)`,
  );
}
for (const p of pdfRows) {
  const t = p.timeSplitMs;
  console.log(
    `${pad(p.document, 52)}${pad("pdf", 6)}${padL((p.pdfBytes / 1024).toFixed(0), 8)}${padL(p.msPerRun, 9)}${padL(p.pdfMbPerSecond.toFixed(2), 8)}  (${p.pages} trang, ${p.secondsPerPage} s/trang; MB/s tính trên tệp PDF, mục tiêu ≥ 1; pdf.js ${t.pdfjs} ms, dàn trang ${t.layout} ms, mô hình bảng ${t.tableModel} ms; pdftotext ${p.pdftotextMbPerSecond ?? "—"} MB/s)`,
  );
}
if (ocr)
  console.log(
    `OCR ${ocr.document}: ${ocr.pages} trang, ${ocr.ocrSecondsPerPage} s/trang trên ${ocr.cores} lõi (mục tiêu ≤ 10), đọc được ${ocr.tasksRead} nhiệm vụ (bản văn bản ${ocr.tasksInText}; trùng số, đơn vị chủ trì, hạn: ${ocr.tasksAsInText})`,
  );
console.log(`\nVăn bản (text) tổng: ${overall} MB/s (mục tiêu ≥ 5; trang web chép ra cũng ≥ 5)`);
console.log(
  `Cả ${files.length} tài liệu trong một tiến trình node mới: ${cold.processMs} ms (nạp mô-đun ${cold.loadMs?.toFixed(0)} ms, nhập ${cold.importMs?.toFixed(0)} ms)`,
);
for (const m of memory) {
  console.log(
    `Bộ nhớ ${pad(m.document, 50)} heap +${(m.peakHeapGrowthBytes / 1e6).toFixed(1)} MB = ${m.peakHeapPerInput}×, RSS đỉnh +${(m.peakRssGrowthBytes / 1e6).toFixed(1)} MB = ${m.peakRssPerInput}×, kết quả giữ lại ${m.retainedPerInput}× đầu vào (mục tiêu < 10×)`,
  );
}
console.log(
  `\nTải máy (load average): ${results.loadAverage.join(", ")} trên ${results.cpus} CPU → bench/results/import.json`,
);
