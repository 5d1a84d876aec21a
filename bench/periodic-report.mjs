// The periodic report: time to render one plan's report (plan 596 as of 01/06/2026)
// as .docx and .pdf (goals ≤ 1 s and ≤ 2 s), the PDF renderer against Typst (when
// TYPST_COMPILER_DIR points to an install of @myriaddreamin/typst-ts-node-compiler — it is not a
// dependency of the project), and the national .xlsx of every task streamed at 1M rows with
// bounded memory (goals ≤ 60 s, ≤ 500 MB). Run `npm run build` first.
//   node bench/periodic-report.mjs [--rows 1000000]
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  CLI_REPORT_ACTOR,
  FONT_DIR,
  importPlanBytes,
  loadConfig,
  openRuntime,
  periodicReportFile,
  periodicReportFor,
  renderDocx,
  renderPdf,
  writeXlsx,
} from "@giamsat/server";
import { RESULTS_DIR } from "./generate.mjs";

const SEED = fileURLToPath(
  new URL("../../shared/seeds/qd596-bct-2026-nq57-plan.txt", import.meta.url),
);
const RUNS = 5;
const rowsArg = process.argv.indexOf("--rows");
const ROWS = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 1_000_000;

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

/** Task rows as the national export writes them: one page of 1000 at a time, never all. */
async function* nationalRows(names, total) {
  const statuses = ["Đúng hạn", "Trong hạn", "Quá hạn", "Thường xuyên", "Sắp đến hạn"];
  for (let i = 0; i < total; i += 1000) {
    const page = [];
    for (let k = i; k < Math.min(total, i + 1000); k++) {
      const month = String((k % 12) + 1).padStart(2, "0");
      page.push([
        k + 1,
        `${(k % 900) + 1}/QĐ-BCT`,
        String((k % 120) + 1),
        names[k % names.length],
        `Đơn vị ${k % 5000}`,
        `Tháng ${month}/2026`,
        `2026-${month}-28`,
        statuses[k % statuses.length],
        k % 3 ? `Đang thực hiện ${k % 100}% (Tháng 5/2026)` : "",
      ]);
    }
    await new Promise((r) => setImmediate(r)); // as a database page read would yield
    yield* page;
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
    docxEndToEnd: await timed(
      async () => (await periodicReportFile(ctx, CLI_REPORT_ACTOR, { ...q, format: "docx" })).bytes,
    ),
    pdfEndToEnd: await timed(
      async () => (await periodicReportFile(ctx, CLI_REPORT_ACTOR, { ...q, format: "pdf" })).bytes,
    ),
    docxRender: await timed(() => renderDocx(doc)),
    pdfRenderPdfmake: await timed(() => renderPdf(doc)),
    ...(typst ? { pdfRenderTypst: await timed(() => typst(doc)) } : {}),
  };
  const names = doc.annexes[0].rows.map((r) => r[3]);
  const columns = doc.annexes[0].columns;
  const file = join(tmp, "national.xlsx");
  const national = await withPeakRss(() =>
    writeXlsx(
      [{ sheet: "PL I - Nhiệm vụ", columns, rows: nationalRows(names, ROWS) }],
      createWriteStream(file),
    ),
  );
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    loadavg: loadavg().map((l) => Math.round(l * 100) / 100),
    onePlan,
    goals: { docxMs: 1000, pdfMs: 2000, xlsxSeconds: 60, xlsxRssMb: 500 },
    nationalXlsx: {
      rows: ROWS,
      seconds: Math.round(national.seconds * 10) / 10,
      cpuSeconds: Math.round(national.cpuSeconds * 10) / 10,
      peakRssMb: national.peakRssMb,
      fileMb: Math.round(statSync(file).size / 2 ** 20),
      source: "rows generated in pages of 1000 (task names of plan 596), not read from a database",
    },
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, "periodic-report.json"), JSON.stringify(result, null, 2) + "\n");
  console.log(JSON.stringify(result, null, 2));
} finally {
  await runtime.close();
  rmSync(tmp, { recursive: true, force: true });
}
