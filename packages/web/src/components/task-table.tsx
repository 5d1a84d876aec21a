import { Fragment } from "react";
import type { TaskSummary } from "../api/types.js";
import { taskPlansLabel } from "../format/plan.format.js";
import { SortHeader } from "./sort-header.js";
import { TaskRow } from "./task-cells.js";

/** The server's task orders (`/api/tasks?orderBy=`). */
export type SortKey = "number" | "name" | "lead" | "deadline" | "status";
export type Sort = { key: SortKey; desc: boolean };

export const SORT_KEYS: readonly SortKey[] = ["number", "name", "lead", "deadline", "status"];

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: "number", label: "STT" },
  { key: "name", label: "Tên nhiệm vụ" },
  { key: "lead", label: "Đơn vị chủ trì" },
  { key: "deadline", label: "Thời hạn" },
  { key: "status", label: "Tình trạng" },
];

/**
 * The task table; a header click asks for another order (sorted on the server, so the order
 * holds across pages), a second click reverses it. The appendix label is shown beside the
 * number, because numbers restart in each appendix.
 */
export function TaskTable({
  tasks,
  asOf,
  caption,
  sort,
  onSort,
  planLabels,
}: {
  tasks: TaskSummary[];
  asOf: string;
  caption: string;
  sort: Sort;
  onSort: (sort: Sort) => void;
  /** given for lists that span plans: a "Kế hoạch" column with each task's plan */
  planLabels?: Map<number, string>;
}) {
  const toggle = (key: SortKey) => onSort({ key, desc: sort.key === key ? !sort.desc : false });

  return (
    <div className="table-wrap cards">
      <table data-testid="task-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <Fragment key={c.key}>
                <SortHeader
                  label={c.label}
                  active={sort.key === c.key}
                  desc={sort.desc}
                  numeric={c.key === "number"}
                  onSort={() => toggle(c.key)}
                />
                {c.key === "number" && planLabels && <th>Kế hoạch</th>}
              </Fragment>
            ))}
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <TaskRow
              key={task.id}
              task={task}
              asOf={asOf}
              planLabel={planLabels && taskPlansLabel(task, planLabels)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
