/**
 * `giamsat remind --as-of YYYY-MM-DD [--dry-run] [--json]`: computes the reminders due that day,
 * queues them and sends them (in-app, and e-mail when GIAMSAT_SMTP_URL is set), then prints how
 * many messages were due, queued, skipped as queued before (one per message and audience: a
 * unit's members, a role), how many deliveries they made (one per recipient and channel), sent
 * and failed. The same day run again sends
 * nothing new. Without --as-of: today (Vietnam time).
 */
import { isIsoDate, vietnamDay } from "@giamsat/core";
import { channelsFor, runReminders, type RemindResult } from "@giamsat/server";
import { parseCommandArgs } from "../args.js";
import { CliFailure, EXIT_OK, type Command } from "../command.js";
import { configFrom, withRuntime } from "./serve.context.js";

const help = [
  "Cách dùng: giamsat remind [--as-of YYYY-MM-DD] [--dry-run] [--json]",
  "",
  "Tính các thư nhắc đến hạn trong ngày (hạn báo cáo, thời hạn nhiệm vụ, quá hạn), xếp vào hàng đợi",
  "và gửi (trong ứng dụng; e-mail khi đặt GIAMSAT_SMTP_URL). Chạy lại cùng ngày không gửi lại.",
  "  --as-of    ngày tính nhắc (mặc định: hôm nay)",
  "  --dry-run  chỉ tính và đếm, không ghi, không gửi",
  "  --json     in kết quả dạng JSON",
].join("\n");

function summary(r: RemindResult): string {
  const [y, m, d] = r.asOf.split("-");
  return [
    `Nhắc việc ngày ${d}/${m}/${y}${r.dryRun ? " (chạy thử, không ghi, không gửi)" : ""}:`,
    `  đến hạn: ${r.due} · xếp hàng mới: ${r.queued} · bỏ qua (đã xếp trước): ${r.skipped}`,
    `  tới người nhận: ${r.deliveries} · thư tổng hợp: ${r.digests}`,
    `  đã gửi: ${r.sent} · lỗi, sẽ thử lại: ${r.retrying} · lỗi hẳn: ${r.failed}`,
  ].join("\n");
}

export const remindCommand: Command = {
  name: "remind",
  summary: "Tính và gửi thư nhắc việc của một ngày",
  help,
  run: async (args, io) => {
    const { values } = parseCommandArgs(
      args,
      {
        "as-of": { type: "string" },
        "dry-run": { type: "boolean" },
        json: { type: "boolean" },
      },
      "remind",
    );
    const asOf = typeof values["as-of"] === "string" ? values["as-of"] : vietnamDay();
    if (!isIsoDate(asOf))
      throw new CliFailure(`--as-of: ngày không hợp lệ "${asOf}" (cần YYYY-MM-DD).`);
    return withRuntime(configFrom(io), async ({ ctx }) => {
      const channels = channelsFor(ctx);
      try {
        const result = await runReminders(ctx, asOf, {
          dryRun: values["dry-run"] === true,
          channels,
        });
        io.stdout.write(`${values.json ? JSON.stringify(result) : summary(result)}\n`);
        return EXIT_OK;
      } finally {
        await Promise.all(channels.map((c) => c.close()));
      }
    });
  },
};
