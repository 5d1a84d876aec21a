/**
 * The in-process scheduler of `giamsat serve` (croner): the day's reminders at
 * GIAMSAT_REMIND_CRON (Vietnam time), every minute the outbox (retries, event mails), and at
 * start and just after each Vietnam midnight the stored indicator evaluations for the new day
 * (warning levels change with the date). A run
 * still going when the next is due is skipped (`protect`); a failed run is logged, not fatal.
 * Several servers on one PostgreSQL database may all run it: each day's reminders and
 * evaluations are run by the one server that claims them (`runDailyOnce`), and the outbox keys
 * and FOR UPDATE SKIP LOCKED keep every message single.
 */
import { Cron } from "croner";
import { todayOf, type Ctx } from "../services/context.js";
import { channelsFor } from "./channels.js";
import { runDailyOnce, runnerName } from "./daily-run.js";
import { refreshOutdatedIndicatorEvaluations } from "../services/indicator-evaluation.service.js";
import { drainOutbox } from "./outbox.worker.js";
import { runReminders } from "./remind.service.js";

export type Scheduler = { nextReminders(): Date | null; stop(): Promise<void> };

/** Where the scheduler reports: `giamsat serve` passes the server's JSON logger. */
export type SchedulerLog = (level: "info" | "error", message: string) => void;

export function startScheduler(ctx: Ctx, log: SchedulerLog): Scheduler {
  const channels = channelsFor(ctx);
  const holder = runnerName();
  const failed = (what: string) => (error: unknown) =>
    log("error", `${what}: ${String((error as Error)?.message ?? error)}`);
  let remind: Cron;
  try {
    remind = new Cron(
      ctx.config.remindCron,
      {
        timezone: "Asia/Ho_Chi_Minh",
        protect: true,
        catch: failed("Nhắc việc hằng ngày lỗi"),
      },
      async () => {
        const day = todayOf(ctx);
        const r = await runDailyOnce(ctx, { name: "reminders", day, holder }, () =>
          runReminders(ctx, day, { dryRun: false, channels }),
        );
        if (!r) return log("info", `Nhắc việc ${day}: máy chủ khác đã chạy hoặc đang chạy.`);
        log(
          "info",
          `Nhắc việc ${r.asOf}: xếp hàng ${r.queued}, đã gửi ${r.sent}, lỗi ${r.failed + r.retrying}`,
        );
      },
    );
  } catch (error) {
    throw new Error(
      `GIAMSAT_REMIND_CRON: lịch không hợp lệ "${ctx.config.remindCron}" (${(error as Error).message}).`,
    );
  }
  const drain = new Cron(
    "* * * * *",
    { protect: true, catch: failed("Gửi hàng đợi thông báo lỗi") },
    async () => {
      await drainOutbox(ctx, channels);
    },
  );
  const evaluate = async () => {
    const today = todayOf(ctx);
    const n = await runDailyOnce(ctx, { name: "indicator-evaluations", day: today, holder }, () =>
      refreshOutdatedIndicatorEvaluations(ctx, today),
    );
    if (n) log("info", `Đánh giá chỉ tiêu ngày ${today}: ${n} chỉ tiêu`);
  };
  const evaluations = new Cron(
    "1 0 * * *",
    {
      timezone: "Asia/Ho_Chi_Minh",
      protect: true,
      catch: failed("Đánh giá chỉ tiêu hằng ngày lỗi"),
    },
    evaluate,
  );
  void evaluate().catch(failed("Đánh giá chỉ tiêu khi khởi động lỗi"));
  return {
    nextReminders: () => remind.nextRun(),
    stop: async () => {
      remind.stop();
      drain.stop();
      evaluations.stop();
      await Promise.all(channels.map((c) => c.close()));
    },
  };
}
