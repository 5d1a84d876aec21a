/**
 * The API's response types, inferred from the routes' response schemas, for the web app to
 * import as types only (`import type … from "@giamsat/server/api"`): nothing of the server is
 * bundled, and a page cannot restate a shape the server no longer sends.
 */
export type { ChangeRequestView } from "./services/change-request.view.js";
export type { KeptCorrectionView } from "./services/import.view.js";
export type { EvidenceView, QueueItem, ReportView, ReviewView } from "./services/report.view.js";
export type { TaskDetailView } from "./services/task-detail.view.js";
export type { AppendixView, TaskListItemView, TaskOrgView } from "./services/task.view.js";
export type {
  PublicOverdueView,
  PublicPlanDetailView,
  PublicPlanView,
} from "./public-plans/public-plans.schemas.js";
export type {
  FeedbackItemView,
  PublicFeedbackView,
  TaskChoiceView,
} from "./feedback/feedback.schemas.js";
export type { FieldView, PublicFieldView } from "./feedback/feedback-fields.schemas.js";
export type { AnswerDaysView } from "./feedback/feedback-deadlines.schemas.js";
export type {
  DueIndicatorValuesResponse,
  IndicatorDetailResponse,
  IndicatorListResponse,
  PendingIndicatorValuesResponse,
  ValuesSheetPreviewResponse,
} from "./routes/indicators/indicators.schemas.js";
export type {
  CalendarListResponse,
  PlanDetailResponse,
  PlanResponse,
} from "./routes/plans/plans.schemas.js";
export type { MeResponse } from "./routes/auth/auth.schemas.js";
export type {
  ScorecardsResponse,
  StatsResponse,
  TrendResponse,
} from "./routes/stats/stats.schemas.js";
export type { InboxResponse } from "./routes/inbox/inbox.schemas.js";
export type { LinkListResponse } from "./routes/links/links.schemas.js";
export type { OrganisationListResponse } from "./routes/admin/organisations.schemas.js";
export type { UserResponse } from "./routes/admin/users.schemas.js";
export type {
  NotificationListResponse,
  OutboxStatusResponse,
  PreferencesResponse,
} from "./routes/notifications/notifications.schemas.js";
export type {
  KeptReportResponse,
  PeriodicDraftResponse,
  PeriodicPreviewResponse,
} from "./periodic-report/periodic-report.schemas.js";
export type {
  HolidaysResponse,
  ReminderSettingsResponse,
} from "./routes/notifications/reminder-settings.routes.js";
export type {
  ImportConfirmResponse,
  ImportPreviewResponse,
} from "./routes/imports/imports.schemas.js";
