/**
 * The periodic report (issue 14): leaders and the monitoring department generate it as of a
 * date, for a plan or every plan, optionally one lead unit.
 */
import { buildPeriodicReport, NotFoundError, type PeriodicReportDoc } from "@giamsat/core";
import { getPlan } from "@giamsat/db";
import { requireRole, type Actor } from "../services/actor.js";
import type { Ctx } from "../services/context.js";
import { periodicReportInput } from "./periodic-report.data.js";
import { renderDocx } from "./periodic-report.docx.js";
import { renderPdf } from "./periodic-report.pdf.js";
import { renderXlsx } from "./periodic-report.xlsx.js";
import type { PeriodicReportParams, ReportFormat } from "./periodic-report.schemas.js";

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

/** The roles that may generate and download the report. */
export const REPORT_ROLES = ["leader", "monitor"] as const;

const MIME: Record<ReportFormat, string> = {
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
  q: Omit<PeriodicReportParams, "format">,
): Promise<PeriodicReportDoc> {
  requireRole(actor, ...REPORT_ROLES);
  if (q.plan !== undefined && !(await getPlan(ctx.db, q.plan))) {
    throw new NotFoundError(`Không tìm thấy kế hoạch số hiệu ${q.plan}.`);
  }
  return buildPeriodicReport(await periodicReportInput(ctx, actor, q, {}));
}

export async function periodicReportFile(
  ctx: Ctx,
  actor: Actor,
  q: PeriodicReportParams,
): Promise<{ bytes: Buffer; mime: string; fileName: string }> {
  const doc = await periodicReportFor(ctx, actor, q);
  const planPart = q.plan !== undefined ? `ke-hoach-${q.plan}` : "tat-ca";
  return {
    bytes: await RENDER[q.format](doc),
    mime: MIME[q.format],
    fileName: `bao-cao-dinh-ky-${planPart}-${q.asOf}.${q.format}`,
  };
}
