/**
 * The periodic report's annexes as workbook sheets whose long lists are read while the file is
 * written: every task, and the overdue ones, a page at a time (read by key), each page with its
 * tasks' latest reports and deadline requests; the unit scorecards and the indicators are short.
 * The rows are core's annex rows, as in the .docx and .pdf.
 */
import {
  addDays,
  INDICATOR_ANNEX,
  indicatorAnnexRow,
  OVERDUE_ANNEX,
  overdueAnnexRow,
  SCORECARD_ANNEX,
  scorecardAnnexRow,
  TASK_ANNEX,
  taskAnnexRow,
  type AnnexHead,
  type ListSheet,
} from "@giamsat/core";
import { latestExtensionsOf, latestReportsOf } from "@giamsat/db";
import type { Actor } from "../services/actor.js";
import type { Ctx } from "../services/context.js";
import {
  indicatorLine,
  overdueLine,
  scorecardLine,
  shortLists,
  taskLine,
  taskPages,
  type PeriodicReportQuery,
} from "./periodic-report.data.js";
import { withReadAhead } from "./read-ahead.js";

const sheetOf = (head: AnnexHead, rows: ListSheet["rows"]): ListSheet => ({
  sheet: head.sheet,
  columns: head.columns,
  rows,
});

async function* taskRows(ctx: Ctx, actor: Actor, q: PeriodicReportQuery) {
  const before = addDays(q.asOf, 1);
  let index = 0;
  const pages = withReadAhead(taskPages(ctx, actor, q, false), (page) =>
    latestReportsOf(
      ctx.db,
      page.map((t) => t.id),
      before,
    ),
  );
  for await (const [page, latest] of pages)
    for (const t of page) yield taskAnnexRow(taskLine(t, latest.get(t.id)), index++);
}

async function* overdueRows(ctx: Ctx, actor: Actor, q: PeriodicReportQuery) {
  const before = addDays(q.asOf, 1);
  let index = 0;
  const pages = withReadAhead(taskPages(ctx, actor, q, true), (page) => {
    const ids = page.map((t) => t.id);
    return Promise.all([
      latestReportsOf(ctx.db, ids, before),
      latestExtensionsOf(ctx.db, ids, before),
    ]);
  });
  for await (const [page, [latest, extensions]] of pages) {
    for (const t of page) {
      const line = overdueLine(t, latest.get(t.id), extensions.get(t.id));
      yield overdueAnnexRow(line, index++);
    }
  }
}

export async function periodicReportSheets(
  ctx: Ctx,
  actor: Actor,
  q: PeriodicReportQuery,
): Promise<ListSheet[]> {
  const { scorecards, indicators } = await shortLists(ctx, actor, q);
  return [
    sheetOf(TASK_ANNEX, taskRows(ctx, actor, q)),
    sheetOf(OVERDUE_ANNEX, overdueRows(ctx, actor, q)),
    sheetOf(SCORECARD_ANNEX, scorecards.items.map(scorecardLine).map(scorecardAnnexRow)),
    ...(indicators.items.length
      ? [sheetOf(INDICATOR_ANNEX, indicators.items.map(indicatorLine).map(indicatorAnnexRow))]
      : []),
  ];
}
