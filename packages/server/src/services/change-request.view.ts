import { z } from "zod";
import type { ChangeRequest } from "@giamsat/db";

export const CHANGE_STATUSES = [
  "awaiting_signoff",
  "returned",
  "proposed",
  "approved",
  "rejected",
] as const;

/** A change request: the response schema and its type. */
export const changeRequestSchema = z.object({
  id: z.number(),
  taskId: z.number(),
  kind: z.enum(["extend_deadline", "reassign", "change_output", "cancel"]),
  payload: z.record(z.string(), z.unknown()),
  reason: z.string(),
  proposedBy: z.number(),
  proposedAt: z.string(),
  /** awaiting_signoff: waits for the unit head; returned: the head sent it back */
  status: z.enum(CHANGE_STATUSES),
  decidedBy: z.number().nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
  /** the proposing unit; null for requests older than the sign-off */
  orgId: z.number().nullable(),
  signedOffBy: z.number().nullable(),
  signedOffAt: z.string().nullable(),
  /** the returned or rejected request this one sends again */
  resubmits: z.number().nullable(),
});
export type ChangeRequestView = z.output<typeof changeRequestSchema>;

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
    orgId: c.org_id,
    signedOffBy: c.signed_off_by,
    signedOffAt: c.signed_off_at,
    resubmits: c.resubmits_id,
  };
}
