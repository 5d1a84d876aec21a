// The periodic report: time to render one plan's report (plan 596 as of 01/06/2026)
// as .docx and .pdf (goals ≤ 1 s and ≤ 2 s), the PDF renderer against Typst (when
// TYPST_COMPILER_DIR points to an install of @myriaddreamin/typst-ts-node-compiler — it is not a
// dependency of the project), and the national .xlsx of every task of a generated dataset
// (`node bench/generate.mjs --tasks 1000000 --sqlite FILE`, or --pg URL) read from the database
// page by page, kept in the database in pieces and written out again, with bounded memory
// (goals ≤ 60 s, ≤ 500 MB). Run `npm run build` first.
//   node bench/periodic-report.mjs [--sqlite FILE | --pg URL]
// Results: bench/results/periodic-report.json (periodic-report-postgres.json with --pg).
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { writeFileSync } from "node:fs";
import { pipeline } from "node:stream/promises";
import { createRequire } from "node:module";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  CLI_REPORT_ACTOR,
  FONT_DIR,
  importPlanBytes,
  keptFileStream,
  loadConfig,
  openRuntime,
  periodicReportFile,
  periodicReportFor,
  renderDocx,
  renderPdf,
} from "@giamsat/server";
import { RESULTS_DIR } from "./generate.mjs";

const SEED = fileURLToPath(
  new URL("../../shared/seeds/qd596-bct-2026-nq57-plan.txt", import.meta.url),
);
const RUNS = 5;
const option = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const DATASET = option("--sqlite")
  ? { sqliteFile: option("--sqlite") }
  : option("--pg")
    ? { url: option("--pg") }
    : null;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function timed(fn) {
  const ms = [];
  let out;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    out = await fn();
    ms.push(performance.now() - t);
  }
  return { medianMs: Math.round(median(ms)), runsMs: ms.map(Math.round), bytes: out.length };
}

/** Peak RSS while `fn` runs, sampled every 50 ms. */
async function withPeakRss(fn) {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    const t = performance.now();
    const cpu = process.cpuUsage();
    const result = await fn();
    const used = process.cpuUsage(cpu);
    return {
      result,
      seconds: (performance.now() - t) / 1000,
      // the process's own CPU time: what the export costs when the machine is not shared
      cpuSeconds: (used.user + used.system) / 1e6,
      peakRssMb: Math.round(peak / 2 ** 20),
    };
  } finally {
    clearInterval(timer);
  }
}

const TYPST_TEMPLATE = `
#let doc = json(bytes(sys.inputs.doc))
#set page(paper: "a4", margin: (top: 20mm, bottom: 20mm, left: 30mm, right: 15mm),
  header: context { if counter(page).get().first() > 1 { align(center, counter(page).display()) } })
#set text(font: "Liberation Serif", size: 14pt, lang: "vi")
#set par(justify: true, first-line-indent: 1cm, spacing: 6pt)
#grid(columns: (65mm, 1fr),
  align(center)[#text(13pt, doc.header.agency) #line(length: 20mm, stroke: 0.5pt) #text(13pt, doc.header.number)],
  align(center)[#text(13pt, weight: "bold", doc.header.motto.at(0)) \\ #text(14pt, weight: "bold", doc.header.motto.at(1)) #line(length: 55mm, stroke: 0.5pt) #emph(doc.header.placeDate)])
#align(center, strong(doc.title + "\\n" + doc.subtitle))
#for s in doc.sections { par(strong(s.heading)); for p in s.paragraphs { par(p) } }
#set page(flipped: true)
#set text(11pt)
#for a in doc.annexes {
  pagebreak(weak: true)
  align(center, strong(a.label + "\\n" + a.title))
  table(columns: a.columns.map(c => c.widthMm * 1mm),
    table.header(..a.columns.map(c => strong(c.title))),
    ..a.rows.flatten().map(v => if v == none { [] } else { [#v] }))
}
`;

