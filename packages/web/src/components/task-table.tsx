import { useState } from "react";
import type { TaskSummary } from "../api/types.js";
import { formatDeadline } from "../format/deadline.format.js";
import { STATUS_CODES } from "@giamsat/core";
import { Link } from "../router/link.js";
import { OrgNames } from "./org-names.js";
import { StatusChip } from "./status-chip.js";

export type SortKey = "order" | "name" | "lead" | "deadline" | "status";

const byNumber = (a: string | null, b: string | null) =>
  (a ?? "").localeCompare(b ?? "", "vi", { numeric: true });

const COMPARE: Record<SortKey, (a: TaskSummary, b: TaskSummary) => number> = {
  order: () => 0,
  name: (a, b) => a.name.localeCompare(b.name, "vi"),
  lead: (a, b) => (a.lead[0]?.name ?? "").localeCompare(b.lead[0]?.name ?? "", "vi"),
  deadline: (a, b) =>
    (a.deadline.due ?? "9999").localeCompare(b.deadline.due ?? "9999") ||
    byNumber(a.number, b.number),
  status: (a, b) =>
    STATUS_CODES.indexOf(a.status as never) - STATUS_CODES.indexOf(b.status as never) ||
    (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0),
};

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: "order", label: "STT" },
  { key: "name", label: "Tên nhiệm vụ" },
  { key: "lead", label: "Đơn vị chủ trì" },
  { key: "deadline", label: "Thời hạn" },
  { key: "status", label: "Tình trạng" },
];

/** The task table with sortable columns (click a header; again to reverse). */
export function TaskTable({
  tasks,
  asOf,
  caption,
}: {
  tasks: TaskSummary[];
  asOf: string;
  caption: string;
}) {
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: "order", desc: false });
  const sorted = sort.key === "order" ? [...tasks] : [...tasks].sort(COMPARE[sort.key]);
  if (sort.desc) sorted.reverse();
  const toggle = (key: SortKey) => setSort((s) => ({ key, desc: s.key === key ? !s.desc : false }));
  const ariaSort = (key: SortKey) =>
    sort.key === key ? (sort.desc ? "descending" : "ascending") : "none";

  return (
    <div className="table-wrap cards">
      <table data-testid="task-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th
                key={c.key}
                aria-sort={ariaSort(c.key)}
                className={c.key === "order" ? "num" : undefined}
              >
                <button type="button" className="sort" onClick={() => toggle(c.key)}>
                  {c.label}
                  {sort.key === c.key ? (sort.desc ? " ▼" : " ▲") : ""}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((task) => (
            <tr key={task.id}>
              <td className="num" data-label="STT">
                {task.number ?? "—"}
              </td>
              <td className="task-name">
                <Link to={`/nhiem-vu/${task.id}?asOf=${asOf}`}>{task.name}</Link>
              </td>
              <td data-label="Chủ trì">
                <OrgNames orgs={task.lead} empty="Chưa rõ đơn vị chủ trì" />
              </td>
              <td className="nowrap" data-label="Thời hạn" title={task.deadline.raw || undefined}>
                {formatDeadline(task.deadline)}
              </td>
              <td data-label="Tình trạng">
                <StatusChip status={task.status} days={task.daysOverdue} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
