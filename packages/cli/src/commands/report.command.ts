/**
 * `giamsat report --plan NUMBER|all --as-of YYYY-MM-DD [--unit NAME] [--period month] --format
 * docx|pdf|xlsx --out FILE`: the periodic report written to a file, the same as
 * GET /api/reports/periodic gives (its parameters checked by the same schema).
 */
import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { organisationsNamed } from "@giamsat/db";
import {
  CLI_REPORT_ACTOR,
  keptFileStream,
  periodicReportFile,
  periodicReportQuery,
  zodMessage,
  type Ctx,
} from "@giamsat/server";
import { parseCommandArgs } from "../args.js";
import { CliFailure, EXIT_OK, type Command } from "../command.js";
import { planIdByNumber } from "./plan-option.js";
import { configFrom, withRuntime } from "./serve.context.js";

const help = [
  "Cách dùng: giamsat report --plan SỐ|all --as-of YYYY-MM-DD --format docx|pdf|xlsx --out TỆP",
  "                         [--unit TÊN-ĐƠN-VỊ] [--period month|quarter|half|year]",
  "",
  "Xuất báo cáo định kỳ (tình hình thực hiện kế hoạch) tại một ngày, kèm các phụ lục.",
  "  --plan    số kế hoạch (596 hoặc 596/QĐ-BCT), hoặc all: mọi kế hoạch",
  "  --as-of   ngày số liệu; kỳ báo cáo là kỳ chứa ngày liền trước (01/06 → tháng 5)",
  "  --format  docx (Word), pdf, xlsx (các phụ lục)",
  "  --out     tệp ghi ra",
  "  --unit    chỉ các nhiệm vụ do đơn vị này chủ trì",
  "  --period  month (mặc định), quarter, half (6 tháng), year",
].join("\n");

async function unitId(ctx: Ctx, name: string): Promise<string> {
  const match = await organisationsNamed(ctx.db, name);
  if (match.length !== 1) throw new CliFailure(`--unit: không tìm thấy đơn vị "${name}".`);
  return String(match[0]!.id);
}

export const reportCommand: Command = {
  name: "report",
  summary: "Xuất báo cáo định kỳ (.docx, .pdf, .xlsx)",
  help,
  run: async (args, io) => {
    const { values } = parseCommandArgs(
      args,
      {
        plan: { type: "string" },
        "as-of": { type: "string" },
        unit: { type: "string" },
        period: { type: "string" },
        format: { type: "string" },
        out: { type: "string" },
      },
      "report",
    );
    for (const name of ["plan", "as-of", "format", "out"] as const) {
      if (typeof values[name] !== "string") throw new CliFailure(`Thiếu --${name}.\n\n${help}`);
    }
    return withRuntime(configFrom(io), async ({ ctx }) => {
      const parsed = periodicReportQuery.safeParse({
        plan:
          values.plan === "all" ? "all" : String(await planIdByNumber(ctx, values.plan as string)),
        asOf: values["as-of"],
        format: values.format,
        ...(typeof values.unit === "string" ? { unit: await unitId(ctx, values.unit) } : {}),
        ...(typeof values.period === "string" ? { period: values.period } : {}),
      });
      if (!parsed.success) throw new CliFailure(zodMessage(parsed.error));
      const file = await periodicReportFile(ctx, CLI_REPORT_ACTOR, parsed.data);
      await pipeline(keptFileStream(ctx.db, file.id), createWriteStream(values.out as string));
      io.stdout.write(`Đã ghi ${values.out} (${file.size} byte).\n`);
      return EXIT_OK;
    });
  },
};
