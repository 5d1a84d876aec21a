/**
 * The API's response shapes as the pages read them. Those the server infers from its response
 * schemas are imported from it as types (nothing of the server is bundled); the rest are still
 * written here.
 */
import type { ImportResult, UnitScorecard } from "@giamsat/core";
import type {
  ChangeRequestView,
  EvidenceView,
  ReportView,
  ReviewView,
  TaskDetailView,
  TaskListItemView,
  TaskOrgView,
} from "@giamsat/server/api";

export type { ChangeRequestView, EvidenceView, ReportView, ReviewView };
export type OrgLink = TaskOrgView;
export type TaskSummary = TaskListItemView;
export type TaskDetail = TaskDetailView;

export type Role = "admin" | "leader" | "monitor" | "unit_head" | "unit_staff";

export type OrgSummary = { id: number; name: string };

export type SessionUser = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  org: OrgSummary | null;
  /** the units the user acts for (with those under them); null for roles that see every unit */
  units: number[] | null;
};

export type Session = { user: SessionUser; csrfToken: string | null };

export type Page<T> = { items: T[]; total: number };

export type CalendarView = {
  planId: number;
  frequency: "monthly" | "quarterly";
  dueDay: number;
  explicit: boolean;
  planNumber?: string | null;
  planTitle?: string | null;
};

export type PlanSummary = {
  id: number;
  kind: string | null;
  number: string | null;
  date: string | null;
  issuer: string | null;
  title: string | null;
  draft: boolean;
  ownerOrgName: string | null;
  taskCount: number;
  sourceName: string;
  importedAt: string;
  /** the day report timeliness counts from (the import day unless the monitor set one) */
  trackedFrom: string;
  trackedFromSet: boolean;
  /** since when the plan is on the public pages (null: not published) */
  publishedAt: string | null;
  calendar: CalendarView;
};

export type Warning = { line: number | null; code: string; message: string };

export type GroupView = { id: number; path: string[]; number: string; title: string };

export type AppendixView = {
  id: number;
  ordinal: number;
  title: string;
  kind: "tasks" | "indicators";
  groups: GroupView[];
};

export type PlanDetail = PlanSummary & { appendices: AppendixView[]; warnings: Warning[] };

export type StatusCounts = Record<string, number>;

export type Stats = {
  asOf: string;
  total: number;
  counts: StatusCounts;
  /** the 12 lead units with most overdue tasks (then most tasks), in that order */
  byLead: { orgId: number; name: string; total: number; counts: StatusCounts }[];
  /** how many units lead any of the tasks counted */
  leadUnits: number;
};

export type Trend = {
  asOf: string;
  months: { month: string; asOf: string; counts: StatusCounts }[];
};

export type DocumentRefView = TaskDetail["basis"][number];

export type MilestoneView = TaskDetail["milestones"][number];

export type TaskRef = {
  id: number;
  number: string | null;
  name: string;
  planId: number;
  planNumber: string | null;
};

export type ReportWithTask = ReportView & { task: TaskRef & { kind: string } };

/** A task as the link list names it. */
export type LinkedTaskSide = TaskRef & { planTitle: string | null };

/** A link between tasks of two plans (GET /api/links): proposed by the importer, then decided. */
export type LinkProposal = {
  id: number;
  kind: "implements" | "restates";
  score: number;
  reasons: string[];
  state: "proposed" | "confirmed" | "rejected";
  decidedAt: string | null;
  from: LinkedTaskSide;
  to: LinkedTaskSide;
};

export type LinkView = TaskDetail["links"][number];

/** One field a task version changed (corrections after import), written as people read it. */
export type VersionChange = NonNullable<VersionView["changes"]>[number];

export type VersionView = TaskDetail["versions"][number];

export type AuditView = TaskDetail["audit"][number];

export type Period = { key: string; label: string; start: string; end: string; dueDate: string };

/** `/api/inbox` filters: all open tasks, those owing a report now, returned, overdue. */
export type InboxShow = "all" | "to_report" | "returned" | "overdue";

/** One open task of the unit with what it owes for the current reporting period. */
export type InboxItem = {
  task: TaskSummary;
  period: Period;
  report: { id: number; status: string; submittedAt: string } | null;
  late: boolean;
  returned: { id: number; period: string; submittedAt: string; comment: string | null } | null;
  toReport: boolean;
};

export type Inbox = {
  asOf: string;
  counts: Record<InboxShow, number>;
  total: number;
  items: InboxItem[];
};

export type Organisation = {
  id: number;
  name: string;
  shortName: string | null;
  kind: "unit" | "group";
  parentId: number | null;
  /** the parent's name ("Sở Công Thương" — "Ủy ban nhân dân tỉnh Khánh Hòa") */
  parentName: string | null;
  aliases: string[];
  /** staff reports wait for the unit head's sign-off before the review */
  signoffRequired?: boolean;
};

export type UserView = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgId: number | null;
  orgName: string | null;
  active: boolean;
  /** where e-mail notifications go */
  email: string | null;
};

export type ImportPreview = {
  uploadId: string;
  fileName: string;
  result: ImportResult;
  /** unit names the directory does not know: where the document names them ("Phụ lục II, nhiệm vụ 12") */
  unresolved: { raw: string; name: string; count: number; lines: number[]; places: string[] }[];
  existingPlan: { id: number; number: string | null } | null;
  calendar: { frequency: "monthly" | "quarterly"; dueDay: number } | null;
};

export type ImportConfirmed = {
  planId: number;
  created: boolean;
  unchanged: boolean;
  tasks: number;
  indicators: number;
  unresolvedOrgs: number;
};

/** `/api/scorecards`: one card per lead unit (core's UnitScorecard, with the unit's name). */
export type Scorecard = UnitScorecard<number> & {
  name: string;
  /** a placeholder such as "Các bộ, ngành" rather than one unit: listed apart */
  group: boolean;
  /** median days from a report-day reminder to the reports that followed; null without any */
  reminderMedianDays: number | null;
  remindedReports: number;
};
