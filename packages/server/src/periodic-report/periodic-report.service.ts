/**
 * The periodic report: leaders and the monitoring department generate it as of a
 * date, for a plan or every plan, optionally one lead unit, as .docx, .pdf or .xlsx. Every
 * generated file is kept (who, when, parameters, the file) and can be downloaded again.
 */
import { buildPeriodicReport, NotFoundError, type PeriodicReportDoc } from "@giamsat/core";
import {
  findKeptReport,
  getPlan,
  inTransaction,
  insertKeptReport,
  listKeptReports,
  recordAudit,
} from "@giamsat/db";
import type { z } from "zod";
import { requireRole, type Actor } from "../services/actor.js";
import type { Ctx } from "../services/context.js";
import { periodicReportInput } from "./periodic-report.data.js";
import { renderDocx } from "./periodic-report.docx.js";
import { renderPdf } from "./periodic-report.pdf.js";
import type {
  keptReportSchema,
  PeriodicReportParams,
  PeriodicScope,
  ReportFormat,
} from "./periodic-report.schemas.js";
import { renderXlsx } from "./periodic-report.xlsx.js";
import { draftSections } from "./periodic-report-draft.service.js";

/** Who `giamsat report` runs as: the monitoring department, every unit in scope. */
export const CLI_REPORT_ACTOR: Actor = {
  userId: 0,
  username: "giamsat-cli",
  displayName: "Dòng lệnh giamsat",
  role: "monitor",
  orgId: null,
  units: null,
  via: "token",
};
const isCli = (actor: Actor) => actor === CLI_REPORT_ACTOR;

/** The roles that may generate and download the report. */
export const REPORT_ROLES = ["leader", "monitor"] as const;

/** The media type of each report format (the route publishes it in the OpenAPI document). */
export const REPORT_MIME: Record<ReportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

const RENDER: Record<ReportFormat, (doc: PeriodicReportDoc) => Promise<Buffer>> = {
  docx: renderDocx,
  pdf: renderPdf,
  xlsx: renderXlsx,
};

export async function periodicReportFor(
  ctx: Ctx,
  actor: Actor,
  q: PeriodicScope,
): Promise<PeriodicReportDoc> {
  requireRole(actor, ...REPORT_ROLES);
  if (q.plan !== undefined && !(await getPlan(ctx.db, q.plan))) {
    throw new NotFoundError(`Không tìm thấy kế hoạch số hiệu ${q.plan}.`);
  }
  return buildPeriodicReport(await periodicReportInput(ctx, actor, q, await draftSections(ctx, q)));
}

export type ReportFile = { id: number; bytes: Buffer; mime: string; fileName: string };

/** Generates the report's file and keeps it (audited `periodic_report.generate`). */
export async function periodicReportFile(
  ctx: Ctx,
  actor: Actor,
  q: PeriodicReportParams,
): Promise<ReportFile> {
  const doc = await periodicReportFor(ctx, actor, q);
  const planPart = q.plan !== undefined ? `ke-hoach-${q.plan}` : "tat-ca";
  const bytes = await RENDER[q.format](doc);
  const fileName = `bao-cao-dinh-ky-${planPart}-${q.asOf}.${q.format}`;
  const by = isCli(actor) ? null : actor.userId;
  const id = await inTransaction(ctx.db, async (trx) => {
    const id = await insertKeptReport(trx, {
      generated_by: by,
      plan_id: q.plan ?? null,
      unit_id: q.unit ?? null,
      as_of: q.asOf,
      period: q.period,
      format: q.format,
      file_name: fileName,
      mime: REPORT_MIME[q.format],
      size: bytes.length,
      content: bytes,
    });
    await recordAudit(trx, {
      actorId: by,
      action: "periodic_report.generate",
      entity: "periodic_report",
      entityId: id,
      after: {
        plan: q.plan ?? "all",
        unit: q.unit ?? null,
        asOf: q.asOf,
        period: q.period,
        format: q.format,
      },
    });
    return id;
  });
  return { id, bytes, mime: REPORT_MIME[q.format], fileName };
}

export async function listKeptReportsFor(
  ctx: Ctx,
  actor: Actor,
  q: { plan?: number; limit: number; offset: number },
): Promise<{ items: z.output<typeof keptReportSchema>[]; total: number }> {
  requireRole(actor, ...REPORT_ROLES);
  const { items, total } = await listKeptReports(ctx.db, {
    ...(q.plan !== undefined ? { planId: q.plan } : {}),
    limit: q.limit,
    offset: q.offset,
  });
  return {
    total,
    items: items.map((r) => ({
      id: r.id,
      generatedAt: r.generated_at,
      generatedBy: r.generated_by_name,
      plan: r.plan_id !== null ? { id: r.plan_id, number: r.plan_number } : null,
      unit: r.unit_id !== null ? { id: r.unit_id, name: r.unit_name } : null,
      asOf: r.as_of,
      period: r.period,
      format: r.format,
      fileName: r.file_name,
      size: r.size,
    })),
  };
}

export async function keptReportFile(ctx: Ctx, actor: Actor, id: number): Promise<ReportFile> {
  requireRole(actor, ...REPORT_ROLES);
  const row = await findKeptReport(ctx.db, id);
  if (!row) throw new NotFoundError(`Không tìm thấy báo cáo định kỳ đã tạo số hiệu ${id}.`);
  return { id, bytes: Buffer.from(row.content), mime: row.mime, fileName: row.file_name };
}
