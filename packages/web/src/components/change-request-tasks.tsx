import { api } from "../api/client.js";
import type { ChangeRequestView, Page, TaskDetail } from "../api/types.js";
import { Link } from "../router/link.js";

export type ChangeRequestsWithTasks = {
  items: ChangeRequestView[];
  /** how many there are in all (the list holds the first page) */
  total: number;
  byId: Map<number, TaskDetail>;
};

/** The first page of the change requests of a status, with the tasks they name (in parallel). */
export async function loadChangeRequestsWithTasks(
  status: ChangeRequestView["status"],
  signal: AbortSignal,
): Promise<ChangeRequestsWithTasks> {
  const { items, total } = await api<Page<ChangeRequestView>>("/api/change-requests", {
    query: { status },
    signal,
  });
  const ids = [...new Set(items.map((c) => c.taskId))];
  const tasks = await Promise.all(
    ids.map((id) => api<TaskDetail>(`/api/tasks/${id}`, { signal }).catch(() => null)),
  );
  return { items, total, byId: new Map(tasks.filter((t) => t !== null).map((t) => [t.id, t])) };
}

/** The task a change request is about, as its heading: plan number, task number, name. */
export function ChangeRequestTaskTitle({
  request,
  task,
}: {
  request: ChangeRequestView;
  task: TaskDetail | undefined;
}) {
  return (
    <h2 className="cr-task">
      <Link to={`/nhiem-vu/${request.taskId}`}>
        {task
          ? `${task.planNumber ? `${task.planNumber} – ` : ""}Nhiệm vụ ${task.number ?? ""}: ${task.name}`
          : `Nhiệm vụ số hiệu ${request.taskId}`}
      </Link>
    </h2>
  );
}
