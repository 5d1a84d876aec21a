/** One task's page (GET /api/tasks/:id): the response schema and the type inferred from it. */
import { CORRECTABLE_FIELDS } from "@giamsat/core";
import { z } from "zod";
import { changeRequestSchema } from "./change-request.view.js";
import { reportSchema } from "./report.view.js";
import { deadlineSchema, taskListItemSchema, taskOrgSchema } from "./task.view.js";

export const periodSchema = z.object({
  key: z.string(),
  label: z.string(),
  start: z.string(),
  end: z.string(),
  dueDate: z.string(),
});

const complianceSchema = z.object({
  periodsDue: z.number(),
  onTime: z.number(),
  late: z.number(),
  missing: z.number(),
  share: z.number().nullable(),
  periods: z.array(
    periodSchema.extend({
      outcome: z.enum(["on_time", "late", "missing", "open"]),
      receivedOn: z.string().nullable(),
    }),
  ),
});

/** One event of a task's history (the task's, its reports', its change requests'). */
export const auditSchema = z.object({
  id: z.number(),
  at: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  actorName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
});

export const taskDetailSchema = taskListItemSchema.extend({
  asOf: z.string(),
  plan: z.object({
    id: z.number(),
    number: z.string().nullable(),
    date: z.string().nullable(),
    issuer: z.string().nullable(),
    title: z.string().nullable(),
  }),
  refNumber: z.string().nullable(),
  groupPath: z.array(z.string()),
  role: z.enum(["lead", "support"]).nullable(),
  basis: z
    .array(
      z.object({
        raw: z.string(),
        kind: z.string().nullable(),
        number: z.string().nullable(),
        date: z.string().nullable(),
      }),
    )
    .describe("văn bản căn cứ của nhiệm vụ như đã nhập"),
  extra: z.record(z.string(), z.string()),
  line: z.number(),
  version: z.number(),
  cancelledAt: z.string().nullable(),
  removedAt: z.string().nullable(),
  coordinators: z.array(taskOrgSchema),
  milestones: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      output: z.string().nullable(),
      kind: z.string(),
      deadline: deadlineSchema,
      deadlineLabel: z.string(),
    }),
  ),
  links: z.array(
    z.object({
      id: z.number(),
      kind: z.enum(["implements", "restates"]),
      state: z.enum(["proposed", "confirmed", "rejected"]),
      direction: z.enum(["outgoing", "incoming"]),
      score: z.number(),
      reasons: z.array(z.string()),
      other: z.object({
        id: z.number(),
        number: z.string().nullable(),
        name: z.string(),
        planId: z.number(),
        planNumber: z.string().nullable(),
      }),
    }),
  ),
  reporting: z.object({
    calendar: z.object({
      frequency: z.enum(["monthly", "quarterly"]),
      dueDay: z.number(),
      planId: z.number(),
      explicit: z.boolean(),
    }),
    compliance: complianceSchema.nullable(),
  }),
  reports: z.array(reportSchema),
  reportsTotal: z.number().describe("số báo cáo của nhiệm vụ; trang đầu là 100 báo cáo mới nhất"),
  versions: z.array(
    z.object({
      version: z.number(),
      snapshot: z.unknown(),
      reason: z.string(),
      authorName: z.string().nullable(),
      createdAt: z.string(),
      changes: z
        .array(
          z.object({
            field: z.enum(CORRECTABLE_FIELDS),
            label: z.string(),
            before: z.string(),
            after: z.string(),
          }),
        )
        .nullable()
        .describe("các trường một lần hiệu chỉnh đã đổi, trước và sau; null với phiên bản khác"),
    }),
  ),
  changeRequests: z.array(changeRequestSchema),
  audit: z.array(auditSchema),
  auditTotal: z.number().describe("số mục nhật ký của nhiệm vụ; trang đầu là 100 mục mới nhất"),
});
export type TaskDetailView = z.output<typeof taskDetailSchema>;
