/**
 * The API's response types, inferred from the routes' response schemas, for the web app to
 * import as types only (`import type … from "@giamsat/server/api"`): nothing of the server is
 * bundled, and a page cannot restate a shape the server no longer sends.
 */
export type { ChangeRequestView } from "./services/change-request.view.js";
export type { EvidenceView, QueueItem, ReportView, ReviewView } from "./services/report.view.js";
export type { TaskDetailView } from "./services/task-detail.view.js";
export type { AppendixView, TaskListItemView, TaskOrgView } from "./services/task.view.js";
export type {
  PublicOverdueView,
  PublicPlanDetailView,
  PublicPlanView,
} from "./public-plans/public-plans.schemas.js";
export type { FeedbackItemView, PublicFeedbackView } from "./feedback/feedback.schemas.js";
