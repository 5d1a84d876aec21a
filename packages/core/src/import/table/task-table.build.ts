/**
 * A task table run → groups and tasks (with milestones), and the warnings a monitoring
 * department needs: missing "06 rõ" fields, milestones after the task's deadline, shifted rows.
 */
import type { Deadline, Group, Milestone, MilestoneKind, Task } from "../contract.js";
import type { ImportContext } from "../import-context.js";
import { fold } from "../../text/fold.js";
import type { Footnote } from "../sections.split.js";
import { collectBasis } from "./basis.collect.js";
import type { Entry, ItemEntry } from "./entries.classify.js";
import { GroupStack } from "./group-stack.js";
import { checkNumbering } from "./numbering.check.js";
import type { RowFields } from "./row-fields.js";
import type { LogicalRow } from "./rows.merge.js";
import { checkShifted } from "./shifted.check.js";
import { columnDateOrder, toDayFirst } from "../normalise/date-order.js";

export type TaskTableOptions = {
  /** No deadline column under a title `NHIỆM VỤ THƯỜNG XUYÊN`: every task is recurring. */
  recurring: boolean;
  /** Footnotes of this appendix whose body lists task numbers. */
  covering(number: string): Footnote[];
};

const NO_DEADLINE: Deadline = {
  raw: "",
  kind: "none",
  due: null,
  start: null,
  recurrence: null,
  note: null,
};
const CONTINUOUS: Deadline = {
  raw: "",
  kind: "recurring",
  due: null,
  start: null,
  recurrence: "continuous",
  note: null,
};

function label(task: Pick<Task, "number" | "line">): string {
  return task.number ? `Nhiệm vụ ${task.number}` : `Nhiệm vụ (dòng ${task.line})`;
}

function milestoneKind(name: string, deadline: string, output: string): MilestoneKind {
  if (/^(?:giai doan|dot|buoc|phase)\s*\d*/.test(fold(name))) return "phase";
  if (deadline === "" && output === "") return "label";
  return "step";
}

export function buildTaskTable(
  entries: Entry[],
  fields: RowFields,
  ctx: ImportContext,
  opts: TaskTableOptions,
): { groups: Group[]; tasks: Task[] } {
  const stack = new GroupStack();
  const tasks: Task[] = [];

  const monthFirst = dateOrder(entries, fields, ctx);
  const deadlineOf = (row: LogicalRow, who: string): Deadline => {
    if (!fields.has("deadline")) return opts.recurring ? { ...CONTINUOUS } : { ...NO_DEADLINE };
    const raw = fields.text(row, "deadline");
    const parsed = ctx.deadline(monthFirst ? toDayFirst(raw) : raw);
    ctx.addDrafts(parsed.warnings, row.line, who);
    return { ...parsed.deadline, raw };
  };

  const makeTask = (entry: ItemEntry): Task => {
    const { row } = entry;
    const who = entry.number ? `Nhiệm vụ ${entry.number}` : `Nhiệm vụ (dòng ${row.line})`;
    const lead = ctx.orgs(fields.text(row, "lead"));
    ctx.addDrafts(lead.warnings, row.line, who);
    const coordinators = ctx.orgs(fields.text(row, "coordinators"));
    ctx.addDrafts(coordinators.warnings, row.line, who);
    const deadline = deadlineOf(row, who);
    if (entry.numberless)
      ctx.warn(
        "task_without_number",
        row.line,
        `${who}: dòng không có số thứ tự được coi là một nhiệm vụ.`,
      );
    checkShifted(row, fields, ctx, who);
    return {
      number: entry.number,
      refNumber: fields.orNull(row, "refNumber"),
      groupPath: stack.path(),
      role: stack.role(),
      name: fields.text(row, "name"),
      basis: collectBasis(
        ctx,
        row,
        fields.text(row, "basis"),
        entry.number ? opts.covering(entry.number) : [],
      ),
      leader: fields.orNull(row, "leader"),
      lead: lead.orgs,
      coordinators: coordinators.orgs,
      output: fields.orNull(row, "output"),
      deadline,
      kind: deadline.kind === "recurring" ? "recurring" : "time-bound",
      milestones: [],
      extra: fields.extra(row),
      line: row.line,
    };
  };

  const makeMilestone = (row: LogicalRow, task: Task): Milestone => {
    const name = fields.text(row, "name");
    const deadline = deadlineOf(row, `${label(task)}, mốc “${name.slice(0, 40)}”`);
    const output = fields.text(row, "output");
    const kind = milestoneKind(name, fields.text(row, "deadline"), output);
    checkShifted(row, fields, ctx, `${label(task)}, mốc “${name.slice(0, 40)}”`);
    if (deadline.due && task.deadline.due && deadline.due > task.deadline.due) {
      ctx.warn(
        "milestone_after_deadline",
        row.line,
        `${label(task)}: mốc “${name.slice(0, 60)}” có thời hạn (${deadline.raw}) sau thời hạn của nhiệm vụ (${task.deadline.raw}).`,
      );
    }
    return { name, output: output === "" ? null : output, deadline, kind, line: row.line };
  };

  for (const entry of entries) {
    if (entry.type === "group") stack.push(entry);
    else if (entry.type === "item") {
      stack.enterItem(entry.number);
      tasks.push(makeTask(entry));
    } else {
      const task = tasks[tasks.length - 1];
      if (task) task.milestones.push(makeMilestone(entry.row, task));
    }
  }

  checkNumbering(tasks, ctx, "Nhiệm vụ", new Set(stack.groups.map((g) => g.number)));
  const basisInUse = fields.has("basis") || tasks.some((t) => t.basis.length > 0);
  for (const task of tasks) checkComplete(task, fields, ctx, opts.recurring, basisInUse);
  return { groups: stack.groups, tasks };
}

