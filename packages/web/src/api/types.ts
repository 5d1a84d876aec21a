/**
 * The API's response shapes as the pages read them, imported as types from the server's response
 * schemas (nothing of the server is bundled; the server's handlers are held to the same schemas
 * when compiling). The import preview's result is core's import contract.
 */
import type { ImportResult } from "@giamsat/core";
import type {
  ChangeRequestView,
  EvidenceView,
  KeptCorrectionView,
  ReportView,
  ReviewView,
  TaskDetailView,
  TaskListItemView,
  TaskOrgView,
  CalendarListResponse,
  PlanDetailResponse,
  PlanResponse,
  MeResponse,
  ScorecardsResponse,
  StatsResponse,
  TrendResponse,
  InboxResponse,
  LinkListResponse,
  QueueItem,
  OrganisationListResponse,
  UserResponse,
  ImportConfirmResponse,
  ImportPreviewResponse,
} from "@giamsat/server/api";

export type { ChangeRequestView, EvidenceView, KeptCorrectionView, ReportView, ReviewView };
export type OrgLink = TaskOrgView;
export type TaskSummary = TaskListItemView;
export type TaskDetail = TaskDetailView;

export type Session = MeResponse;
export type SessionUser = Session["user"];
export type Role = SessionUser["role"];
export type OrgSummary = NonNullable<SessionUser["org"]>;

export type Page<T> = { items: T[]; total: number };

/** A plan's reporting calendar; the admin list names the plan. */
export type CalendarView = PlanSummary["calendar"] &
  Partial<Pick<CalendarListResponse["items"][number], "planNumber" | "planTitle">>;

export type PlanSummary = PlanResponse;

export type PlanDetail = PlanDetailResponse;

export type Stats = StatsResponse;
export type StatusCounts = Stats["counts"];
export type Trend = TrendResponse;

export type DocumentRefView = TaskDetail["basis"][number];

export type MilestoneView = TaskDetail["milestones"][number];

/** A report in the review queue, with its task. */
export type ReportWithTask = QueueItem;

/** A link between tasks of two plans (GET /api/links): proposed by the importer, then decided. */
export type LinkProposal = LinkListResponse["items"][number];

/** A task as the link list names it. */
export type LinkedTaskSide = LinkProposal["from"];

export type LinkView = TaskDetail["links"][number];

/** One field a task version changed (corrections after import), written as people read it. */
export type VersionChange = NonNullable<VersionView["changes"]>[number];

export type VersionView = TaskDetail["versions"][number];

export type AuditView = TaskDetail["audit"][number];

/** `/api/inbox`: one open task of the unit with what it owes for the current reporting period. */
export type Inbox = InboxResponse;
export type InboxItem = Inbox["items"][number];
export type Period = InboxItem["period"];
/** `/api/inbox` filters: all open tasks, those owing a report now, returned, overdue. */
export type InboxShow = keyof Inbox["counts"];

export type Organisation = OrganisationListResponse["items"][number];

export type UserView = UserResponse;

/** POST /api/imports/preview: the upload read, nothing stored; its result is core's import contract. */
export type ImportPreview = Omit<ImportPreviewResponse, "result"> & { result: ImportResult };

export type ImportConfirmed = ImportConfirmResponse;

/** `/api/scorecards`: one card per lead unit (core's UnitScorecard, with the unit's name). */
export type Scorecard = ScorecardsResponse["items"][number];
