/** `task_status_buckets` counted from the tasks in force (migration 0005's fill, and the recount). */
export const FILL_STATUS_BUCKETS = `INSERT INTO task_status_buckets (confidential, kind, due_date, completed_on, n)
  SELECT confidential, kind, COALESCE(due_date, ''), COALESCE(completed_on, ''), COUNT(*)
  FROM tasks WHERE removed_at IS NULL AND cancelled_at IS NULL
  GROUP BY confidential, kind, COALESCE(due_date, ''), COALESCE(completed_on, '')`;
