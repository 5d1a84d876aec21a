/**
 * One live report per task and period: while a report for (task, period) is
 * pending, another one is refused unless it corrects that report; a correction comes only from
 * the unit that sent the report, and a report is corrected at most once; a period keeps one
 * accepted report unless a correction replaces it. The database holds the same rules with
 * unique partial indexes (migration 0010), for two requests that race past these checks.
 */
import {
  ConflictError,
  ForbiddenError,
  formatDate,
  formatPeriodKey,
  vietnamDay,
} from "@giamsat/core";
import {
  acceptedReportsFor,
  correctedChain,
  findCorrection,
  periodReports,
  type ReportWithNames,
} from "@giamsat/db";
import type { Kysely } from "kysely";
import type { Database } from "@giamsat/db";

type Db = Kysely<Database>;

/** "báo cáo số 12 (Tháng 4/2026) gửi ngày 10/04/2026 bởi Nguyễn Văn A" */
export function describeReport(r: ReportWithNames): string {
  const by = r.submitted_by_name ? ` bởi ${r.submitted_by_name}` : "";
  const unit = r.org_name ? ` của ${r.org_name}` : "";
  return `báo cáo số ${r.id} (${formatPeriodKey(r.period_key)})${unit} gửi ngày ${formatDate(vietnamDay(r.submitted_at))}${by}`;
}

/**
 * Refuses a submission for a period that already has a pending report, unless it corrects that
 * report, or an accepted report, unless it corrects it (directly or through its corrections).
 */
export async function checkOneLiveReport(
  db: Db,
  taskId: number,
  periodKey: string,
  supersedes: number | undefined,
): Promise<void> {
  const met = await periodReports(db, taskId, periodKey);
  const pending = met.find((r) => r.status !== "accepted");
  if (pending && pending.id !== supersedes) {
    const waiting =
      pending.status === "awaiting_signoff" ? "chờ lãnh đạo đơn vị ký duyệt" : "chờ duyệt";
    throw new ConflictError(
      `Nhiệm vụ này đã có ${describeReport(pending)} đang ${waiting}. ` +
        `Hãy chờ kết quả, hoặc gửi báo cáo sửa đổi báo cáo số ${pending.id}.`,
    );
  }
  if (!met.some((r) => r.status === "accepted")) return;
  const chain = new Set(await correctedChain(db, { supersedes_id: supersedes ?? null }));
  const accepted = met.find((r) => r.status === "accepted" && !chain.has(r.id));
  if (accepted) {
    const latest = await latestCorrection(db, accepted.id);
    throw new ConflictError(
      `Kỳ ${formatPeriodKey(periodKey)} của nhiệm vụ này đã có báo cáo số ${accepted.id} được chấp nhận. ` +
        `Muốn thay đổi, hãy gửi báo cáo sửa đổi báo cáo số ${latest}.`,
    );
  }
}

/** The last report of the chain of corrections that starts at this one. */
async function latestCorrection(db: Db, id: number): Promise<number> {
  const seen = new Set<number>();
  for (let next = await findCorrection(db, id); next && !seen.has(next.id);) {
    seen.add((id = next.id));
    next = await findCorrection(db, id);
  }
  return id;
}

/** A correction: only by the unit that sent the report, and only one per report. */
export async function checkCorrection(
  db: Db,
  previous: ReportWithNames,
  orgId: number | null,
): Promise<void> {
  if (previous.org_id !== orgId) {
    throw new ForbiddenError(
      `Chỉ ${previous.org_name ?? "đơn vị đã gửi"} mới được sửa đổi báo cáo số ${previous.id}.`,
    );
  }
  const correction = await findCorrection(db, previous.id);
  if (correction || previous.superseded) {
    throw new ConflictError(
      `Báo cáo số ${previous.id} đã có báo cáo sửa đổi` +
        (correction ? ` (số ${correction.id})` : "") +
        "; mỗi báo cáo chỉ được sửa đổi một lần.",
    );
  }
}

/**
 * Accepting a report: refused when its period already has an accepted report that it does not
 * correct (directly or through earlier corrections).
 */
export async function checkSingleAccepted(db: Db, report: ReportWithNames): Promise<void> {
  const chain = new Set(await correctedChain(db, report));
  const other = (await acceptedReportsFor(db, report.task_id, report.period_key)).find(
    (r) => r.id !== report.id && !chain.has(r.id),
  );
  if (other) {
    throw new ConflictError(
      `Kỳ ${formatPeriodKey(report.period_key)} của nhiệm vụ này đã có báo cáo số ${other.id} được chấp nhận; ` +
        `chỉ chấp nhận được báo cáo sửa đổi báo cáo đó.`,
    );
  }
}
