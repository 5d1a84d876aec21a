import {
  addDays,
  endOfMonth,
  FEEDBACK_KIND_LABELS,
  formatIndicatorPeriod,
  formatIndicatorValue,
  NotFoundError,
  STATUS_LABELS,
  statedReason,
  type FeedbackKind,
} from "@giamsat/core";
import {
  countStatuses,
  getPlan,
  latestExtensionsOf,
  latestReportsOf,
  listPublishedPlans,
  listTasks,
  publishedFeedbackOfPlan,
  recordAudit,
  setPlanPublished,
} from "@giamsat/db";
import { requireRole, type Actor } from "../services/actor.js";
import { listIndicatorsFor } from "../services/indicator.service.js";
import { scorecardsFor } from "../services/stats.service.js";
import { nowIso, type Ctx } from "../services/context.js";
import { statusOf } from "../services/task.service.js";
import { taskListItem } from "../services/task.view.js";
import type { PublicPlanDetailView } from "./public-plans.schemas.js";

/** Public pages list at most this many overdue tasks (the total says how many there are). */
const PUBLIC_OVERDUE_LIMIT = 500;
/** …and at most this many published PAKN answers, newest first. */
const PUBLIC_FEEDBACK_LIMIT = 100;

/** Confidential tasks never reach a public response, whatever the plan. */
const PUBLIC_SCOPE = { includeConfidential: false } as const;

type PublishedRow = Awaited<ReturnType<typeof listPublishedPlans>>[number];

function planView(p: PublishedRow) {
  return {
    id: p.id,
    kind: p.kind,
    number: p.number,
    date: p.date,
    issuer: p.issuer,
    title: p.title,
    publishedAt: p.published_at!,
  };
}

/** The published plans (no login). */
export async function publicPlans(ctx: Ctx) {
  return (await listPublishedPlans(ctx.db)).map(planView);
}

/**
 * Whom the public pages read as: every unit, never a confidential task (the rights of an account
 * with no unit and no access to confidential tasks). Only ever passed to read services.
 */
const PUBLIC_READER: Actor = {
  userId: 0,
  username: "cong-khai",
  displayName: "Công khai",
  role: "admin",
  orgId: null,
  units: null,
  via: "token",
};

/**
 * A published plan as of a day: status counts by the one core evaluation, the overdue tasks with
 * their lead units and what the units said about them, the units late in reporting, the
 * indicators and the published PAKN answers (404 for a plan that is not published).
 */
export async function publicPlanDetail(
  ctx: Ctx,
  id: number,
  asOf: string,
): Promise<PublicPlanDetailView> {
  const [row] = await listPublishedPlans(ctx.db, id);
  if (!row) throw new NotFoundError(`Không có kế hoạch công khai số hiệu ${id}.`);
  const window = { asOf, dueSoonDays: ctx.config.dueSoonDays };
  const filter = { ...PUBLIC_SCOPE, planId: id };
  const [{ counts, total }, overdue, scorecards, indicators, feedback] = await Promise.all([
    countStatuses(ctx.db, { ...filter, ...window }),
    listTasks(ctx.db, {
      ...filter,
      ...window,
      status: ["overdue"],
      orderBy: "daysOverdue",
      limit: PUBLIC_OVERDUE_LIMIT,
      offset: 0,
    }),
    scorecardsFor(ctx, PUBLIC_READER, { plan: id, asOf }),
    listIndicatorsFor(ctx, PUBLIC_READER, { plan: id, asOf, limit: 1000, offset: 0 }),
    publishedFeedbackOfPlan(ctx.db, id, PUBLIC_FEEDBACK_LIMIT),
  ]);
  const ids = overdue.items.map((t) => t.id);
  const before = addDays(asOf, 1);
  const [reports, extensions] = await Promise.all([
    latestReportsOf(ctx.db, ids, before, true),
    latestExtensionsOf(ctx.db, ids, before),
  ]);
  return {
    plan: planView(row),
    asOf,
    total,
    counts,
    labels: STATUS_LABELS,
    overdue: overdue.items.map((t) => {
      const v = taskListItem(t, statusOf(ctx, t, asOf), t.lead);
      return {
        number: v.number,
        appendix: v.appendix.label,
        name: v.name,
        deadline: v.deadlineLabel,
        daysOverdue: v.daysOverdue,
        leadUnits: v.lead.map((o) => o.name),
        ...statedReason(reports.get(t.id), extensions.get(t.id)),
      };
    }),
    overdueTotal: overdue.total,
    lateUnits: scorecards.items
      .filter((s) => s.reportsOnTime < s.reportsDue)
      .map((s) => ({ unit: s.name, reportsDue: s.reportsDue, reportsOnTime: s.reportsOnTime })),
    indicators: indicators.items.map((i) => ({
      number: i.number,
      name: i.name,
      unit: i.unit,
      responsible: i.responsible?.name ?? null,
      target: i.targets.at(-1)?.raw ?? null,
      latest: i.latest
        ? `${formatIndicatorValue(i.latest.value, i.unit)} (${formatIndicatorPeriod(i.latest.period)})`
        : null,
      achievement: i.achievement,
      warning: i.warning,
      warningText: i.warningText,
    })),
    feedback: {
      ...feedback,
      items: feedback.items.map((f) => ({
        code: f.code,
        kind: f.kind,
        kindLabel: FEEDBACK_KIND_LABELS[f.kind as FeedbackKind] ?? f.kind,
        title: f.title,
        senderName: f.sender_name,
        task: f.task_number,
        unit: f.unit_name,
        answer: f.answer ?? "",
        rating: f.rating,
        receivedAt: f.created_at,
      })),
    },
  };
}

