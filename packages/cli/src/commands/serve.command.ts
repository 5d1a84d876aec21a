/**
 * `giamsat serve`: migrates the database, then serves the API and the web pages until stopped,
 * computing the day's reminders and sending notifications on its scheduler.
 */
import {
  closeGracefully,
  listen,
  startScheduler,
  untilSignal,
  type Config,
  type Ctx,
  type Scheduler,
} from "@giamsat/server";
import { EXIT_OK, type CliIO, type Command } from "../command.js";
import { configFrom, withRuntime } from "./serve.context.js";
import { lockDataFolder } from "./serve-lock.js";

export const serveCommand: Command = {
  name: "serve",
  summary: "Chạy máy chủ (API và giao diện web)",
  help: [
    "Cách dùng: giamsat serve",
    "",
    "Biến môi trường:",
    "  PORT                      cổng (mặc định 3000)",
    "  HOST                      địa chỉ lắng nghe (mặc định 127.0.0.1; 0.0.0.0 để mở ra mạng)",
    "  GIAMSAT_DATA_DIR          thư mục dữ liệu: SQLite, minh chứng (mặc định ./data)",
    "  DATABASE_URL              postgres://… để dùng PostgreSQL thay cho SQLite",
    "  GIAMSAT_UPLOAD_MAX_BYTES  dung lượng tối đa một tệp tải lên (mặc định 20 MB)",
    "  GIAMSAT_SESSION_TTL_HOURS thời hạn phiên đăng nhập (mặc định 12 giờ)",
    "  GIAMSAT_COOKIE_SECURE     cookie chỉ qua HTTPS (mặc định: bật, trừ khi HOST là loopback)",
    "  GIAMSAT_TRUST_PROXY       địa chỉ/CIDR của reverse proxy được tin (X-Forwarded-For/-Proto)",
    "  GIAMSAT_WEB_DIR           thư mục giao diện đã build (mặc định packages/web/dist)",
    "  GIAMSAT_DUE_SOON_DAYS     số ngày của ngưỡng «sắp đến hạn» (mặc định 15)",
    "  GIAMSAT_SQLITE_SYNC       FULL: ghi đồng bộ từng giao dịch SQLite (mặc định NORMAL)",
    "  GIAMSAT_ORGS_FILE         tệp JSON bổ sung danh mục tổ chức",
    "  GIAMSAT_LOG               mức nhật ký: silent, error, warn, info, debug (mặc định warn)",
    "  GIAMSAT_SMTP_URL          máy chủ thư smtp://… để gửi e-mail nhắc việc, thông báo",
    "  GIAMSAT_MAIL_FROM         người gửi thư (mặc định Giám sát <giamsat@localhost>)",
    "  GIAMSAT_SITE_URL          địa chỉ trang dùng trong liên kết của thư",
    "  GIAMSAT_REMIND_CRON       giờ tính nhắc việc hằng ngày (mặc định 0 7 * * *, giờ Việt Nam)",
    "  GIAMSAT_OUTBOX_LEASE_SECONDS thời gian giữ thư đang gửi trước khi tiến trình khác gửi lại",
    "  GIAMSAT_METRICS_TOKEN     mã đọc /metrics (Prometheus); không đặt thì /metrics tắt",
    "  GIAMSAT_SHUTDOWN_SECONDS  khi dừng (SIGTERM): thời gian chờ các yêu cầu đang xử lý (mặc định 30)",
  ].join("\n"),
  run: async (_args, io) => {
    const config = configFrom(io, { GIAMSAT_LOG: io.env.GIAMSAT_LOG ?? "warn" });
    return withRuntime(config, async ({ ctx }) => {
      const unlock = lockDataFolder(config);
      try {
        return await serveUntilStopped(ctx, config, io);
      } finally {
        unlock();
      }
    });
  },
};

/** Serves until SIGTERM/SIGINT, then lets requests in flight finish. */
async function serveUntilStopped(ctx: Ctx, config: Config, io: CliIO): Promise<number> {
  const { app, address } = await listen(ctx);
  let scheduler: Scheduler;
  try {
    // its lines join the requests' in the JSON log (GIAMSAT_LOG decides which are written)
    scheduler = startScheduler(ctx, (level, message) =>
      app.log[level]({ component: "scheduler" }, message),
    );
  } catch (error) {
    await app.close();
    throw error;
  }
  // listening for the signal before saying where it runs: a stop right after is not missed
  const stopped = untilSignal();
  io.stdout.write(`Giám sát đang chạy tại ${address}\n`);
  const signal = await stopped;
  io.stderr.write(`${signal}: dừng nhận yêu cầu mới, chờ các yêu cầu đang xử lý xong…\n`);
  await closeGracefully(app, config.shutdownGraceMs);
  await scheduler.stop();
  io.stderr.write("Đã dừng.\n");
  return EXIT_OK;
}
