/** `giamsat match A B [--json] [--min-score X]`: tasks of plan A that restate tasks of plan B. */
import { matchTasks, type ImportResult, type MatchedTask } from "@giamsat/core";
import { CliFailure, EXIT_OK, type Command } from "../command.js";
import { parseCommandArgs } from "../args.js";
import { palette, renderTable, writeJson } from "../output.js";
import { importFile } from "./import.command.js";

const HELP = `Cách dùng: giamsat match TỆP_A TỆP_B [--json] [--min-score X] [--orgs TỆP]

Liệt kê các cặp nhiệm vụ của kế hoạch A và kế hoạch B nói về cùng một việc (ví dụ kế hoạch của
Bộ cụ thể hoá nhiệm vụ của Chính phủ), với điểm tương đồng và lý do (nội dung giống nhau, cùng
văn bản giao). Mỗi nhiệm vụ được ghép tối đa một lần; cặp điểm cao đứng trước.

Tuỳ chọn:
  --json           in JSON: { a, b, pairs: [{ a, b, score, reasons }] }
  --min-score X    điểm thấp nhất được liệt kê, từ 0 đến 1 (mặc định 0.5)
  --orgs TỆP       tệp JSON bổ sung danh mục tổ chức
  -h, --help       hiển thị trợ giúp này`;

function side(result: ImportResult, t: MatchedTask): string {
  const appendix = result.appendices[t.appendix]?.title ?? "";
  const short = /^(PHỤ LỤC\s*[IVXLC\d]*)/i.exec(appendix)?.[1] ?? `Phụ lục ${t.appendix + 1}`;
  return `${short} · ${t.number ?? "(không số)"}`;
}

function documentLabel(result: ImportResult, file: string): string {
  return result.document.number ?? file;
}

export const matchCommand: Command = {
  name: "match",
  summary: "ghép các nhiệm vụ của hai kế hoạch nói về cùng một việc",
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      { json: { type: "boolean" }, "min-score": { type: "string" }, orgs: { type: "string" } },
      "match",
    );
    if (positionals.length !== 2)
      throw new CliFailure("Cần đúng hai tệp: giamsat match TỆP_A TỆP_B");
    const raw = values["min-score"] as string | undefined;
    const threshold = raw === undefined ? undefined : Number(raw.replace(",", "."));
    if (threshold !== undefined && !(threshold >= 0 && threshold <= 1)) {
      throw new CliFailure(`--min-score phải là một số từ 0 đến 1 (nhận được "${raw}").`);
    }
    const [fileA, fileB] = positionals as [string, string];
    const orgs = values.orgs as string | undefined;
    const a = await importFile(fileA, orgs, io);
    const b = await importFile(fileB, orgs, io);
    const pairs = matchTasks(a, b, threshold === undefined ? {} : { threshold });
    if (values.json) {
      writeJson(io, {
        a: { file: fileA, document: a.document },
        b: { file: fileB, document: b.document },
        pairs,
      });
      return EXIT_OK;
    }
    const p = palette(io.stdout, io.env);
    const head = `${p.paint("A:", "bold")} ${documentLabel(a, fileA)}   ${p.paint("B:", "bold")} ${documentLabel(b, fileB)}`;
    if (pairs.length === 0) {
      io.stdout.write(`${head}\nKhông có cặp nhiệm vụ nào đạt ngưỡng.\n`);
      return EXIT_OK;
    }
    const table = renderTable(
      [
        { title: "Điểm", align: "right" },
        { title: "A", max: 22 },
        { title: "Nhiệm vụ A", max: 44 },
        { title: "B", max: 22 },
        { title: "Nhiệm vụ B", max: 44 },
        { title: "Lý do", max: 50 },
      ],
      pairs.map((m) => [
        { text: m.score.toFixed(2), tone: m.score >= 0.75 ? "green" : "yellow" },
        side(a, m.a),
        m.a.name,
        side(b, m.b),
        m.b.name,
        m.reasons.join("; "),
      ]),
      p,
    );
    io.stdout.write(`${head}\n${pairs.length} cặp nhiệm vụ:\n\n${table}\n`);
    return EXIT_OK;
  },
};
