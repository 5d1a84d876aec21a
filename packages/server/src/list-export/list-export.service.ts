/**
 * "Xuất Excel" of the list pages: the same services and filters as the page, so the file holds
 * exactly what the page shows (every page of it), for the same actor's scope. Rows are read a
 * page at a time while the workbook is written.
 */
import {
  LEAD_COUNT_COLUMNS,
  leadCountRow,
  SCORECARD_COLUMNS,
  scorecardRow,
  STATUS_COUNT_COLUMNS,
  statusCountRows,
  TASK_LIST_COLUMNS,
  taskListRow,
  DomainError,
  type AnnexCell,
  type ListSheet,
} from "@giamsat/core";
import type { Actor } from "../services/actor.js";
import type { Ctx } from "../services/context.js";
import { overdueFor, scorecardsFor, statsFor, type StatsQuery } from "../services/stats.service.js";
import { listTasksFor, type TaskQuery } from "../services/task.service.js";
import type { TaskListItemView } from "../services/task.view.js";

/** More rows than this are refused: a file nobody reads, and a long request. */
export const MAX_EXPORT_ROWS = 50_000;
const PAGE = 500;
/** every lead unit (the dashboard's chart shows the first 12) */
const ALL_LEADS = 100_000;

export type ExportFile = { fileName: string; sheets: ListSheet[] };

type Page = { items: TaskListItemView[]; total: number };

function refuseIfLong(total: number, what: string, cap: number): void {
  if (total <= cap) return;
  throw new DomainError(
    "validation",
    `Danh sách có ${total.toLocaleString("vi-VN")} ${what}, nhiều hơn ${cap.toLocaleString("vi-VN")} dòng xuất được một lần; hãy lọc thêm (kế hoạch, đơn vị, tình trạng) hoặc dùng Báo cáo định kỳ.`,
  );
}

/** The rows of every page, the first one already read (its total decided the refusal). */
async function* taskRows(first: Page, next: (offset: number) => Promise<Page>) {
  let index = 0;
  let page = first;
  for (;;) {
    for (const task of page.items) {
      yield taskListRow(
        {
          plan: task.planNumber,
          appendix: task.appendix.label,
          number: task.number,
          name: task.name,
          lead: task.lead.map((o) => o.name).join("; "),
          deadline: task.deadlineLabel,
          due: task.deadline.due,
          status: task.status,
          daysOverdue: task.daysOverdue,
          completedOn: task.completedOn,
          output: task.output,
        },
        index++,
      );
    }
    if (page.items.length === 0 || index >= first.total) return;
    page = await next(index);
  }
}

/** Tasks as `/api/tasks` lists them with these filters, every page. */
export async function taskListExport(
  ctx: Ctx,
  actor: Actor,
  query: Omit<TaskQuery, "limit" | "offset">,
  cap = MAX_EXPORT_ROWS,
): Promise<ExportFile> {
  const page = (offset: number) => listTasksFor(ctx, actor, { ...query, limit: PAGE, offset });
  const first = await page(0);
  refuseIfLong(first.total, "nhiệm vụ", cap);
  return {
    fileName: `nhiem-vu-${first.asOf}.xlsx`,
    sheets: [{ sheet: "Nhiệm vụ", columns: TASK_LIST_COLUMNS, rows: taskRows(first, page) }],
  };
}

/** The dashboard: counts by status, every lead unit's counts, and every overdue task. */
export async function dashboardExport(
  ctx: Ctx,
  actor: Actor,
  query: StatsQuery,
  cap = MAX_EXPORT_ROWS,
): Promise<ExportFile> {
  const stats = await statsFor(ctx, actor, { ...query, leads: ALL_LEADS });
  const overdue = (offset: number) =>
    overdueFor(ctx, actor, { ...query, asOf: stats.asOf, limit: PAGE, offset });
  const first = await overdue(0);
  refuseIfLong(first.total, "nhiệm vụ quá hạn", cap);
  const leads: AnnexCell[][] = stats.byLead.map(leadCountRow);
  return {
    fileName: `tong-quan-${stats.asOf}.xlsx`,
    sheets: [
      {
        sheet: "Theo tình trạng",
        columns: STATUS_COUNT_COLUMNS,
        rows: statusCountRows(stats.counts, stats.total),
      },
      { sheet: "Theo đơn vị chủ trì", columns: LEAD_COUNT_COLUMNS, rows: leads },
      { sheet: "Quá hạn", columns: TASK_LIST_COLUMNS, rows: taskRows(first, overdue) },
    ],
  };
}

/** The unit scorecards as `/danh-gia` shows them (units, then groups such as "Các bộ, ngành"). */
export async function scorecardExport(
  ctx: Ctx,
  actor: Actor,
  query: StatsQuery,
): Promise<ExportFile> {
  const { asOf, items } = await scorecardsFor(ctx, actor, query);
  const byOverdue = [...items].sort(
    (a, b) => b.overdue - a.overdue || a.name.localeCompare(b.name, "vi"),
  );
  const units = byOverdue.filter((c) => !c.group);
  const groups = byOverdue.filter((c) => c.group);
  return {
    fileName: `danh-gia-don-vi-${asOf}.xlsx`,
    sheets: [
      { sheet: "Đơn vị", columns: SCORECARD_COLUMNS, rows: units.map(scorecardRow) },
      ...(groups.length
        ? [{ sheet: "Nhóm chung", columns: SCORECARD_COLUMNS, rows: groups.map(scorecardRow) }]
        : []),
    ],
  };
}
