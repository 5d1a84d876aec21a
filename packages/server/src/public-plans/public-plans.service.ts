import { endOfMonth, NotFoundError, STATUS_LABELS, vietnamDay } from "@giamsat/core";
import {
  countStatuses,
  getPlan,
  listPublishedPlans,
  listTasks,
  recordAudit,
  setPlanPublished,
} from "@giamsat/db";
import { requireRole, type Actor } from "../services/actor.js";
import { nowIso, type Ctx } from "../services/context.js";
import { statusOf } from "../services/task.service.js";
import { taskListItem } from "../services/task.view.js";
import type { PublicPlanDetailView } from "./public-plans.schemas.js";

/** Public pages list at most this many overdue tasks (the total says how many there are). */
const PUBLIC_OVERDUE_LIMIT = 500;

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
 * A published plan as of today: status counts by the one core evaluation and the overdue tasks
 * with their lead units (404 for a plan that is not published).
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
  const [{ counts, total }, overdue] = await Promise.all([
    countStatuses(ctx.db, { ...filter, ...window }),
    listTasks(ctx.db, {
      ...filter,
      ...window,
      status: ["overdue"],
      orderBy: "daysOverdue",
      limit: PUBLIC_OVERDUE_LIMIT,
      offset: 0,
    }),
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
      };
    }),
    overdueTotal: overdue.total,
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
  const at = nowIso();
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

/** The day a month's open data is counted as of: its end, or today for the month under way. */
export function openDataAsOf(month: string): string {
  const today = vietnamDay();
  const end = endOfMonth(`${month}-01`);
  return end < today ? end : today;
}

/** A plan's open data as CSV (UTF-8 with BOM, CRLF, every cell quoted): the page's figures. */
export function openDataCsv(detail: PublicPlanDetailView): string {
  const cell = (v: string | number | null) => `"${String(v ?? "").replaceAll('"', '""')}"`;
  const rows: (string | number | null)[][] = [
    ["phan", "ma", "ten", "gia_tri", "han", "so_ngay_qua_han", "don_vi_chu_tri"],
    ["ngay_tinh", "", "", detail.asOf, "", "", ""],
    ["tong_so", "", "", detail.total, "", "", ""],
    ...Object.entries(detail.counts).map(([code, n]) => [
      "trang_thai",
      code,
      detail.labels[code as keyof typeof detail.labels],
      n,
      "",
      "",
      "",
    ]),
    ...detail.overdue.map((t) => [
      "qua_han",
      t.number,
      t.name,
      t.appendix,
      t.deadline,
      t.daysOverdue,
      t.leadUnits.join("; "),
    ]),
  ];
  return `\uFEFF${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}
