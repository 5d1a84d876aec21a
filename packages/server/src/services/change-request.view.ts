import type { ChangeRequest } from "@giamsat/db";

export type ChangeRequestView = {
  id: number;
  taskId: number;
  kind: ChangeRequest["kind"];
  payload: Record<string, unknown>;
  reason: string;
  proposedBy: number;
  proposedAt: string;
  status: ChangeRequest["status"];
  decidedBy: number | null;
  decidedAt: string | null;
  decisionComment: string | null;
};

export function changeRequestView(c: ChangeRequest): ChangeRequestView {
  return {
    id: c.id,
    taskId: c.task_id,
    kind: c.kind,
    payload: JSON.parse(c.payload) as Record<string, unknown>,
    reason: c.reason,
    proposedBy: c.proposed_by,
    proposedAt: c.proposed_at,
    status: c.status,
    decidedBy: c.decided_by,
    decidedAt: c.decided_at,
    decisionComment: c.decision_comment,
  };
}
