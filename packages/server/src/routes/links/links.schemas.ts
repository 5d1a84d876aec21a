/** The response schema of the list of links between tasks of two plans (GET /api/links). */
import { z } from "zod";
import { pageOf } from "../../http/responses.js";

/** A task a link joins, named as the list shows it. */
const linkedTask = z.object({
  id: z.number(),
  number: z.string().nullable(),
  name: z.string(),
  planId: z.number(),
  planNumber: z.string().nullable(),
  planTitle: z.string().nullable(),
});

export const linkListResponse = pageOf(
  z.object({
    id: z.number(),
    fromTaskId: z.number(),
    toTaskId: z.number(),
    kind: z.enum(["implements", "restates"]),
    score: z.number(),
    reasons: z.array(z.string()),
    state: z.enum(["proposed", "confirmed", "rejected"]),
    decidedAt: z.string().nullable(),
    from: linkedTask,
    to: linkedTask,
  }),
);

/** The links list's body, for the web app (`@giamsat/server/api`). */
export type LinkListResponse = z.output<typeof linkListResponse>;