function typstRenderer() {
  const dir = process.env.TYPST_COMPILER_DIR;
  if (!dir) return null;
  const require = createRequire(join(dir, "package.json"));
  const { NodeCompiler } = require("@myriaddreamin/typst-ts-node-compiler");
  const compiler = NodeCompiler.create({ fontArgs: [{ fontPaths: [FONT_DIR] }] });
  return async (doc) =>
    compiler.pdf({ mainFileContent: TYPST_TEMPLATE, inputs: { doc: JSON.stringify(doc) } });
}

/**
 * Every task of the dataset as of 01/06/2026, as `giamsat report --plan all --format xlsx`
 * makes it: generated and kept, then written to `out` from the kept pieces.
 */
async function nationalXlsx(out) {
  const dataDir = mkdtempSync(join(tmpdir(), "giamsat-bench-national-"));
  const config = loadConfig({ GIAMSAT_DATA_DIR: dataDir, GIAMSAT_LOG: "silent" });
  const rt = await openRuntime({ ...config, database: DATASET });
  try {
    const q = { asOf: "2026-06-01", period: "month", format: "xlsx" };
    const made = await withPeakRss(() => periodicReportFile(rt.ctx, CLI_REPORT_ACTOR, q));
    const written = await withPeakRss(() =>
      pipeline(keptFileStream(rt.ctx.db, made.result.id), createWriteStream(out)),
    );
    const tasks = await rt.ctx.db
      .selectFrom("tasks")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    return {
      tasks: Number(tasks.n),
      dialect: rt.ctx.dialect,
      generateAndKeepSeconds: Math.round(made.seconds * 10) / 10,
      cpuSeconds: Math.round(made.cpuSeconds * 10) / 10,
      writeOutSeconds: Math.round(written.seconds * 10) / 10,
      peakRssMb: Math.max(made.peakRssMb, written.peakRssMb),
      fileMb: Math.round(statSync(out).size / 2 ** 20),
    };
  } finally {
    await rt.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const tmp = mkdtempSync(join(tmpdir(), "giamsat-bench-report-"));
const runtime = await openRuntime(loadConfig({ GIAMSAT_DATA_DIR: tmp, GIAMSAT_LOG: "silent" }));
try {
  const { ctx } = runtime;
  const { planId } = await importPlanBytes(ctx, null, readFileSync(SEED), "qd596.txt");
  const q = { plan: planId, asOf: "2026-06-01", period: "month" };
  const doc = await periodicReportFor(ctx, CLI_REPORT_ACTOR, q);
  const typst = typstRenderer();
  const onePlan = {
    docxEndToEnd: await timed(async () => {
      const file = await periodicReportFile(ctx, CLI_REPORT_ACTOR, { ...q, format: "docx" });
      return { length: file.size };
    }),
    pdfEndToEnd: await timed(async () => {
      const file = await periodicReportFile(ctx, CLI_REPORT_ACTOR, { ...q, format: "pdf" });
      return { length: file.size };
    }),
    docxRender: await timed(() => renderDocx(doc)),
    pdfRenderPdfmake: await timed(() => renderPdf(doc)),
    ...(typst ? { pdfRenderTypst: await timed(() => typst(doc)) } : {}),
  };
  const national = DATASET ? await nationalXlsx(join(tmp, "national.xlsx")) : null;
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    loadavg: loadavg().map((l) => Math.round(l * 100) / 100),
    onePlan,
    goals: { docxMs: 1000, pdfMs: 2000, xlsxSeconds: 60, xlsxRssMb: 500 },
    nationalXlsx: national ?? "not measured: no --sqlite or --pg dataset",
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  // a PostgreSQL dataset's figures beside the SQLite ones, not over them
  const name = national?.dialect === "postgres" ? "periodic-report-postgres" : "periodic-report";
  writeFileSync(join(RESULTS_DIR, `${name}.json`), JSON.stringify(result, null, 2) + "\n");
  console.log(JSON.stringify(result, null, 2));
} finally {
  await runtime.close();
  rmSync(tmp, { recursive: true, force: true });
}
