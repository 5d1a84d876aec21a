/**
 * `giamsat recount [--json]`: counts again every figure the database keeps by triggers (the
 * status counts, per-unit status events, first receipts and report timeliness sums, on SQLite
 * the search index) from the tasks, reports, plans and calendars, in one transaction, and says
 * how many kept rows were wrong. After a bulk load written without triggers, a restore from
 * another tool, or a repair by hand in SQL; the server keeps them exact itself otherwise.
 */
import { recountKeptCounts } from "@giamsat/db";
import { parseCommandArgs } from "../args.js";
import { EXIT_OK, type Command } from "../command.js";
import { configFrom, withRuntime } from "./serve.context.js";

const LABELS = {
  task_status_buckets: "số nhiệm vụ theo tình trạng",
  unit_status_days: "tình trạng theo đơn vị và ngày",
  report_receipts: "báo cáo đầu tiên được chấp nhận mỗi kỳ",
  unit_recurring_days: "kỳ báo cáo phải nộp theo đơn vị",
  unit_receipt_days: "báo cáo đúng hạn theo đơn vị",
} as const;

export const recountCommand: Command = {
  name: "recount",
  summary: "Đếm lại các số liệu cơ sở dữ liệu giữ sẵn (tình trạng, báo cáo đúng hạn)",
  help: [
    "Cách dùng: giamsat recount [--json]",
    "",
    "Đếm lại từ nhiệm vụ, báo cáo, kế hoạch và lịch báo cáo mọi số liệu cơ sở dữ liệu giữ sẵn",
    "cho trang tổng quan, bảng xếp hạng đơn vị và tìm kiếm, trong một giao dịch (PostgreSQL:",
    "việc ghi phải chờ đến khi xong), và cho biết bao nhiêu dòng đã sai. Dùng sau khi nạp dữ liệu",
    "hàng loạt không qua trigger, khôi phục bằng công cụ khác, hoặc sửa dữ liệu trực tiếp bằng SQL.",
    "  --json  in kết quả dạng JSON",
  ].join("\n"),
  run: async (args, io) => {
    const { values } = parseCommandArgs(args, { json: { type: "boolean" } }, "recount");
    const t0 = performance.now();
    const result = await withRuntime(configFrom(io), ({ ctx }) =>
      recountKeptCounts(ctx.db, { compare: true }),
    );
    const seconds = Math.round((performance.now() - t0) / 100) / 10;
    if (values.json) {
      io.stdout.write(`${JSON.stringify({ ...result, seconds })}\n`);
      return EXIT_OK;
    }
    const wrong = Object.values(result.changed ?? {}).reduce((a, b) => a + b, 0);
    for (const [table, label] of Object.entries(LABELS) as [keyof typeof LABELS, string][])
      io.stdout.write(
        `${label}: ${result.rows[table]} dòng${result.changed?.[table] ? `, ${result.changed[table]} dòng khác số đã giữ` : ""}\n`,
      );
    io.stdout.write(
      wrong
        ? `Đã sửa: ${wrong} dòng khác số đã giữ (${seconds} giây).\n`
        : `Không có sai lệch (${seconds} giây).\n`,
    );
    return EXIT_OK;
  },
};
