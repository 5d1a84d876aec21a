import type { InboxItem } from "../api/types.js";
import { formatDate } from "../format/date.format.js";
import { formatDeadline } from "../format/deadline.format.js";
import { REVIEW_STATE_LABELS } from "../format/status.format.js";
import { Link } from "../router/link.js";
import { StatusChip } from "./status-chip.js";

export const inboxTaskTitle = (t: InboxItem["task"]) =>
  `${t.number ? `${t.number}. ` : ""}${t.name}`;

/** What the unit owes for the period: the report's review state, or not sent (late or not). */
function PeriodState({ item }: { item: InboxItem }) {
  if (item.report)
    return (
      <span className={`chip r-${item.report.status}`}>
        {REVIEW_STATE_LABELS[item.report.status] ?? item.report.status}
      </span>
    );
  return item.late ? (
    <span className="chip s-overdue">Quá hạn gửi</span>
  ) : (
    <span className="chip s-due_soon">Chưa gửi</span>
  );
}

type Props = {
  item: InboxItem;
  /** the task's plan as lists name it (number, or title when it has none) */
  planName?: string;
  /** given when the row can be picked for a report sent to several tasks at once */
  selection?: { checked: boolean; onChange: (checked: boolean) => void };
};

/**
 * One task of the unit's inbox as a compact row (a short card on a phone): the task and its plan,
 * deadline and status, the period's report and its state, a returned report's reason, and the
 * action it calls for.
 */
export function InboxItemRow({ item, planName, selection }: Props) {
  const { task, period } = item;
  const title = inboxTaskTitle(task);
  return (
    <tr data-task={task.id}>
      <td className="pick">
        {selection && (
          <input
            type="checkbox"
            checked={selection.checked}
            onChange={(e) => selection.onChange(e.target.checked)}
            aria-label={`Chọn: ${title}`}
          />
        )}
      </td>
      <td className="task-name">
        <Link to={`/nhiem-vu/${task.id}`}>{title}</Link>
        <small className="muted inbox-plan">
          {planName ?? task.planNumber ?? "Kế hoạch chưa có số"} · {task.appendix.label}
        </small>
        {item.returned && (
          <p className="returned-reason">
            Bị trả lại: {item.returned.comment ?? "(không ghi lý do)"}
          </p>
        )}
      </td>
      <td data-label="Thời hạn" className="nowrap">
        {task.status !== "recurring" && `${formatDeadline(task.deadline)} `}
        <StatusChip status={task.status} days={task.daysOverdue} />
      </td>
      <td data-label="Báo cáo">
        <PeriodState item={item} />
        <small className="muted inbox-period">
          {period.label} · hạn gửi {formatDate(period.dueDate)}
        </small>
      </td>
      <td className="nowrap inbox-action">
        {item.toReport && (
          <Link
            className={item.returned ? "button" : "button secondary"}
            to={`/nhiem-vu/${task.id}/bao-cao`}
            aria-label={`${item.returned ? "Gửi lại báo cáo" : "Báo cáo"}: ${title}`}
          >
            {item.returned ? "Gửi lại báo cáo" : "Báo cáo"}
          </Link>
        )}
      </td>
    </tr>
  );
}