/** The monitoring department publishes a plan or withdraws it, with a reason; audited. */
export async function setPublished(
  ctx: Ctx,
  actor: Actor,
  planId: number,
  input: { published: boolean; reason: string },
) {
  requireRole(actor, "monitor");
  const plan = await getPlan(ctx.db, planId);
  if (!plan) throw new NotFoundError(`Không tìm thấy kế hoạch số hiệu ${planId}.`);
  const at = nowIso(ctx);
  const publishedAt = input.published ? (plan.published_at ?? at) : null;
  await ctx.db.transaction().execute(async (trx) => {
    await setPlanPublished(trx, planId, publishedAt, at);
    await recordAudit(trx, {
      actorId: actor.userId,
      action: "plan.published",
      entity: "plan",
      entityId: planId,
      before: { publishedAt: plan.published_at },
      after: { publishedAt },
      reason: input.reason,
    });
  });
  return { id: planId, publishedAt };
}

/** The day a month's open data is counted as of: its end, or `today` for the month under way. */
export function openDataAsOf(month: string, today: string): string {
  const end = endOfMonth(`${month}-01`);
  return end < today ? end : today;
}

/**
 * A plan's open data as CSV (UTF-8 with BOM, CRLF, every cell quoted): the page's figures, one
 * row per item, its section in `phan` (ngay_tinh, tong_so, trang_thai, qua_han, cham_bao_cao,
 * chi_tieu, pakn).
 */
export function openDataCsv(detail: PublicPlanDetailView): string {
  const cell = (v: string | number | null) => `"${String(v ?? "").replaceAll('"', '""')}"`;
  const row = (
    part: string,
    code: string | null,
    name: string,
    value: string | number | null,
    more: {
      due?: string;
      days?: number | null;
      unit?: string;
      note?: string;
      newDate?: string | null;
    } = {},
  ) => [
    part,
    code,
    name,
    value,
    more.due ?? "",
    more.days ?? "",
    more.unit ?? "",
    more.note ?? "",
    more.newDate ?? "",
  ];
  const rows: (string | number | null)[][] = [
    ["phan", "ma", "ten", "gia_tri", "han", "so_ngay_qua_han", "don_vi", "ghi_chu", "han_moi"],
    row("ngay_tinh", "", "", detail.asOf),
    row("tong_so", "", "", detail.total),
    ...Object.entries(detail.counts).map(([code, n]) =>
      row("trang_thai", code, detail.labels[code as keyof typeof detail.labels], n),
    ),
    ...detail.overdue.map((t) =>
      row("qua_han", t.number, t.name, t.appendix, {
        due: t.deadline,
        days: t.daysOverdue,
        unit: t.leadUnits.join("; "),
        note: t.reason,
        newDate: t.newDate,
      }),
    ),
    ...detail.lateUnits.map((u) =>
      row("cham_bao_cao", "", u.unit, `${u.reportsOnTime}/${u.reportsDue}`, { unit: u.unit }),
    ),
    ...detail.indicators.map((i) =>
      row("chi_tieu", i.number, i.name, i.latest, {
        due: i.target ?? "",
        unit: i.responsible ?? "",
        note: i.warningText,
      }),
    ),
    ...detail.feedback.items.map((f) =>
      row("pakn", f.code, f.title, f.rating, { unit: f.unit ?? "", note: f.answer }),
    ),
  ];
  return `\uFEFF${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}