/** Whether the deadline column writes month/day/year (warned about, like its doubtful cases). */
function dateOrder(entries: Entry[], fields: RowFields, ctx: ImportContext): boolean {
  if (!fields.has("deadline")) return false;
  const column = entries
    .filter((e) => e.type !== "group")
    .map((e) => fields.text(e.row, "deadline"));
  const line = entries.find((e) => e.type !== "group")?.row.line ?? null;
  const header = fields.header("deadline") ?? "";
  const found = columnDateOrder(column);
  if (found.order === "month-first") {
    ctx.warn(
      "deadline_month_first",
      line,
      `Cột “${header}” ghi ngày theo kiểu tháng/ngày/năm (“${found.example}”): mọi ngày trong cột đã được đọc theo thứ tự đó (“${found.example}” là ngày ${toDayFirst(found.example)}).`,
    );
    return true;
  }
  if (found.order === "conflict") {
    ctx.warn(
      "deadline_order_conflict",
      line,
      `Cột “${header}” có ngày ghi ngày/tháng (“${found.dayFirst}”) lẫn ngày ghi tháng/ngày (“${found.monthFirst}”): đã đọc theo ngày/tháng/năm, ngày không có thật để trống; cần kiểm tra từng ngày.`,
    );
  }
  if (found.order === "unproven" && /^[A-Za-z ]+$/.test(header.trim())) {
    ctx.warn(
      "deadline_order_unproven",
      line,
      `Cột “${header}” (mẫu tiếng Anh) có ngày như “${found.example}” mà không ngày nào lớn hơn 12 để biết thứ tự ngày và tháng: đã đọc theo ngày/tháng/năm; nếu bảng ghi tháng/ngày/năm, hãy sửa lại.`,
    );
  }
  return false;
}

/** The "06 rõ" defects of one task. */
function checkComplete(
  task: Task,
  fields: RowFields,
  ctx: ImportContext,
  recurring: boolean,
  basisInUse: boolean,
): void {
  const who = label(task);
  if (task.name === "") ctx.warn("missing_name", task.line, `${who}: không có tên nhiệm vụ.`);
  if (task.lead.length === 0)
    ctx.warn("missing_lead", task.line, `${who}: không có cơ quan, đơn vị chủ trì.`);
  if (task.deadline.kind === "none" && !recurring)
    ctx.warn("missing_deadline", task.line, `${who}: không có thời hạn hoàn thành.`);
  if (task.output === null && fields.has("output"))
    ctx.warn("missing_output", task.line, `${who}: không có kết quả, sản phẩm đầu ra.`);
  if (task.basis.length === 0 && basisInUse)
    ctx.warn("missing_basis", task.line, `${who}: không có văn bản giao nhiệm vụ.`);
}
