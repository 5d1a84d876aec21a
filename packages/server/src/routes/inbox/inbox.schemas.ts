/** The response schema of the unit's inbox (GET /api/inbox). */
import { z } from "zod";
import { INBOX_SHOWS } from "../../services/inbox.service.js";
import { periodSchema } from "../../services/task-detail.view.js";
import { taskListItemSchema } from "../../services/task.view.js";

export const inboxResponse = z.object({
  asOf: z.string(),
  counts: z.record(z.enum(INBOX_SHOWS), z.number()),
  total: z.number(),
  items: z.array(
    z.object({
      task: taskListItemSchema,
      period: periodSchema,
      report: z.object({ id: z.number(), status: z.string(), submittedAt: z.string() }).nullable(),
      late: z.boolean(),
      returned: z
        .object({
          id: z.number(),
          period: z.string(),
          submittedAt: z.string(),
          comment: z.string().nullable(),
        })
        .nullable(),
      toReport: z.boolean(),
    }),
  ),
});

/** The inbox's body, for the web app (`@giamsat/server/api`). */
export type InboxResponse = z.output<typeof inboxResponse>;
