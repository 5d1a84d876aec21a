/**
 * `giamsat indicators refresh [--plan SỐ] [--outdated] [--json]`: computes and stores the
 * evaluation of indicators as of today (Vietnam day) — what the list, the dashboard's tiles and
 * the warning filter read. Every indicator (of one plan with --plan) is recomputed
 * whatever its row holds; --outdated does only the ones missing, waiting (a `giamsat import`
 * leaves its plan's so) or of another day, as the server does at start and after midnight.
 */
import { formatDate, vietnamDay } from "@giamsat/core";
import {
  refreshAllIndicatorEvaluations,
  refreshOutdatedIndicatorEvaluations,
} from "@giamsat/server";
import { parseCommandArgs } from "../args.js";
import { CliFailure, EXIT_OK, type CliIO, type Command } from "../command.js";
import { planIdByNumber } from "./plan-option.js";
import { configFrom, withRuntime } from "./serve.context.js";

const help = [
  "Cách dùng: giamsat indicators refresh [--plan SỐ] [--outdated] [--json]",
  "",
  "Tính lại và lưu đánh giá chỉ tiêu tại hôm nay (mức đạt, dự báo, mức cảnh báo) mà danh sách",
  "chỉ tiêu, ô cảnh báo trên trang tổng quan đọc. Máy chủ tự tính khi khởi động, sau 0 giờ và",
  "khi giá trị, kế hoạch thay đổi; lệnh này dùng sau khi nhập kế hoạch bằng giamsat import,",
  "khôi phục dữ liệu, đổi tên đơn vị, hoặc để tính trước khi mở máy chủ.",
  "  --plan      chỉ các chỉ tiêu của kế hoạch này (596 hoặc 596/QĐ-BCT)",
  "  --outdated  chỉ các chỉ tiêu chưa có đánh giá của hôm nay (như máy chủ làm khi khởi động)",
  "  --json      in kết quả dạng JSON",
].join("\n");

async function refresh(args: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    { plan: { type: "string" }, outdated: { type: "boolean" }, json: { type: "boolean" } },
    "indicators",
  );
  const plan = typeof values.plan === "string" ? values.plan : undefined;
  const outdated = values.outdated === true;
  if (plan !== undefined && outdated)
    throw new CliFailure("--outdated tính mọi kế hoạch, không dùng cùng --plan.");
  const asOf = vietnamDay();
  return withRuntime(configFrom(io), async ({ ctx }) => {
    const planId = plan === undefined ? undefined : await planIdByNumber(ctx, plan);
    const t0 = performance.now();
    const indicators = outdated
      ? await refreshOutdatedIndicatorEvaluations(ctx, asOf)
      : await refreshAllIndicatorEvaluations(ctx, planId, asOf);
    const seconds = Math.round((performance.now() - t0) / 100) / 10;
    const result = { asOf, planId: planId ?? null, outdated, indicators, seconds };
    io.stdout.write(
      values.json
        ? `${JSON.stringify(result)}\n`
        : `Đã tính đánh giá của ${indicators} chỉ tiêu${plan ? ` (kế hoạch ${plan})` : ""} tại ngày ${formatDate(asOf)} trong ${String(seconds).replace(".", ",")} giây.\n`,
    );
    return EXIT_OK;
  });
}

export const indicatorsCommand: Command = {
  name: "indicators",
  summary: "Tính lại đánh giá chỉ tiêu (mức đạt, dự báo, cảnh báo) tại hôm nay",
  help,
  run: async (args, io) => {
    const [action, ...rest] = args;
    if (action !== "refresh")
      throw new CliFailure(
        `${action === undefined ? "Thiếu việc cần làm" : `Việc không có: "${action}"`}.\n\n${help}`,
      );
    return refresh(rest, io);
  },
};
