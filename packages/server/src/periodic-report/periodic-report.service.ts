/**
 * The periodic report: leaders and the monitoring department generate it as of a
 * date, for a plan or every plan, optionally one lead unit, as .docx, .pdf or .xlsx. Every
 * generated file is kept (who, when, parameters, the file) and can be downloaded again.
 */
import type { Writable } from "node:stream";
import {
  buildPeriodicReport,
  DomainError,
  NotFoundError,
  type PeriodicReportDoc,
} from "@giamsat/core";
import {
  beginKeptReport,
  completeKeptReport,
  dropKeptReport,
  findKeptReport,
  getPlan,
  inTransaction,
  listKeptReports,
  recordAudit,
} from "@giamsat/db";
import type { z } from "zod";
import { writeXlsx } from "../office/xlsx-stream.writer.js";
import { listTasksFor } from "../services/task.service.js";
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
import { KeptFileWriter } from "./kept-file.writer.js";
import { periodicReportSheets } from "./periodic-report.sheets.js";
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

const RENDER: Record<"docx" | "pdf", (doc: PeriodicReportDoc) => Promise<Buffer>> = {
  docx: renderDocx,
  pdf: renderPdf,
};

/**
 * A Word or PDF report (and its preview) holds every task in its first annex: more than this
 * is a document nobody reads and a server's memory spent; the .xlsx streams any number.
 */
export const MAX_DOCUMENT_TASKS = 20_000;

async function checkScope(ctx: Ctx, actor: Actor, q: PeriodicScope): Promise<void> {
  requireRole(actor, ...REPORT_ROLES);
  if (q.plan !== undefined && !(await getPlan(ctx.db, q.plan))) {
    throw new NotFoundError(`Không tìm thấy kế hoạch số hiệu ${q.plan}.`);
  }
}

export async function periodicReportFor(
  ctx: Ctx,
  actor: Actor,
  q: PeriodicScope,
  cap = MAX_DOCUMENT_TASKS,
): Promise<PeriodicReportDoc> {
  await checkScope(ctx, actor, q);
  const { total } = await listTasksFor(ctx, actor, {
    ...(q.plan !== undefined ? { plan: q.plan } : {}),
    ...(q.unit !== undefined ? { lead: q.unit } : {}),
    asOf: q.asOf,
    limit: 0,
    offset: 0,
  });
  if (total > cap)
    throw new DomainError(
      "validation",
      `Báo cáo có ${total.toLocaleString("vi-VN")} nhiệm vụ, nhiều hơn ${cap.toLocaleString("vi-VN")} nhiệm vụ một bản Word hoặc PDF chứa được; hãy chọn một kế hoạch hoặc một đơn vị chủ trì, hoặc tải bản Excel (format=xlsx).`,
    );
  return buildPeriodicReport(await periodicReportInput(ctx, actor, q, await draftSections(ctx, q)));
}

export type ReportFile = { id: number; mime: string; fileName: string; size: number };

/** What writes the report's file: the Word or PDF document, or the workbook as it streams. */
async function producer(
  ctx: Ctx,
  actor: Actor,
  q: PeriodicReportParams,
): Promise<(out: Writable) => Promise<void>> {
  if (q.format === "xlsx") {
    await checkScope(ctx, actor, q);
    const sheets = await periodicReportSheets(ctx, actor, q);
    return (out) => writeXlsx(sheets, out);
  }
  const bytes = await RENDER[q.format](await periodicReportFor(ctx, actor, q));
  return (out) =>
    new Promise((resolve, reject) => {
      out.on("error", reject);
      out.end(bytes, () => resolve());
    });
}

/**
 * Generates the report's file and keeps it (audited `periodic_report.generate`): the file is
 * stored in pieces while it is written, and listed once whole.
 */
export async function periodicReportFile(
  ctx: Ctx,
  actor: Actor,
  q: PeriodicReportParams,
): Promise<ReportFile> {
  const write = await producer(ctx, actor, q);
  const planPart = q.plan !== undefined ? `ke-hoach-${q.plan}` : "tat-ca";
  const fileName = `bao-cao-dinh-ky-${planPart}-${q.asOf}.${q.format}`;
  const by = isCli(actor) ? null : actor.userId;
  const id = await beginKeptReport(ctx.db, {
    generated_by: by,
    plan_id: q.plan ?? null,
    unit_id: q.unit ?? null,
    as_of: q.asOf,
    period: q.period,
    format: q.format,
    file_name: fileName,
    mime: REPORT_MIME[q.format],
  });
  const file = new KeptFileWriter(ctx.db, id);
  try {
    await write(file);
  } catch (error) {
    await dropKeptReport(ctx.db, id).catch(() => undefined);
    throw error;
  }
  await inTransaction(ctx.db, async (trx) => {
    await completeKeptReport(trx, id, file.size);
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
  });
  return { id, mime: REPORT_MIME[q.format], fileName, size: file.size };
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
  return { id, mime: row.mime, fileName: row.file_name, size: row.size };
}
