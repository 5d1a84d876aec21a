/** Counts of tasks by status as of a date: the figures of a dashboard, computed in memory. */
import { emptyStatusCounts, type StatusCode } from "./status-labels.js";
import { taskStatus, type TaskStatusInput, type TaskStatusOptions } from "./task-status.js";

export function countStatuses(
  tasks: Iterable<TaskStatusInput>,
  asOf: string,
  opts: TaskStatusOptions = {},
): Record<StatusCode, number> {
  const counts = emptyStatusCounts();
  for (const task of tasks) counts[taskStatus(task, asOf, opts).code]++;
  return counts;
}
