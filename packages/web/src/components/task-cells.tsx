import type { TaskSummary } from "../api/types.js";
import { formatDeadline } from "../format/deadline.format.js";
import { Link } from "../router/link.js";
import { OrgNames } from "./org-names.js";
import { StatusChip } from "./status-chip.js";

/** The number cell of a task row, with its appendix: numbers restart in each appendix. */
export function TaskNumberCell({ task }: { task: TaskSummary }) {
  return (
    <td className="num" data-label="STT">
      {task.number ?? "—"}
      <small className="appendix-label" title={task.appendix.title}>
        {task.appendix.label}
      </small>
    </td>
  );
}

/** The lead unit, deadline and status cells every task list shows the same way. */
export function TaskStateCells({ task }: { task: TaskSummary }) {
  return (
    <>
      <td data-label="Chủ trì">
        <OrgNames orgs={task.lead} empty="Chưa rõ đơn vị chủ trì" />
      </td>
      <td
        className="nowrap"
        data-label="Thời hạn"
        data-due={task.deadline.due ?? ""}
        title={task.deadline.raw || undefined}
      >
        {formatDeadline(task.deadline)}
      </td>
      <td data-label="Tình trạng">
        <StatusChip status={task.status} days={task.daysOverdue} />
      </td>
    </>
  );
}

/**
 * A task's whole row in a table of tasks: number, its plan (in lists that span plans), name
 * linking to its page as of `asOf`, state.
 */
export function TaskRow({
  task,
  asOf,
  planLabel,
}: {
  task: TaskSummary;
  asOf: string;
  planLabel?: string;
}) {
  return (
    <tr>
      <TaskNumberCell task={task} />
      {planLabel !== undefined && <td data-label="Kế hoạch">{planLabel}</td>}
      <td className="task-name">
        <Link to={`/nhiem-vu/${task.id}?asOf=${asOf}`}>{task.name}</Link>
      </td>
      <TaskStateCells task={task} />
    </tr>
  );
}
